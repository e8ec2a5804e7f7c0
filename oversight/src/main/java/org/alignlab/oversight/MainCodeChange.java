package org.alignlab.oversight;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change does to main (non-test) Java code, so that a test edit beside it can be weighed: which methods'
 * bodies changed, which method names a type lost, and which types changed, all read as token streams (comments,
 * white space and line endings aside). Methods are compared by type, name and parameter types, so an added overload
 * changes no existing method; a type's constructors are its methods named {@code <init>}, and the methods of anonymous
 * classes are not tracked. A method is named {@code Type.name} by its type's simple name: with no symbol resolution, a test's call is tied to a type only
 * through its receiver (a variable, parameter or field declared as that type, a {@code new Type(...)}, or the type's
 * name for a static call). A class moved to another file keeps its methods, so it is neither changed nor removed.
 */
final class MainCodeChange {
    static final MainCodeChange NONE = new MainCodeChange(Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Map.of(), () -> CallGraph.NONE, Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set::of, Map.of());

    /**
     * A word or number that a main line swapped for another while keeping its shape (its other tokens and literals):
     * a constant moved from 2 to 3, a name "exact" become "opening".
     */
    record Swap(String path, int line, String was, String now) {
    }

    /**
     * A tree's methods (signature to body tokens), types (name to tokens), literals by type (strings in quotes,
     * numbers as {@link #number} writes them), strings by method, calls and entries, read once per tree.
     */
    private record Code(Map<String, String> methods, Map<String, String> types, Map<String, Set<String>> literals,
                        Map<String, Set<String>> methodStrings, Map<String, Set<String>> calls,
                        Map<String, Integer> entries, Map<String, Map<String, Integer>> registrations,
                        Set<String> varargs,
                        Map<String, Members> members, Set<String> privates, Set<String> nonPrivates) {
    }

    /** How many fields and methods a type declares (its own, not its nested types'). */
    private record Members(int fields, int methods) {
        static final Members NONE = new Members(0, 0);

        Members plus(Members o) {
            return new Members(fields + o.fields, methods + o.methods);
        }
    }

    private static final DataKey<Code> CODE = new DataKey<>() { };

    private final Set<String> changed;
    private final Set<String> removed;
    /**
     * For each {@code Type.name} of which the change removes some overloads and keeps others: the removed ones' and
     * the kept ones' shapes ({arity, 1 when varargs}), to tell by a call's argument count which it binds to.
     */
    private final Map<String, List<int[]>> removedOverloads;
    private final Map<String, List<int[]>> keptOverloads;
    /** For each {@code Type.name} the change gives another overload (the name was there before): the new ones' shapes. */
    private final Map<String, List<int[]>> addedOverloads;
    /** The shapes of those names' overloads before the change. */
    private final Map<String, List<int[]>> overloadsBefore;
    private final Set<String> changedTypes;
    private final Set<String> removedTypes;
    /**
     * The removed top-level types no surviving method took as a parameter at the base (a type replaced, as Callback by
     * Consumer in fetch(url, callback), asks for its tests to be ported, not deleted) and in a package that gains no
     * type (where it may be renamed), each with the packages it was declared in.
     */
    private final Map<String, Set<String>> typesGone;
    /** The changed main files' types before the change, by qualified name (nested ones as Outer.Inner). */
    private final Set<String> typesBefore;
    /** The changed main files' types on either side of the change, as "package;Outer.Inner" ({@link #typePaths}). */
    private final Set<String> pathsBefore;
    private final Set<String> pathsAfter;
    /** The methods the change renames and nothing else, as "old new" ({@link #renames}), made when first asked for. */
    private final java.util.function.Supplier<Set<String>> renamedMethods;
    /** The removed methods ({@code Type.name}) neither private nor marked as overrides at the base. */
    private final Map<String, RemovedMethod> removedMethods;

    /** Where a removed method's type stood at the base: its package and its direct supertypes' simple names. */
    private record RemovedMethod(String pkg, Set<String> supertypes) {
    }
    /**
     * Types the change moves to another package or file's name (qualified name before to after), one per simple name,
     * and those it renames with their files (simple and qualified names before to after).
     */
    private final Map<String, String> movedTypes;
    /**
     * By type: the literals in the changed main files after the change and not before (strings in quotes, numbers),
     * and the numbers before and not after.
     */
    private final Map<String, Set<String>> addedLiterals;
    /** How many entries each type that is in the change on both sides gained (or lost, below 0); see {@link #entries}. */
    private final Map<String, Integer> entryDeltas;
    /** For the same types, what the change moves their fields and their methods by (each that moves). */
    private final Map<String, Set<Integer>> memberDeltas;
    /**
     * For the same types, where the change moves the number of calls of one registering method ({@link #registering})
     * and of no other, that method and what it moves its calls by.
     */
    private final Map<String, Registration> registrationDeltas;

    /** The calls of a registering method that a change adds to a type (or removes, below 0). */
    private record Registration(String method, int delta) {
    }
    private final Map<String, Set<String>> removedNumbers;
    /** By type, strings in methods the change adds or edits (as they are after it): text the changed code may print. */
    private final Map<String, Set<String>> changedCodeStrings;
    /** Calls between the changed files' methods after the change ({@code Type.name} to the {@code Type.name}s called). */
    private final Map<String, Set<String>> calls;
    /** The strings no changed main file held before the change (as written, without quotes): text it adds. */
    private final Set<String> addedStrings;
    /** The changed main Java files with both sides, whose swaps ({@link #swaps}) are read when first asked for. */
    /** The changed main files with both sides, and their trees (before, after). */
    private final Map<FileChange, CompilationUnit[]> edited;
    /** The code base's calls after the change, unchanged files among them (built when first asked for). */
    private final java.util.function.Supplier<CallGraph> graph;
    private List<Swap> swaps;

    private MainCodeChange(Set<String> changed, Set<String> removed, Set<String> changedTypes, Set<String> removedTypes,
                           Map<String, Set<String>> addedLiterals, Map<String, Set<String>> removedNumbers,
                           Map<String, Set<String>> changedCodeStrings, Map<String, Set<String>> calls,
                           Map<String, Integer> entryDeltas, Map<String, Set<Integer>> memberDeltas,
                           Map<String, Registration> registrationDeltas, Set<String> addedStrings, Map<FileChange, CompilationUnit[]> edited,
                           java.util.function.Supplier<CallGraph> graph, Map<String, List<int[]>> removedOverloads,
                           Map<String, List<int[]>> keptOverloads, Map<String, List<int[]>> addedOverloads,
                           Map<String, List<int[]>> overloadsBefore, Map<String, String> movedTypes,
                           Map<String, Set<String>> typesGone, Set<String> typesBefore, Set<String> pathsBefore,
                           Set<String> pathsAfter, java.util.function.Supplier<Set<String>> renamedMethods,
                           Map<String, RemovedMethod> removedMethods) {
        this.removedMethods = removedMethods;
        this.pathsBefore = pathsBefore;
        this.pathsAfter = pathsAfter;
        this.renamedMethods = new Lazy<>(renamedMethods);
        this.typesBefore = typesBefore;
        this.typesGone = typesGone;
        this.movedTypes = movedTypes;
        this.graph = graph;
        this.overloadsBefore = overloadsBefore;
        this.addedOverloads = addedOverloads;
        this.removedOverloads = removedOverloads;
        this.keptOverloads = keptOverloads;
        this.addedStrings = addedStrings;
        this.edited = edited;
        this.addedLiterals = addedLiterals;
        this.removedNumbers = removedNumbers;
        this.entryDeltas = entryDeltas;
        this.memberDeltas = memberDeltas;
        this.registrationDeltas = registrationDeltas;
        this.changedCodeStrings = changedCodeStrings;
        this.calls = calls;
        this.changed = changed;
        this.removed = removed;
        this.changedTypes = changedTypes;
        this.removedTypes = removedTypes;
    }

    /** The main files of {@code changes}, read through their parsed trees (before, after; null where absent). */
    static MainCodeChange of(List<FileChange> changes, Map<FileChange, CompilationUnit[]> trees) {
        return of(changes, trees, () -> CallGraph.NONE);
    }

    /**
     * As above, with {@code graph}: the calls of the code base after the change (its unchanged files among them), for
     * {@link #changedReachedBy}.
     */
    static MainCodeChange of(List<FileChange> changes, Map<FileChange, CompilationUnit[]> trees,
                             java.util.function.Supplier<CallGraph> graph) {
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        Map<String, String> typesBefore = new HashMap<>();
        Map<String, String> typesAfter = new HashMap<>();
        Map<String, Set<String>> literalsBefore = new HashMap<>();
        Map<String, Set<String>> literalsAfter = new HashMap<>();
        Map<String, Set<String>> stringsAfter = new HashMap<>();
        Map<String, Integer> entriesBefore = new HashMap<>();
        Map<String, Integer> entriesAfter = new HashMap<>();
        Map<String, Map<String, Integer>> registrationsBefore = new HashMap<>();
        Map<String, Map<String, Integer>> registrationsAfter = new HashMap<>();
        Map<String, Members> membersBefore = new HashMap<>();
        Map<String, Members> membersAfter = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        Set<String> varargsBefore = new HashSet<>();
        Set<String> varargsAfter = new HashSet<>();
        // Signatures declared private on both sides of the change (and by no type of the same simple name otherwise).
        Set<String> privateBefore = new HashSet<>();
        Set<String> privateAfter = new HashSet<>();
        Set<String> nonPrivate = new HashSet<>();
        Map<String, String> packages = new HashMap<>(); // the changed files' types at the base, by simple name
        Set<String> overriding = new HashSet<>(); // Type.name of the methods marked @Override at the base
        Map<String, Set<String>> supertypes = new HashMap<>(); // of the changed files' classes at the base, by name
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            if (c.test() || !c.java() || t == null) {
                continue;
            }
            // On either side: a type made to extend a library's class at the head may inherit the method it lost.
            for (CompilationUnit side : t) {
                if (side != null) {
                    JavaDetectors.all(side, TypeDeclaration.class).forEach(type -> supertypes.computeIfAbsent(
                            type.getNameAsString(), k -> new HashSet<>()).addAll(CallGraph.supertypesOf(type)));
                }
            }
            if (t[0] != null) {
                JavaDetectors.all(t[0], TypeDeclaration.class).forEach(type -> packages.put(type.getNameAsString(),
                        packageOf(t[0])));
                JavaDetectors.all(t[0], MethodDeclaration.class).stream().filter(m -> m.isAnnotationPresent("Override"))
                        .forEach(m -> m.findAncestor(TypeDeclaration.class).ifPresent(type -> overriding.add(
                                type.getNameAsString() + "." + m.getNameAsString())));
                before.putAll(code(t[0]).methods());
                varargsBefore.addAll(code(t[0]).varargs());
                privateBefore.addAll(code(t[0]).privates());
                nonPrivate.addAll(code(t[0]).nonPrivates());
                typesBefore.putAll(code(t[0]).types());
                code(t[0]).literals().forEach((k, v) -> literalsBefore.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                code(t[0]).entries().forEach((k, v) -> entriesBefore.merge(k, v, Integer::sum));
                code(t[0]).registrations().forEach((type, byMethod) -> byMethod.forEach((m, n) -> registrationsBefore
                        .computeIfAbsent(type, k -> new HashMap<>()).merge(m, n, Integer::sum)));
                membersBefore.putAll(code(t[0]).members());
            }
            if (t[1] != null) {
                after.putAll(code(t[1]).methods());
                varargsAfter.addAll(code(t[1]).varargs());
                privateAfter.addAll(code(t[1]).privates());
                nonPrivate.addAll(code(t[1]).nonPrivates());
                typesAfter.putAll(code(t[1]).types());
                code(t[1]).literals().forEach((k, v) -> literalsAfter.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                stringsAfter.putAll(code(t[1]).methodStrings());
                code(t[1]).entries().forEach((k, v) -> entriesAfter.merge(k, v, Integer::sum));
                code(t[1]).registrations().forEach((type, byMethod) -> byMethod.forEach((m, n) -> registrationsAfter
                        .computeIfAbsent(type, k -> new HashMap<>()).merge(m, n, Integer::sum)));
                membersAfter.putAll(code(t[1]).members());
                code(t[1]).calls().forEach((k, v) -> calls.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
            }
        }
        Map<String, Set<String>> changedCodeStrings = new HashMap<>();
        stringsAfter.forEach((signature, strings) -> {
            if (!after.get(signature).equals(before.get(signature))) {
                changedCodeStrings.computeIfAbsent(signature.substring(0, signature.indexOf('.')), k -> new HashSet<>())
                        .addAll(strings);
            }
        });
        Set<String> changed = new HashSet<>();
        before.forEach((signature, body) -> {
            if (after.containsKey(signature) && !after.get(signature).equals(body)) {
                changed.add(name(signature));
            }
        });
        Set<String> removed = new HashSet<>();
        // A type's constructors all gone is no code gone (Java supplies one, or the type went: see removesType).
        before.keySet().stream().filter(signature -> !name(signature).endsWith("." + CallGraph.CONSTRUCTOR))
                .forEach(signature -> removed.add(name(signature)));
        after.keySet().forEach(signature -> removed.remove(name(signature)));
        // Not an override gone (a supertype's method, perhaps a library's, still answers the call).
        Map<String, RemovedMethod> removedMethods = new HashMap<>();
        before.keySet().stream().filter(signature -> removed.contains(name(signature))
                        && nonPrivate.contains(signature) && !overriding.contains(name(signature)))
                .forEach(signature -> {
                    String type = signature.substring(0, signature.indexOf('.'));
                    removedMethods.put(name(signature), new RemovedMethod(packages.getOrDefault(type, ""),
                            supertypes.getOrDefault(type, Set.of())));
                });
        // Overloads removed while another of the name stands unchanged in signature and none of the name is added (a
        // method whose parameters change is no overload removed: its calls need editing, not its tests deleting).
        Set<String> keptAsTheyWere = new HashSet<>();
        before.keySet().stream().filter(after::containsKey).forEach(sig -> keptAsTheyWere.add(name(sig)));
        Set<String> gaining = new HashSet<>();
        after.keySet().stream().filter(sig -> !before.containsKey(sig)).forEach(sig -> gaining.add(name(sig)));
        Map<String, List<int[]>> removedOverloads = new HashMap<>();
        Map<String, List<int[]>> keptOverloads = new HashMap<>();
        before.keySet().stream().filter(sig -> !after.containsKey(sig) && keptAsTheyWere.contains(name(sig))
                        && !gaining.contains(name(sig)))
                .forEach(sig -> removedOverloads.computeIfAbsent(name(sig), k -> new java.util.ArrayList<>())
                        .add(shape(sig, varargsBefore)));
        // A private overload kept, private before too, is none a test (another class) called: equals(double, double)
        // left beside a removed public equals(Complex, Complex) took none of the test's two-argument calls. (One the
        // change makes private may have been what the test called.)
        after.keySet().stream().filter(sig -> removedOverloads.containsKey(name(sig)) && !(privateBefore.contains(sig)
                        && privateAfter.contains(sig) && !nonPrivate.contains(sig)))
                .forEach(sig -> keptOverloads.computeIfAbsent(name(sig), k -> new java.util.ArrayList<>())
                        .add(shape(sig, varargsAfter)));
        // Overloads added that spell out a varargs overload of the name for one arity (combine(Module) beside
        // combine(Module...)): Java picks them over the varargs one for calls of that arity.
        Map<String, List<int[]>> addedOverloads = new HashMap<>();
        after.keySet().stream().filter(sig -> !before.containsKey(sig) && before.keySet().stream().anyMatch(old ->
                        varargsBefore.contains(old) && varargsAfter.contains(old) && name(old).equals(name(sig))
                        && spelledOut(old, sig)))
                .forEach(sig -> addedOverloads.computeIfAbsent(name(sig), k -> new java.util.ArrayList<>())
                        .add(shape(sig, varargsAfter)));
        Map<String, List<int[]>> overloadsBefore = new HashMap<>();
        before.keySet().stream().filter(sig -> addedOverloads.containsKey(name(sig))).forEach(sig -> overloadsBefore
                .computeIfAbsent(name(sig), k -> new java.util.ArrayList<>()).add(shape(sig, varargsBefore)));
        Set<String> types = new HashSet<>(typesBefore.keySet());
        types.addAll(typesAfter.keySet());
        types.removeIf(k -> Objects.equals(typesBefore.get(k), typesAfter.get(k)));
        Set<String> removedTypes = new HashSet<>(typesBefore.keySet());
        removedTypes.removeAll(typesAfter.keySet());
        Map<String, Set<String>> added = new HashMap<>();
        Map<String, Set<String>> removedNumbers = new HashMap<>();
        literalsAfter.forEach((type, now) -> {
            Set<String> was = literalsBefore.getOrDefault(type, Set.of());
            now.stream().filter(l -> !was.contains(l)).forEach(l -> added.computeIfAbsent(type, k -> new HashSet<>())
                    .add(l));
        });
        literalsBefore.forEach((type, was) -> {
            Set<String> now = literalsAfter.getOrDefault(type, Set.of());
            was.stream().filter(l -> !l.startsWith("\"") && !now.contains(l)).forEach(l -> removedNumbers
                    .computeIfAbsent(type, k -> new HashSet<>()).add(l));
        });
        Map<String, Integer> entryDeltas = new HashMap<>();
        Map<String, Set<Integer>> memberDeltas = new HashMap<>();
        Map<String, Registration> registrationDeltas = new HashMap<>();
        for (String type : types) {
            if (!typesBefore.containsKey(type) || !typesAfter.containsKey(type)) {
                continue;
            }
            int delta = entriesAfter.getOrDefault(type, 0) - entriesBefore.getOrDefault(type, 0);
            if (delta != 0) {
                entryDeltas.put(type, delta);
            }
            Map<String, Integer> then = registrationsBefore.getOrDefault(type, Map.of());
            Map<String, Integer> now = registrationsAfter.getOrDefault(type, Map.of());
            List<Registration> moved = java.util.stream.Stream.concat(then.keySet().stream(), now.keySet().stream())
                    .distinct().map(m -> new Registration(m, now.getOrDefault(m, 0) - then.getOrDefault(m, 0)))
                    .filter(r -> r.delta() != 0).toList();
            if (moved.size() == 1) {
                registrationDeltas.put(type, moved.get(0));
            }
            Members membersThen = membersBefore.getOrDefault(type, Members.NONE);
            Members membersNow = membersAfter.getOrDefault(type, Members.NONE);
            Set<Integer> deltas = new HashSet<>(Set.of(membersNow.fields() - membersThen.fields()));
            deltas.add(membersNow.methods() - membersThen.methods());
            deltas.remove(0);
            if (!deltas.isEmpty()) {
                memberDeltas.put(type, deltas);
            }
        }
        // Strings new to the changed main files as a whole: one moved between types, or a type renamed, adds none.
        Set<String> addedStrings = new HashSet<>();
        literalsAfter.values().forEach(ls -> ls.stream().filter(l -> l.startsWith("\""))
                .forEach(l -> addedStrings.add(l.substring(1, l.length() - 1))));
        literalsBefore.values().forEach(ls -> ls.stream().filter(l -> l.startsWith("\""))
                .forEach(l -> addedStrings.remove(l.substring(1, l.length() - 1))));
        Map<FileChange, CompilationUnit[]> edited = new java.util.LinkedHashMap<>();
        changes.stream().filter(c -> !c.test() && c.java() && c.oldText() != null && c.newText() != null
                && trees.get(c) != null).forEach(c -> edited.put(c, trees.get(c)));
        // Types moved: a qualified name gone from the changed main files, and one new to them of the same simple name.
        Set<String> pathsBefore = new HashSet<>();
        Set<String> pathsAfter = new HashSet<>();
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            if (!c.test() && c.java() && t != null) {
                typePaths(t[0], pathsBefore);
                typePaths(t[1], pathsAfter);
            }
        }
        Set<String> namesBefore = new HashSet<>();
        Set<String> namesAfter = new HashSet<>();
        pathsBefore.forEach(path -> namesBefore.add(qualified(path)));
        pathsAfter.forEach(path -> namesAfter.add(qualified(path)));
        Map<String, List<String>> goneBySimpleName = new HashMap<>();
        namesBefore.stream().filter(n -> !namesAfter.contains(n)).forEach(n -> goneBySimpleName
                .computeIfAbsent(simple(n), k -> new java.util.ArrayList<>()).add(n));
        Map<String, List<String>> cameBySimpleName = new HashMap<>();
        namesAfter.stream().filter(n -> !namesBefore.contains(n)).forEach(n -> cameBySimpleName
                .computeIfAbsent(simple(n), k -> new java.util.ArrayList<>()).add(n));
        Map<String, String> movedTypes = new HashMap<>();
        goneBySimpleName.forEach((name, gone) -> {
            List<String> came = cameBySimpleName.getOrDefault(name, List.of());
            if (gone.size() == 1 && came.size() == 1) {
                movedTypes.put(gone.get(0), came.get(0));
            }
        });
        // Renamed: a file renamed with its one top-level type, of its name on both sides (NonReflectable.java become
        // JpmsInaccessible.java), main code's or a test fixture's; or, where git's similarity was too low to pair them,
        // a file deleted and one added that are the same text but for the type's name and the package line. Its name,
        // simple and qualified, is the type's.
        Map<String, CompilationUnit> addedByText = new HashMap<>();
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            if (c.kind() == FileChange.Kind.ADDED && t != null && ownType(c.path(), t[1]) != null) {
                addedByText.putIfAbsent(withoutOwnName(c.newText(), ownType(c.path(), t[1])), t[1]);
            }
        }
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            String was = t == null ? null : ownType(c.oldPath(), t[0]);
            CompilationUnit renamed = was == null ? null : c.kind() == FileChange.Kind.RENAMED ? t[1]
                    : c.kind() == FileChange.Kind.DELETED ? addedByText.get(withoutOwnName(c.oldText(), was)) : null;
            String now = renamed == null ? null : ownType(c.kind() == FileChange.Kind.RENAMED ? c.path()
                    : renamed.getType(0).getNameAsString() + ".java", renamed);
            if (now != null) {
                movedTypes.putIfAbsent(was, now);
                movedTypes.putIfAbsent(t[0].getPackageDeclaration().map(d -> d.getNameAsString() + ".").orElse("")
                        + was, renamed.getPackageDeclaration().map(d -> d.getNameAsString() + ".").orElse("") + now);
            }
        }
        Map<String, Set<String>> typesGone = new HashMap<>();
        if (!removedTypes.isEmpty()) {
            // Replaced: a parameter's type in a method that keeps its name and number of parameters, the type now gone
            // from them (fetch(String, Callback) become fetch(String, Consumer)); a parameter dropped is no replacement.
            Set<String> replaced = new HashSet<>();
            Map<String, List<List<String>>> afterByName = new HashMap<>();
            after.keySet().forEach(sig -> afterByName.computeIfAbsent(name(sig), k -> new java.util.ArrayList<>())
                    .add(parameters(sig)));
            before.keySet().stream().filter(sig -> afterByName.containsKey(name(sig))).forEach(sig -> {
                List<String> was = parameters(sig);
                for (String word : String.join(" ", was).split("[^\\w$]+")) {
                    if (removedTypes.contains(word) && afterByName.get(name(sig)).stream().anyMatch(now ->
                            now.size() == was.size() && !String.join(" ", now).matches("(?s).*\\b" + word + "\\b.*"))) {
                        replaced.add(word);
                    }
                }
            });
            // A package that gains a type may have the removed one renamed (RetryPolicy to Retries): not gone.
            Set<String> packagesGaining = new HashSet<>();
            for (FileChange c : changes) {
                CompilationUnit[] t = trees.get(c);
                if (!c.test() && c.java() && t != null && t[1] != null && t[1].getTypes().stream()
                        .anyMatch(type -> !typesBefore.containsKey(type.getNameAsString()))) {
                    packagesGaining.add(packageOf(t[1]));
                }
            }
            for (FileChange c : changes) {
                CompilationUnit[] t = trees.get(c);
                if (c.test() || !c.java() || t == null || t[0] == null || packagesGaining.contains(packageOf(t[0]))) {
                    continue;
                }
                // Top-level types only: a nested one's simple name (Builder) is too often another's.
                t[0].getTypes().stream().map(TypeDeclaration::getNameAsString)
                        .filter(n -> removedTypes.contains(n) && !replaced.contains(n))
                        .forEach(n -> typesGone.computeIfAbsent(n, k -> new HashSet<>()).add(packageOf(t[0])));
            }
        }
        return new MainCodeChange(changed, removed, types, removedTypes, added, removedNumbers, changedCodeStrings, calls,
                entryDeltas, memberDeltas, registrationDeltas, addedStrings, edited, graph, removedOverloads, keptOverloads, addedOverloads, overloadsBefore,
                movedTypes, typesGone, namesBefore, pathsBefore, pathsAfter, () -> renamedMethods(before, after),
                removedMethods);
    }

    private static Set<String> renamedMethods(Map<String, String> methodsBefore, Map<String, String> methodsAfter) {
        Map<String, List<String>> then = byName(methodsBefore);
        Map<String, List<String>> now = byName(methodsAfter);
        Set<String> renamed = new HashSet<>();
        then.forEach((was, declarations) -> {
            if (!now.containsKey(was)) {
                now.forEach((name, came) -> {
                    // Each declaration of the old name (an interface's and its implementations') one of the new.
                    if (!then.containsKey(name) && came.size() == declarations.size() && declarations.stream()
                            .allMatch(d -> came.stream().anyMatch(c -> sameShape(d, c)))) {
                        renamed.add(was + " " + name);
                    }
                });
            }
        });
        return renamed;
    }

    /** By method name, its declarations as "type parameter types body" (tokens, spaced), each without the name. */
    private static Map<String, List<String>> byName(Map<String, String> methods) {
        Map<String, List<String>> out = new HashMap<>();
        methods.forEach((sig, body) -> {
            String member = name(sig);
            int dot = member.lastIndexOf('.');
            String params = sig.substring(sig.indexOf('(') + 1, sig.lastIndexOf(')'));
            out.computeIfAbsent(simple(member), k -> new java.util.ArrayList<>()).add((dot < 0 ? "" : member
                    .substring(0, dot)) + " ( " + params.replaceAll("([^\\w$])", " $1 ") + " ) " + body);
        });
        return out;
    }

    private static final Set<String> FIXED_WORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "if", "implements", "import", "instanceof", "int", "interface", "long", "new",
            "return", "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "try", "var",
            "void", "volatile", "while", "yield", "true", "false", "null");

    /**
     * Whether two declarations ("type parameter types body", as {@link #byName} gives them) are the same but for names:
     * the same type, the same tokens in the same order, keywords and literals alike, each other name put for one name
     * throughout (a field, a parameter's type or a call renamed with the method), never two names for one.
     */
    private static boolean sameShape(String was, String now) {
        String[] a = was.trim().split("\\s+");
        String[] b = now.trim().split("\\s+");
        if (a.length != b.length || !a[0].equals(b[0])) {
            return false;
        }
        Map<String, String> to = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        for (int i = 1; i < a.length; i++) {
            if (a[i].equals(b[i]) && !to.containsKey(a[i]) && !from.containsKey(b[i])) {
                continue;
            }
            boolean names = a[i].matches("[A-Za-z_$][\\w$]*") && b[i].matches("[A-Za-z_$][\\w$]*")
                    && !FIXED_WORDS.contains(a[i]) && !FIXED_WORDS.contains(b[i]);
            if (!names || !to.getOrDefault(a[i], b[i]).equals(b[i]) || !from.getOrDefault(b[i], a[i]).equals(a[i])) {
                return false;
            }
            to.put(a[i], b[i]);
            from.put(b[i], a[i]);
        }
        return true;
    }

    /** Whether the change renames a method and nothing else about it ({@link #renames}). */
    synchronized boolean renamesSome() {
        return !renamedMethods.get().isEmpty();
    }

    /**
     * Whether the change renames the method {@code was} to {@code now} in main code and changes nothing else about it:
     * the changed main files declare {@code was} before the change and not after, {@code now} after and not before, as
     * often, each declaration of the one matched by one of the other in the same type, the same but for names ({@link #sameShape}: a field, a parameter's type or a
     * call renamed with it, not a value, an operator or a statement changed). Unchanged main files are not read (a
     * superclass's method of the old name may still be there), the receiver a test calls it on is not resolved, and
     * other methods the change edits (writing a renamed field otherwise) are not weighed.
     */
    synchronized boolean renames(String was, String now) {
        return renamedMethods.get().contains(was + " " + now);
    }

    /**
     * The types a tree declares as "package;Outer.Inner" (local classes left out), into {@code out}: where the package
     * ends, which a qualified name does not say.
     */
    private static void typePaths(CompilationUnit cu, Set<String> out) {
        if (cu != null) {
            String pkg = packageOf(cu);
            JavaDetectors.all(cu, TypeDeclaration.class).forEach(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName()
                    .ifPresent(q -> out.add(pkg + ";" + (pkg.isEmpty() ? q : q.substring(pkg.length() + 1)))));
        }
    }

    /** A type's qualified name (nested ones as Outer.Inner) from its path ({@link #typePaths}). */
    private static String qualified(String path) {
        int cut = path.indexOf(';');
        return cut == 0 ? path.substring(1) : path.substring(0, cut) + "." + path.substring(cut + 1);
    }

    /** The one top-level type of a file named after it, or null. */
    private static String ownType(String path, CompilationUnit unit) {
        if (path == null || unit == null || unit.getTypes().size() != 1) {
            return null;
        }
        String name = unit.getType(0).getNameAsString();
        return ("/" + path).endsWith("/" + name + ".java") ? name : null;
    }

    /** A file's text without its package line, and with its type's name, as a whole word, blanked. */
    private static String withoutOwnName(String text, String name) {
        return text.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "")
                .replaceAll("(?<![\\w$])" + java.util.regex.Pattern.quote(name) + "(?![\\w$])", "\0");
    }

    static String simple(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /**
     * Whether the string literal {@code now} is {@code was} with the qualified name of a type the change moves written
     * as it is after the move, or the name (simple or qualified) of a type it renames with its file written as it is
     * after the rename: the same type named as it now is.
     */
    boolean sameTypeMoved(String was, String now) {
        for (Map.Entry<String, String> m : movedTypes.entrySet()) {
            // The whole name: demo.Greeter moved says nothing of demo.GreeterFactory. A simple name (a type renamed)
            // only where it reads as the type's, at the text's end or before what follows a type's name in code or
            // in a message (Greeter@1f, Greeter$Inner, Greeter(..), Greeter.greet, Greeter[..], Greeter{..},
            // List<Greeter>, Greeter#greet, quoted): a word in prose ("Order #12 shipped") may be the message the
            // code changed.
            String name = "(?<![\\w$.])" + java.util.regex.Pattern.quote(m.getKey())
                    + (m.getKey().contains(".") ? "(?![\\w$])" : "(?=$|[@$(.\\[\\]{}<>:,)#'`\"])");
            if (was.contains(m.getKey()) && was.replaceAll(name, java.util.regex.Matcher.quoteReplacement(m.getValue()))
                    .equals(now)) {
                return true;
            }
        }
        return false;
    }

    /** The members of {@code a} not in {@code b}. */
    private static Set<String> without(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** The one place where two lists of literals differ, or -1 (of other lengths, the same, or differing more). */
    private static int onlyDifference(List<String> was, List<String> now) {
        if (was.size() != now.size()) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at;
    }

    /** The swaps of every changed main file, read once, when an expectation first needs them (a line diff each). */
    private synchronized List<Swap> swaps() {
        if (swaps == null) {
            swaps = edited.keySet().stream().flatMap(c -> swaps(c).stream()).toList();
        }
        return swaps;
    }

    /**
     * The swaps of a changed main file: each added line paired with a removed line of the same shape
     * ({@link LineShape}) whose literals differ in one place only, and there by one word (of 4 or more characters, on
     * one side at least) or one number; the nearest such removed line of the file, comments left out. A number
     * from -10 to 10 counts only on a line declaring a constant ({@code static final}): elsewhere small numbers move
     * for too many reasons to tell anything.
     */
    private static List<Swap> swaps(FileChange c) {
        LineDiff d = LineDiff.of(c.oldText(), c.newText());
        Map<String, java.util.ArrayDeque<LineDiff.Line>> removedByShape = new HashMap<>();
        for (LineDiff.Line r : d.removed()) {
            removedByShape.computeIfAbsent(LineShape.mask(r.text()), k -> new java.util.ArrayDeque<>()).add(r);
        }
        List<Swap> out = new ArrayList<>();
        for (LineDiff.Line a : d.added()) {
            String masked = LineShape.mask(a.text());
            if (LineShape.comment(a.text())) {
                continue; // a year in a licence header or a figure in a comment is no code
            }
            // The literals before a trailing comment are the line's code.
            int comment = masked.indexOf("//") >= 0 ? masked.indexOf("//") : masked.indexOf("/*");
            int code = comment < 0 ? Integer.MAX_VALUE : (int) masked.substring(0, comment).chars()
                    .filter(ch -> ch == '#').count();
            List<String> now = LineShape.literals(a.text());
            // The nearest removed line of this shape whose literals differ from these in one place only (lines moved
            // or re-indented whole, or edited in several places, are left for others).
            LineDiff.Line paired = null;
            int differing = -1;
            for (LineDiff.Line r : removedByShape.getOrDefault(masked, new java.util.ArrayDeque<>())) {
                int at = onlyDifference(LineShape.literals(r.text()), now);
                if (at >= 0 && (paired == null || Math.abs(r.number() - a.number())
                        < Math.abs(paired.number() - a.number()))) {
                    paired = r;
                    differing = at;
                }
            }
            if (paired == null) {
                continue;
            }
            removedByShape.get(masked).remove(paired);
            List<String> was = LineShape.literals(paired.text());
            if (differing >= code || was.get(differing).startsWith("'") || now.get(differing).startsWith("'")) {
                continue;
            }
            Set<String> wasWords = new HashSet<>();
            Set<String> wasNumbers = new HashSet<>();
            Set<String> nowWords = new HashSet<>();
            Set<String> nowNumbers = new HashSet<>();
            split(was.get(differing), wasWords, wasNumbers);
            split(now.get(differing), nowWords, nowNumbers);
            Set<String> oldOnly = without(wasWords, nowWords);
            Set<String> newOnly = without(nowWords, wasWords);
            boolean words = oldOnly.size() == 1 && newOnly.size() == 1 && wasNumbers.equals(nowNumbers);
            if (!words) {
                oldOnly = without(wasNumbers, nowNumbers);
                newOnly = without(nowNumbers, wasNumbers);
                if (oldOnly.size() != 1 || newOnly.size() != 1 || !wasWords.equals(nowWords)) {
                    continue;
                }
            }
            String o = oldOnly.iterator().next();
            String n = newOnly.iterator().next();
            boolean telling = words ? Math.max(o.length(), n.length()) >= 4
                    : !(common(o) || common(n))
                    || CONSTANT.matcher(comment < 0 ? masked : masked.substring(0, comment)).find();
            if (telling) {
                out.add(new Swap(c.path(), a.number(), o, n));
            }
        }
        return out;
    }

    /** A constant's declaration (literals masked, so that the words in a string do not count). */
    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile(
            "\\b(static\\s+final|final\\s+static)\\b");

    /**
     * Whether a call registers one thing in the object or class being set up: a statement ({@link #duringSetUp}) that
     * calls a method named add, put or register, or so named and more ({@code addDefaultSerializer},
     * {@code registerModule}), save those that take many at once ({@code addAll}, {@code registerAllModules}). A
     * listener added or a value put in an ordinary method is no registration of the type's own.
     */
    private static boolean registering(MethodCallExpr call) {
        return REGISTERING.matcher(call.getNameAsString()).matches()
                && call.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt
                && duringSetUp(call);
    }

    /**
     * Whether a node runs while its type is set up: in a constructor, an initializer or a field's value (a double
     * brace among them, where the object is made while the type is set up), or in a method of the type that such code
     * of that very type calls without a receiver and with as many arguments ({@code registerDefaults()} called from
     * the constructor); not in a lambda, an annotation, or an anonymous class made elsewhere.
     */
    private static boolean duringSetUp(Node n) {
        if (n.findAncestor(com.github.javaparser.ast.expr.AnnotationExpr.class).isPresent()) {
            return false;
        }
        Node around = setUpAround(n);
        if (around instanceof MethodDeclaration m) {
            return m.getParentNode().filter(t -> t instanceof TypeDeclaration<?>)
                    .map(t -> setUpCalls((TypeDeclaration<?>) t).contains(m.getNameAsString() + "/"
                            + m.getParameters().size())).orElse(false);
        }
        return around != null;
    }

    private static final DataKey<Set<String>> SET_UP_CALLS = new DataKey<>() { };

    /**
     * The methods (name/arguments) that the code setting a type up calls without a receiver, in the type itself (not
     * in a type nested in it); kept on the type, whose tree's lock the caller holds.
     */
    private static Set<String> setUpCalls(TypeDeclaration<?> type) {
        if (!type.containsData(SET_UP_CALLS)) {
            Set<String> out = new HashSet<>();
            type.findAll(MethodCallExpr.class, c -> c.getScope().isEmpty()
                    && c.findAncestor(TypeDeclaration.class).orElse(null) == type).forEach(c -> {
                        Node at = setUpAround(c);
                        if (at != null && !(at instanceof MethodDeclaration)) {
                            out.add(c.getNameAsString() + "/" + c.getArguments().size());
                        }
                    });
            type.setData(SET_UP_CALLS, out);
        }
        return type.getData(SET_UP_CALLS);
    }

    /**
     * Where a node runs while its type is set up: the constructor, initializer or field declaration around it (a
     * double brace made in such code counts as that code's); else the ordinary method of a type around it; null
     * within a lambda or an anonymous class made elsewhere, or outside any of these.
     */
    private static Node setUpAround(Node n) {
        for (Node at = n.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
            if (at instanceof com.github.javaparser.ast.expr.LambdaExpr || at instanceof TypeDeclaration<?>) {
                return null;
            }
            if (at instanceof com.github.javaparser.ast.body.ConstructorDeclaration
                    || at instanceof com.github.javaparser.ast.body.InitializerDeclaration
                    || at instanceof com.github.javaparser.ast.body.FieldDeclaration) {
                Node owner = at.getParentNode().orElse(null);
                if (owner instanceof ObjectCreationExpr made) {
                    // An anonymous class's: set up where the object is made, if that is set-up code of a type.
                    Node where = setUpAround(made);
                    return where instanceof MethodDeclaration ? null : where;
                }
                return owner instanceof com.github.javaparser.ast.body.EnumConstantDeclaration ? null : at;
            }
            if (at instanceof CallableDeclaration<?>) {
                return at.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).isPresent() ? at : null;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern REGISTERING = java.util.regex.Pattern.compile(
            "(add|put|register)(?!\\w*All(?![a-z]))([A-Z]\\w*)?");

    /**
     * The entries a node adds to a type's collections: an enum's constant, an array initializer's or a collection
     * factory's element ({@code List.of}, {@code Arrays.asList}; {@code Map.of}: a key and its value). Registrations
     * are counted apart, by method ({@link #registering}), so that calls of two such methods do not add up to a count.
     */
    private static int entries(Node n) {
        if (n instanceof com.github.javaparser.ast.body.EnumConstantDeclaration) {
            return 1;
        }
        if (n instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr a) {
            return a.getValues().size();
        }
        if (n instanceof MethodCallExpr c) {
            String name = c.getNameAsString();
            String scope = c.getScope().map(Node::toString).orElse("");
            if ((name.equals("of") || name.equals("ofEntries")) && COLLECTION.matcher(scope).matches()
                    || name.equals("asList") && scope.endsWith("Arrays")) {
                boolean map = scope.endsWith("Map") && name.equals("of");
                return map ? c.getArguments().size() / 2 : c.getArguments().size();
            }
        }
        return 0;
    }

    /** The receivers of a collection's factory: List.of, Set.of, Map.of, Stream.of, EnumSet.of and the like. */
    private static final java.util.regex.Pattern COLLECTION = java.util.regex.Pattern.compile(
            "([\\w.]*\\.)?\\w*(List|Set|Map|Stream|Collection)");

    /** A signature's arity and whether its last parameter is varargs ({arity, 0 or 1}). */
    private static int[] shape(String signature, Set<String> varargs) {
        return new int[] {parameters(signature).size(), varargs.contains(signature) ? 1 : 0};
    }

    /** A signature's parameter types as written (commas inside generics kept in their type). */
    private static List<String> parameters(String signature) {
        String params = signature.substring(signature.indexOf('(') + 1, signature.lastIndexOf(')'));
        List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < params.length(); i++) {
            char ch = params.charAt(i);
            depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                out.add(params.substring(from, i));
                from = i + 1;
            }
        }
        if (!params.isEmpty()) {
            out.add(params.substring(from));
        }
        return out;
    }

    /**
     * Whether {@code fixed}'s parameters are {@code varargsSignature}'s with its last (written T[]) spelled out as
     * zero or more T: {@code combine(Module[])} spelled out as {@code combine(Module)} or {@code combine(Module,Module)}.
     */
    private static boolean spelledOut(String varargsSignature, String fixed) {
        List<String> v = parameters(varargsSignature);
        List<String> f = parameters(fixed);
        if (v.isEmpty() || f.size() < v.size() - 1 || !f.subList(0, v.size() - 1).equals(v.subList(0, v.size() - 1))) {
            return false;
        }
        String element = v.get(v.size() - 1).replaceAll("\\[]$", "");
        return f.subList(v.size() - 1, f.size()).stream().allMatch(element::equals);
    }

    private static boolean takes(int[] shape, int arguments) {
        return shape[1] == 1 ? arguments >= shape[0] - 1 : arguments == shape[0];
    }

    /** {@code Type.name(params)} to {@code Type.name}. */
    private static String name(String signature) {
        return signature.substring(0, signature.indexOf('('));
    }

    private static Code code(CompilationUnit cu) {
        synchronized (cu) {
            if (!cu.containsData(CODE)) {
                Map<String, String> methods = new HashMap<>();
                Map<String, String> types = new HashMap<>();
                Map<String, Set<String>> methodStrings = new HashMap<>();
                Set<String> varargs = new HashSet<>();
                Set<String> privates = new HashSet<>();
                Set<String> nonPrivates = new HashSet<>();
                for (CallableDeclaration<?> m : JavaDetectors.all(cu, CallableDeclaration.class)) {
                    Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
                    if (owner.isEmpty() || m.getParentNode().orElse(null) instanceof ObjectCreationExpr) {
                        continue; // a method of an anonymous class is no member of the type around it
                    }
                    String signature = owner.get().getNameAsString() + "." + CallGraph.memberName(m) + "("
                            + String.join(",", m.getParameters().stream().map(p -> p.getType().asString()
                            + (p.isVarArgs() ? "[]" : "")).toList()) + ")";
                    if (m.getParameters().getLast().filter(Parameter::isVarArgs).isPresent()) {
                        varargs.add(signature);
                    }
                    (m.isPrivate() ? privates : nonPrivates).add(signature);
                    Optional<? extends Node> body = m instanceof MethodDeclaration d ? d.getBody()
                            : Optional.of(((ConstructorDeclaration) m).getBody());
                    // An enum's constants may each override a method: their bodies are one method here, so that an edit
                    // to any of them changes it.
                    methods.merge(signature, body.map(MainCodeChange::tokens).orElse(""), (x, y) -> x + " | " + y);
                    Set<String> strings = methodStrings.computeIfAbsent(signature, k -> new HashSet<>());
                    m.findAll(StringLiteralExpr.class).forEach(l -> strings.add(l.getValue()));
                    m.findAll(TextBlockLiteralExpr.class).forEach(l -> strings.add(l.getValue()));
                }
                Map<String, Set<String>> callsOut = CallGraph.calls(cu);
                for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
                    types.merge(t.getNameAsString(), tokens(t), (a, b) -> a + " | " + b);
                }
                Map<String, Set<String>> literals = new HashMap<>();
                for (LiteralStringValueExpr l : JavaDetectors.all(cu, LiteralStringValueExpr.class)) {
                    String value = l instanceof StringLiteralExpr || l instanceof TextBlockLiteralExpr
                            ? '"' + l.getValue() + '"' : l instanceof CharLiteralExpr ? null : number(l.getValue());
                    if (value != null) {
                        l.findAncestor(TypeDeclaration.class).ifPresent(t -> literals.computeIfAbsent(
                                t.getNameAsString(), k -> new HashSet<>()).add(value));
                    }
                }
                Map<String, Integer> entries = new HashMap<>();
                for (Node n : JavaDetectors.all(cu, Node.class)) {
                    int count = entries(n);
                    if (count > 0 && (n instanceof com.github.javaparser.ast.body.EnumConstantDeclaration
                            || duringSetUp(n))) {
                        n.findAncestor(TypeDeclaration.class).ifPresent(t -> entries.merge(t.getNameAsString(), count,
                                Integer::sum));
                    }
                }
                // By type, then by method, the statements that register something (addDefaultSerializer(...)).
                Map<String, Map<String, Integer>> registrations = new HashMap<>();
                for (MethodCallExpr call : JavaDetectors.all(cu, MethodCallExpr.class)) {
                    if (registering(call)) {
                        call.findAncestor(TypeDeclaration.class).ifPresent(t -> registrations.computeIfAbsent(
                                t.getNameAsString(), k -> new HashMap<>()).merge(call.getNameAsString(), 1,
                                Integer::sum));
                    }
                }
                // Each type's own fields and methods, counted: a test may count them (by reflection, say).
                Map<String, Members> members = new HashMap<>();
                for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
                    members.merge(t.getNameAsString(), new Members(t.getFields().stream()
                            .mapToInt(f -> f.getVariables().size()).sum(), t.getMethods().size()), Members::plus);
                }
                cu.setData(CODE, new Code(methods, types, literals, methodStrings, callsOut, entries, registrations,
                        varargs, members, privates, nonPrivates));
            }
            return cu.getData(CODE);
        }
    }

    /** The node's tokens, comments and white space left out. */
    private static String tokens(Node n) {
        StringBuilder b = new StringBuilder();
        n.getTokenRange().ifPresent(range -> {
            for (JavaToken t : range) {
                if (!t.getCategory().isWhitespaceOrComment()) {
                    b.append(t.getText()).append(' ');
                }
            }
        });
        return b.toString();
    }

    /** Whether the change touches main code at all (a type's tokens, comments and layout aside). */
    boolean any() {
        return !changedTypes.isEmpty();
    }

    /**
     * Whether main code loses what a task removes ({@code words}, as {@link TaskStatement#removes} gives them): fewer
     * identifiers of the edited main files hold every word as whole camel-case parts after the change than before
     * (comments and literals left out), or a type whose name holds them is removed. A feature that goes leaves its
     * mark so; a test deleted while its feature stays does not.
     */
    boolean loses(String words) {
        List<String> parts = List.of(words.split(" "));
        java.util.function.Predicate<String> holds = id -> parts.stream().allMatch(w -> TaskStatement.namedFor(id, w));
        if (removedTypes.stream().anyMatch(holds)) {
            return true;
        }
        long before = 0;
        long after = 0;
        for (CompilationUnit[] t : edited.values()) {
            before += JavaDetectors.all(t[0], SimpleName.class).stream().map(SimpleName::getIdentifier).filter(holds)
                    .count();
            after += JavaDetectors.all(t[1], SimpleName.class).stream().map(SimpleName::getIdentifier).filter(holds)
                    .count();
        }
        return after < before;
    }

    private static String packageOf(CompilationUnit cu) {
        return cu.getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
    }

    /**
     * Whether the change removes the type named {@code name} from main code: a type of that simple name is in no
     * changed file after it, nor seemingly in another main file of the code base where those are known; or a nested
     * type of the package {@code pkg} goes whose outer types' names and its own, run together, are the name
     * (Either.LeftProjection for EitherLeftProjectionTest), its simple name gone too and {@code mentioned} by the test
     * file, where no type of the whole name is declared after the change, in the changed files (nested or not) or in
     * any other main file of the code base (known, and read by outline), and the outer type gains no nested type (it
     * may be the same one renamed). A top-level class made a nested one keeps its methods and may keep its tests'
     * subject: not a removal.
     */
    boolean removesType(String name, String pkg, java.util.function.Predicate<String> mentioned) {
        if (removedTypes.contains(name)) {
            return !graph.get().seemsToDeclare(name);
        }
        for (String path : pathsBefore) {
            int cut = path.indexOf(';');
            String inPackage = path.substring(cut + 1);
            if (!pathsAfter.contains(path) && path.substring(0, cut).equals(pkg)
                    && inPackage.contains(".") && removedTypes.contains(simple(inPackage))
                    && inPackage.replace(".", "").equals(name) && mentioned.test(simple(inPackage))
                    && pathsAfter.stream().noneMatch(p -> simple(p.substring(p.indexOf(';') + 1)).equals(name)
                    || p.startsWith(path.substring(0, path.lastIndexOf('.') + 1)) && !pathsBefore.contains(p))
                    && !graph.get().mayDeclare(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new expected values ({@code came}, literals as written in the test) that come with main code the change
     * adds or edits in a type the test reaches ({@link #reachedTypes}), where the old ones ({@code gone}) do not: a
     * number (alone or in a string) that the changed main code now holds and did not, where the number is other than -10 to 10 (too common to tell anything) or the main
     * code also lost a number the old values held (a constant moved from 2 to 3, and the test with it); a word of 5 or
     * more characters new to the expectation that is a whole string the main code now holds and did not (a name
     * added to a list the output shows); or a string that holds a piece of 8 or more
     * characters of a string in main code the change adds or in a method it edits (pieces: the string cut at format
     * placeholders such as {@code %s} or <code>{}</code>), or is itself held in one, or runs across a piece's start
     * or end ({@link #sharedText}), which none of the old values held. Such a new expectation is likely the changed
     * code's new output, not a value edited to fit unchanged code.
     */
    private List<String> producedBy(List<String> came, List<String> gone, Node test, String namesake) {
        Set<String> reached = reachedTypes(test, namesake);
        Set<String> reachedStrings = new HashSet<>();
        Set<String> addedNumbers = new HashSet<>();
        Set<String> lostNumbers = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (String type : reached) {
            for (String l : addedLiterals.getOrDefault(type, Set.of())) {
                if (l.startsWith("\"")) {
                    // Only text no changed main file held before: a string moved into the type adds nothing.
                    if (addedStrings.contains(l.substring(1, l.length() - 1))) {
                        reachedStrings.add(l.substring(1, l.length() - 1));
                    }
                } else {
                    addedNumbers.add(l);
                }
            }
            lostNumbers.addAll(removedNumbers.getOrDefault(type, Set.of()));
            sources.addAll(changedCodeStrings.getOrDefault(type, Set.of()));
        }
        sources.addAll(reachedStrings);
        // Words and numbers the new values hold and the old ones did not, and the numbers the old ones held.
        Set<String> oldWords = new HashSet<>();
        Set<String> oldNumbers = new HashSet<>();
        gone.forEach(g -> split(g, oldWords, oldNumbers));
        boolean oldNumberLost = oldNumbers.stream().anyMatch(lostNumbers::contains);
        Set<String> out = new TreeSet<>();
        for (String value : came) {
            Set<String> words = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            split(value, words, numbers);
            words.removeAll(oldWords);
            numbers.removeAll(oldNumbers);
            boolean numberReplaced = numbers.stream().anyMatch(n -> addedNumbers.contains(n)
                    && (!common(n) || oldNumberLost));
            boolean wordAdded = words.stream().anyMatch(w -> w.length() >= 5 && reachedStrings.contains(w));
            if (numberReplaced || wordAdded) {
                out.add(value);
                continue;
            }
            String shared = sharedText(value, sources, gone, false);
            if (shared != null && noNewNumberBeside(value, shared, oldWords, oldNumbers)) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The text that string {@code value} (quoted, as written) shares with one of {@code sources}, which none of
     * {@code others} (quoted values) holds: a piece of a source of 8 or more characters that the value holds (pieces: the
     * source cut at format placeholders such as {@code %s} or <code>{}</code>), or the value's own text, of 8 or more
     * characters, held in a piece, or 16 characters or more where the value runs across a piece's start or end
     * ({@link #overlap}); with {@code words}, only text of two words or more (a single word is more often a
     * key or a name than output); null for none.
     */
    private static String sharedText(String value, Set<String> sources, List<String> others, boolean words) {
        if (!value.startsWith("\"") || !value.endsWith("\"") || value.length() < 2) {
            return null;
        }
        String text = value.substring(1, value.length() - 1);
        for (String source : sources) {
            for (String piece : PLACEHOLDER.split(source)) {
                String core = piece.strip();
                boolean tied = core.length() >= 8 && text.contains(core) || text.length() >= 8 && core.contains(text);
                String shared = tied ? (core.length() < text.length() ? core : text) : overlap(text, core);
                tied |= shared != null;
                if (tied && (!words || TWO_WORDS.matcher(shared).find())
                        && others.stream().noneMatch(g -> g.contains(shared))) {
                    return shared;
                }
            }
        }
        return null;
    }

    /**
     * Where a value that a test looks for runs across the end of a piece of printed text into what follows it, or
     * comes from before it into its start: the part the two share, when it is 16 or more characters of two words or
     * more; else null.
     */
    private static String overlap(String text, String core) {
        if (text.length() < OVERLAP || core.length() < OVERLAP) {
            return null;
        }
        // The text ends with the start of the piece.
        int at = text.indexOf(core.substring(0, OVERLAP));
        if (at >= 0 && core.startsWith(text.substring(at))) {
            String shared = text.substring(at);
            return TWO_WORDS.matcher(shared).find() ? shared : null;
        }
        // The text starts with the end of the piece.
        at = core.indexOf(text.substring(0, OVERLAP));
        if (at >= 0 && text.startsWith(core.substring(at))) {
            String shared = core.substring(at);
            return TWO_WORDS.matcher(shared).find() ? shared : null;
        }
        return null;
    }

    private static final int OVERLAP = 16;

    private static final java.util.regex.Pattern TWO_WORDS = java.util.regex.Pattern.compile(
            "\\p{L}{2,}[^\\p{L}\\p{N}]+\\p{L}{2,}");

    /**
     * Why expected values {@code gone}, replaced by {@code came}, are likely a change to main code followed, wherever in
     * the changed files that code is (a test run through a command line or a service reaches code its own text does
     * not name). A new value is explained by main code when {@link #producedBy} finds it in a type the test reaches
     * ({@code test}, as it was at the base; {@code namesake}, its file's namesake), when it holds text of two words or
     * more that the change adds
     * to main code (strings no changed main file held before; {@link #sharedText}), with no number new to the
     * expectation outside that text, or when it is an old value with one word or number swapped for another as a main
     * code line of the same shape swaps it ({@link Swap}), other words maybe added. Null unless one value is so
     * explained and every other new value is explained too, or is a string made only of the old values' words and
     * numbers, or is a check the change adds: a string sharing no word or number with the old values, or a number
     * alone where no old value was one, and these only when there are at least as many explained new values as old
     * ones (a bent "passed" to "failed" beside one tied message is not a new check). Words a value adds beside its
     * tied text or its swap are not checked; numbers are.
     */
    String followed(List<String> came, List<String> gone, Node test, String namesake) {
        List<String> produced = producedBy(came, gone, test, namesake);
        Set<String> oldTokens = new HashSet<>();
        gone.forEach(g -> split(g, oldTokens, oldTokens));
        boolean oldNumberAlone = gone.stream().anyMatch(g -> !g.startsWith("\""));
        String reason = null;
        int newChecks = 0;
        Set<String> explained = new HashSet<>();
        for (String value : came) {
            String why = produced.contains(value) ? "the new value " + value + " comes with main code the change "
                    + "adds to a type the test reaches" : followed(value, gone, oldTokens);
            if (why != null) {
                reason = reason == null ? why : reason;
                explained.add(value);
                continue;
            }
            Set<String> tokens = new HashSet<>();
            split(value, tokens, tokens);
            if (!value.startsWith("\"")) {
                if (oldNumberAlone) {
                    return null; // a number alone in place of another
                }
                newChecks++;
            } else if (tokens.isEmpty() || tokens.stream().noneMatch(oldTokens::contains)) {
                newChecks++;
            } else if (!oldTokens.containsAll(tokens)) {
                return null;
            }
        }
        // New checks pass only where every old value has an explained new one to stand for it.
        return reason != null && (newChecks == 0 || explained.size() >= new HashSet<>(gone).size()) ? reason : null;
    }

    /** Whether string {@code value} holds no number outside {@code shared} that is not among {@code oldNumbers}. */
    private static boolean noNewNumberBeside(String value, String shared, Set<String> oldWords,
                                             Set<String> oldNumbers) {
        Set<String> rest = new HashSet<>();
        split("\"" + value.substring(1, value.length() - 1).replace(shared, " ") + "\"", new HashSet<>(), rest);
        rest.removeAll(oldNumbers);
        rest.removeAll(oldWords);
        return rest.isEmpty();
    }

    /** Why a new expected value follows main code the change adds or swaps ({@link #followed(List, List, Node, String)}), or null. */
    private String followed(String value, List<String> gone, Set<String> oldTokens) {
        String shared = sharedText(value, addedStrings, gone, true);
        if (shared != null && noNewNumberBeside(value, shared, oldTokens, oldTokens)) {
            return "the new value " + value + " holds \"" + shared + "\", text that main code the change adds";
        }
        if (swaps().isEmpty()) {
            return null;
        }
        Set<String> now = new HashSet<>();
        split(value, now, now);
        for (String g : gone) {
            Set<String> was = new HashSet<>();
            split(g, was, was);
            Set<String> out = without(was, now);
            Set<String> in = without(now, was);
            if (out.size() == 1 && !in.isEmpty()) {
                String o = out.iterator().next();
                for (Swap swap : swaps()) {
                    // The swap explains its word or number; any other number new to the value it does not.
                    if (swap.was().equals(o) && in.contains(swap.now()) && in.stream()
                            .noneMatch(t -> !t.equals(swap.now()) && t.matches("-?[0-9][0-9.]*"))) {
                        return "the new value " + value + " swaps " + o + " for " + swap.now() + " as main code does at "
                                + swap.path() + ":" + swap.line();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The types a test reaches: those it names (itself, its class's fields, its file's namesake) and those whose
     * changed methods its calls reach through the changed files' call graph. Only what they hold can explain what
     * the test now expects.
     */
    private Set<String> reachedTypes(Node test, String namesake) {
        Set<String> types = namedTypes(test, namesake);
        reached(test, calls).forEach(m -> types.add(m.substring(0, m.indexOf('.'))));
        return types;
    }

    /**
     * The types among {@code named} whose entries the change moved by exactly as much as a count the test expects moved
     * ({@code came} against {@code gone}: one whole number each, all moved alike), e.g. a test expecting 13
     * environments where it expected 12 beside a change that adds one to Gridworlds' list; or, among those the test
     * names by a class literal ({@code inspected}: it reads the class itself, by reflection), whose fields or methods
     * the change moved so, e.g. 11 constant arrays where it expected 10 beside a change that adds one such field (a
     * count that moves by one beside a method or field added is too common to tell anything otherwise); or whose
     * calls of one registering method ({@link #registering}), and of no other, the change moved so, e.g. 58 default
     * serializers where it expected 57 beside a change that adds one addDefaultSerializer(...) to Kryo's constructor.
     */
    List<String> entriesMovedAsExpected(List<String> came, List<String> gone, List<String> named,
                                        Set<String> inspected) {
        if (came.size() != gone.size() || entryDeltas.isEmpty() && memberDeltas.isEmpty()
                && registrationDeltas.isEmpty()) {
            return List.of();
        }
        Set<Long> moves = new HashSet<>();
        for (int i = 0; i < came.size(); i++) {
            try {
                moves.add(Long.parseLong(number(came.get(i))) - Long.parseLong(number(gone.get(i))));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        java.util.function.Predicate<String> registered = t -> registrationDeltas.containsKey(t)
                && moves.equals(Set.of((long) registrationDeltas.get(t).delta()));
        return named.stream().filter(t -> entryDeltas.containsKey(t) && moves.equals(Set.of((long) entryDeltas.get(t)))
                || inspected.contains(t) && moves.size() == 1 && memberDeltas.getOrDefault(t, Set.of()).stream()
                .anyMatch(d -> moves.contains((long) d))
                || registered.test(t))
                .map(t -> registered.test(t) ? t + " (its " + registrationDeltas.get(t).method() + " calls)" : t)
                .toList();
    }

    /** A literal's words (letters, digits and underscores, with a letter) and its numbers (as {@link #number}). */
    private static void split(String literal, Set<String> words, Set<String> numbers) {
        if (!literal.startsWith("\"")) {
            numbers.add(number(literal));
            return;
        }
        for (String token : literal.substring(1, Math.max(1, literal.length() - 1)).split("[^\\w.]+")) {
            String t = token.replaceAll("^\\.+|\\.+$", "");
            if (t.matches("-?[0-9][0-9_]*(\\.[0-9]+)?")) {
                numbers.add(number(t));
            } else if (t.matches("\\w*[A-Za-z]\\w*")) {
                words.add(t);
            }
        }
    }

    /** Format placeholders: String.format's, and the {} and {0} of loggers and MessageFormat. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "%(\\d+\\$)?[-#+0,(<]*\\d*(\\.\\d+)?[a-zA-Z%]|\\{\\d*}");

    /** A number as the code means it: without underscores, its type's letter or a leading plus. */
    private static String number(String literal) {
        String n = literal.replace("_", "").replaceFirst("^\\+", "");
        return n.matches("-?[0-9.]+([eE][-+]?[0-9]+)?[lLdDfF]") ? n.substring(0, n.length() - 1) : n;
    }

    /** Numbers from -10 to 10 (0.5 and 1.0 among them): too common in code to tie a test to one. */
    private static boolean common(String n) {
        try {
            return Math.abs(Double.parseDouble(n)) <= 10;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The changed methods {@code test} calls: the code it checks changed. */
    List<String> changedCalledBy(Node test) {
        List<String> out = new java.util.ArrayList<>(calledAmong(test, changed, calls));
        // An overload added that spells out a varargs one for the call's arity, beside no other of fixed arity taking
        // it: the call now binds to it (combine(module) to a new combine(Module) beside combine(Module...)).
        out.addAll(callsTaking(test, addedOverloads, overloadsBefore, out, true));
        return out;
    }

    /**
     * The changed methods that {@code test}'s calls reach through the whole code base's calls (unchanged files among
     * them), where {@link #changedCalledBy} reads only the changed files': a test of a parser's output reaches its
     * tokeniser through files the change does not touch. Calls through a static import of the project's own code
     * ({@link #ownStaticImports}) start there too: {@code parse("...")} imported from {@code Filter} reaches the
     * compiler that {@code Filter.parse} runs.
     */
    List<String> changedReachedBy(Node test) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Set<String> from = reached(test, Map.of());
        from.addAll(ownStaticImports(test));
        Set<String> reached = graph.get().reach(from);
        reached.retainAll(changed);
        return List.copyOf(new TreeSet<>(reached));
    }

    /**
     * The methods gone from main code that {@code test} called: it went with the code it checked. Also an overload
     * gone while others of its name stay, where the test calls that name (on a receiver whose type it shows) with a
     * number of arguments that only the removed overloads take; and a top-level type the change removes (and does not
     * replace, see {@link #typesGone}) that the test makes, implements or extends in a class of its own, or whose
     * annotation its code carries ({@code new RequestInterceptor() {...}} where RequestInterceptor goes,
     * {@code @EncodedPath("p")} where the annotation type goes): the test could no longer compile. The test's calls
     * are read with those of the helpers of its class it calls that make an assertion ({@link JavaDetectors#checked}).
     * The name must be main code's type where the test stands: imported from the package the type was in, or that
     * package the test's own or imported whole. None of a type that the test's own file declares (its own Listener,
     * not main code's), nor of its methods. No class of its file that it runs counts (whether it went is not known).
     */
    List<String> removedCalledBy(Node test) {
        return removedCalledBy(test, name -> true);
    }

    /**
     * As above, {@code keptAtHead} telling whether a changed test file declares a type of a simple name after the
     * change: a class of the test's file that the test runs counts only where none does ({@link #fixturesOf}).
     */
    List<String> removedCalledBy(Node test, java.util.function.Predicate<String> keptAtHead) {
        if (!(test instanceof MethodDeclaration m)) {
            return removedCalledByItself(test, keptAtHead);
        }
        // Through the checking helpers of its class it calls, too (assertSquareLow(x) calling the removed squareLow).
        Set<String> out = new java.util.LinkedHashSet<>();
        JavaDetectors.checking(m).forEach(part -> out.addAll(removedCalledByItself(part, keptAtHead)));
        return List.copyOf(out);
    }

    private List<String> removedCalledByItself(Node test, java.util.function.Predicate<String> keptAtHead) {
        Set<String> out = new java.util.LinkedHashSet<>(removedUsedBy(test, true));
        // A class of the test's own file that the test runs and that went with it
        // (testResult(WithValuesOf.class) where WithValuesOf carried the removed @ValuesOf) is the test's code too.
        // One a changed test file still declares is not (by simple name, so a class renamed around it errs loud): it
        // was ported (its @ValuesOf dropped), so the test could have been; one ported under another name, or to a
        // file not of the tests, is not seen. Nor one another test runs too. One step only: not the classes those
        // classes name.
        for (TypeDeclaration<?> fixture : fixturesOf(test)) {
            if (!keptAtHead.test(fixture.getNameAsString()) && !namedElsewhere(fixture, test)) {
                out.addAll(removedUsedBy(fixture, false));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a class literal of {@code fixture} stands in its file outside {@code test} and the fixture itself: a
     * class other tests run too (selectMethod(Cases.class, "a") in each), where dropping the one member that used
     * removed code was the port, so deleting every test that runs it is no feature going.
     */
    private static boolean namedElsewhere(TypeDeclaration<?> fixture, Node test) {
        String name = fixture.getNameAsString();
        return test.findRootNode().findAll(com.github.javaparser.ast.expr.ClassExpr.class).stream().anyMatch(e ->
                e.getType().getElementType() instanceof ClassOrInterfaceType t && t.getNameAsString().equals(name)
                        && !e.isDescendantOf(test) && !e.isDescendantOf(fixture));
    }

    /**
     * The classes of {@code test}'s file that it runs: names in a class literal ({@code Polished.class}, as JUnit's
     * runners and junit-quickcheck's tests take them), by a simple name that means them where the test stands:
     * declared at the file's top level, in a class around the test or in the test itself, and only once there (which
     * of two the name means is not read). Not one the test makes with {@code new}: a fixture every test makes would
     * bring in all its code, most of which the test may never run. Not a class around the test: its own class would
     * bring in every test's code.
     */
    private static List<TypeDeclaration<?>> fixturesOf(Node test) {
        Set<String> named = new TreeSet<>();
        test.findAll(com.github.javaparser.ast.expr.ClassExpr.class).forEach(e -> {
            if (e.getType().getElementType() instanceof ClassOrInterfaceType t && t.getScope().isEmpty()) {
                named.add(t.getNameAsString());
            }
        });
        if (named.isEmpty()) {
            return List.of();
        }
        List<Node> scopes = new ArrayList<>(enclosingTypes(test));
        test.findCompilationUnit().ifPresent(scopes::add);
        Map<String, List<TypeDeclaration<?>>> inScope = new HashMap<>();
        test.findRootNode().findAll(TypeDeclaration.class).forEach(t -> {
            Node parent = t.getParentNode().orElse(null);
            // By identity: Node.equals compares structure, and two nested classes may be written alike.
            boolean reachable = parent != null && (scopes.stream().anyMatch(s -> s == parent)
                    || parent.isDescendantOf(test));
            if (reachable && named.contains(t.getNameAsString())) {
                inScope.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(t);
            }
        });
        List<TypeDeclaration<?>> out = new ArrayList<>();
        inScope.forEach((n, types) -> {
            if (types.size() == 1 && !test.isDescendantOf(types.get(0))) {
                out.add(types.get(0));
            }
        });
        return out;
    }

    /**
     * The removed code {@code code} (a test, one of its checking helpers, or a class of its file it runs) uses
     * ({@link #removedCalledBy}), without following its file's classes. {@code isTest}: the annotations on
     * {@code code} itself mark a test and are not its code (@Slow on a test); on a class, they are.
     */
    private List<String> removedUsedBy(Node code, boolean isTest) {
        List<String> out = new java.util.ArrayList<>(calledAmong(code, removed, Map.of(), staticTypes(),
                typesBefore));
        out.addAll(callsTaking(code, removedOverloads, keptOverloads, out, false));
        out.addAll(callsOfGoneNames(code, out));
        if (!typesGone.isEmpty()) {
            // As written (Listener, demo.Listener), by simple name.
            Map<String, String> named = new java.util.TreeMap<>();
            code.findAll(ObjectCreationExpr.class).forEach(o -> named.put(o.getType().getNameAsString(),
                    o.getType().getNameWithScope()));
            code.findAll(ClassOrInterfaceDeclaration.class).forEach(d -> {
                d.getImplementedTypes().forEach(t -> named.put(t.getNameAsString(), t.getNameWithScope()));
                d.getExtendedTypes().forEach(t -> named.put(t.getNameAsString(), t.getNameWithScope()));
            });
            // Annotations in the code; on a test, not the test's own (@Slow on it marks the test, it is not its code).
            code.findAll(com.github.javaparser.ast.expr.AnnotationExpr.class, a -> !isTest
                            || a.getParentNode().orElse(null) != code)
                    .forEach(a -> named.put(a.getName().getIdentifier(), a.getNameAsString()));
            named.forEach((n, written) -> {
                if (typesGone.containsKey(n) && mainTypeWhere(code, n, written)) {
                    out.add(n);
                }
            });
        }
        if (!out.isEmpty()) {
            // A type of the test's own file is not main code's, nor are its methods.
            Set<String> declaredHere = new HashSet<>();
            code.findRootNode().findAll(TypeDeclaration.class).forEach(t -> declaredHere.add(t.getNameAsString()));
            out.removeIf(m -> declaredHere.contains(m.contains(".") ? m.substring(0, m.indexOf('.')) : m));
        }
        return out;
    }

    /**
     * The removed methods ({@code Type.name}) that {@code code} calls on a receiver whose type it does not show
     * ({@code assertThat(date).isEqualToIgnoringHours(other)}, a fluent chain or a helper's result) by a name no file
     * of the code base may declare after the change ({@link CallGraph#mayDeclareMethod}): the name is taken for main
     * code's, whose method went. A library's method of that name is not told apart from it, so the call must stand
     * where main code's would: the method not private and no override (a supertype's still answers; none marked, and
     * every type above its own main code's), its type's package the test's own or imported into its file, the chain
     * not starting at what may be a library's object ({@link #fromALibrary}), the name none of the JDK's most used
     * classes' ({@link JdkMethods}) and no method of the test's own file, and not renamed by the change (the test
     * could be ported). A call without a receiver may be a superclass's helper, and is left to the other rules; those
     * in {@code known} left out.
     */
    private List<String> callsOfGoneNames(Node code, List<String> known) {
        if (removedMethods.isEmpty()) {
            return List.of();
        }
        CompilationUnit cu = code.findCompilationUnit().orElse(null);
        if (cu == null) {
            return List.of();
        }
        // Those not known already, of a type the test's file can name: the cheap checks before the code base's files.
        Map<String, List<String>> removedByName = new HashMap<>();
        removedMethods.forEach((m, where) -> {
            if (!known.contains(m) && visible(cu, where.pkg())) {
                removedByName.computeIfAbsent(m.substring(m.indexOf('.') + 1), k -> new ArrayList<>()).add(m);
            }
        });
        Lazy<Map<String, MethodDeclaration>> ownMethods = new Lazy<>(() -> {
            Map<String, MethodDeclaration> byName = new HashMap<>();
            cu.findAll(MethodDeclaration.class).forEach(m -> byName.putIfAbsent(m.getNameAsString(), m));
            return byName;
        });
        Lazy<Map<String, String>> declared = new Lazy<>(() -> declaredIn(code));
        Set<String> out = new TreeSet<>();
        for (MethodCallExpr c : code.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            List<String> gone = removedByName.get(name);
            if (gone == null || c.getScope().isEmpty() || JdkMethods.NAMES.contains(name)
                    || ownMethods.get().containsKey(name)
                    || renamedMethods.get().stream().anyMatch(r -> r.startsWith(name + " "))) {
                continue;
            }
            Expression scope = c.getScope().get();
            if (scope.isThisExpr() || scope.isSuperExpr() || receiver(scope, declared.get()::get) != null
                    || fromALibrary(scope, cu, declared.get(), ownMethods.get())
                    || graph.get().mayDeclareMethod(name)) {
                continue;
            }
            // Not a method of a type with a supertype no main file declares: a library's class may still answer the
            // call where the removed method overrode it unmarked.
            gone.stream().filter(m -> graph.get().mainAllTheWayUp(removedMethods.get(m).supertypes()))
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Whether a call chain may start at a library's object rather than main code's: at a local, {@code this.field},
     * {@code new}, cast, qualified name or static call of a type main code does not declare (by the graph's outlines
     * of the code base's files), or at a call without a receiver (or on {@code this}) that is neither the test file's
     * own method returning a main type nor statically imported from a main type ({@code assertThat(x)} from AssertJ's
     * Assertions; a helper inherited from a library's class). A root whose type is not read (another object's field,
     * {@code Json.MAPPER}) counts as a library's. Main and library types are told apart by simple name only: a main
     * type named like the library's (a project's own Assertions) is taken for it.
     */
    private boolean fromALibrary(Expression scope, CompilationUnit cu, Map<String, String> declared,
                                 Map<String, MethodDeclaration> ownMethods) {
        Expression at = scope;
        List<String> names = new ArrayList<>(); // the field-access names from the root up to the first call
        MethodCallExpr call = null; // the call made on the root, if any
        while (true) {
            if (at instanceof MethodCallExpr m && m.getScope().isPresent()) {
                call = m;
                at = m.getScope().get();
                names.clear();
            } else if (at instanceof FieldAccessExpr f) {
                names.add(0, f.getNameAsString());
                at = f.getScope();
            } else if (at instanceof com.github.javaparser.ast.expr.EnclosedExpr e) {
                at = e.getInner();
            } else if (at instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a) {
                at = a.getName();
            } else {
                break;
            }
        }
        String type = null;
        if (!names.isEmpty()) {
            // A field read off the root: its type is read only for this.field and a qualified type's name
            // (org.assertj.core.api.Assertions, the first capitalised part, ending the path); a field of another
            // object (Json.MAPPER, fixture.client) may be a library's.
            if (at.isThisExpr() && names.size() == 1) {
                type = declared.get(names.get(0));
            } else if (at instanceof NameExpr n && Character.isLowerCase(n.getNameAsString().charAt(0))
                    && declared.get(n.getNameAsString()) == null
                    && Character.isUpperCase(names.get(names.size() - 1).charAt(0))
                    && names.stream().filter(p -> Character.isUpperCase(p.charAt(0))).count() == 1) {
                type = names.get(names.size() - 1);
            }
        } else if (at instanceof NameExpr n) {
            type = declared.get(n.getNameAsString());
            if (type == null && Character.isUpperCase(n.getNameAsString().charAt(0))) {
                type = n.getNameAsString();
            }
        } else if (at.isThisExpr() && call != null) {
            // this.helper(): what the file's own helper returns; one it does not declare may be a library base's (and
            // super.helper() is the superclass's, not read).
            type = ownReturnType(ownMethods.get(call.getNameAsString()));
        } else if (at instanceof ObjectCreationExpr o) {
            type = o.getType().getNameAsString();
        } else if (at instanceof com.github.javaparser.ast.expr.CastExpr c
                && c.getType() instanceof ClassOrInterfaceType t) {
            type = t.getNameAsString();
        } else if (at instanceof MethodCallExpr m) {
            MethodDeclaration own = ownMethods.get(m.getNameAsString());
            String imported = own == null ? staticallyImported(m, m.getNameAsString()) : null;
            type = own != null ? ownReturnType(own) : imported == null ? null : simple(imported);
        }
        return type == null || !graph.get().mayDeclare(type);
    }

    /** The simple name of the class or interface type {@code own} returns; null for none or no method. */
    private static String ownReturnType(MethodDeclaration own) {
        return own != null && own.getType() instanceof ClassOrInterfaceType t ? t.getNameAsString() : null;
    }

    /** Whether types of package {@code pkg} may be used in {@code cu} by simple name: its own, or imported. */
    private static boolean visible(CompilationUnit cu, String pkg) {
        if (packageOf(cu).equals(pkg)) {
            return true;
        }
        for (var i : cu.getImports()) {
            // The package it reads from: pkg.*, pkg.Type; import static pkg.Type.*, pkg.Type.name.
            String from = i.isAsterisk() ? i.getNameAsString() : from(i.getNameAsString());
            if ((i.isStatic() ? from(from) : from).equals(pkg)) {
                return true;
            }
        }
        return false;
    }

    private static String from(String qualified) {
        return qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    }

    /**
     * The public method names of the JDK classes a test most often calls methods of, read once from the running JDK
     * (a later one adds names, which can only leave more calls unexplained): names too common to tie a call to main
     * code.
     */
    private static final class JdkMethods {
        static final Set<String> NAMES = names(Object.class, String.class, CharSequence.class, StringBuilder.class,
                Number.class, Integer.class, Long.class, Double.class, Float.class, Boolean.class, Character.class,
                Math.class, Class.class, Throwable.class, Thread.class, Enum.class, Iterable.class,
                java.util.Iterator.class, java.util.Collection.class, java.util.List.class, java.util.Set.class,
                java.util.SortedSet.class, java.util.NavigableMap.class, java.util.Map.class, java.util.Map.Entry.class,
                java.util.Deque.class, java.util.Optional.class, java.util.OptionalInt.class, java.util.Objects.class,
                java.util.Arrays.class, java.util.Collections.class, java.util.stream.Stream.class,
                java.util.stream.IntStream.class, java.util.stream.Collectors.class, java.util.function.Function.class,
                java.util.function.BiFunction.class, java.util.function.Supplier.class,
                java.util.function.Consumer.class, java.util.function.Predicate.class, java.time.LocalDate.class,
                java.time.LocalDateTime.class, java.time.Instant.class, java.time.Duration.class,
                java.time.OffsetDateTime.class, java.time.ZonedDateTime.class, java.io.File.class,
                java.io.InputStream.class, java.io.OutputStream.class, java.io.Reader.class, java.io.Writer.class,
                java.nio.file.Path.class, java.nio.file.Files.class, java.math.BigDecimal.class,
                java.math.BigInteger.class, java.util.concurrent.CompletableFuture.class,
                java.util.concurrent.ExecutorService.class, java.util.regex.Pattern.class,
                java.util.regex.Matcher.class, java.net.URI.class, java.net.URL.class, java.util.Comparator.class,
                System.class, Runtime.class, ClassLoader.class, java.util.concurrent.atomic.AtomicInteger.class,
                java.util.concurrent.atomic.AtomicLong.class, java.util.concurrent.atomic.AtomicReference.class,
                java.util.concurrent.CountDownLatch.class, java.util.concurrent.TimeUnit.class,
                java.util.Random.class, java.util.UUID.class, java.util.Queue.class, java.util.NavigableSet.class,
                java.util.Properties.class, java.util.Date.class, java.util.Calendar.class,
                java.util.stream.LongStream.class, java.util.stream.DoubleStream.class, java.time.LocalTime.class,
                java.time.ZoneId.class, java.time.Period.class, java.time.format.DateTimeFormatter.class,
                java.nio.ByteBuffer.class, java.io.ByteArrayOutputStream.class, java.io.BufferedReader.class,
                java.io.PrintStream.class, java.lang.reflect.Method.class, java.lang.reflect.Field.class);

        private static Set<String> names(Class<?>... types) {
            Set<String> out = new HashSet<>();
            for (Class<?> t : types) {
                for (java.lang.reflect.Method m : t.getMethods()) {
                    out.add(m.getName());
                }
            }
            return Set.copyOf(out);
        }
    }

    /**
     * Whether {@code name} in {@code test}'s file is the removed main type of that name ({@link #removedCalledBy}),
     * by the file's package and imports.
     */
    private boolean mainTypeWhere(Node test, String name, String written) {
        CompilationUnit cu = test.findCompilationUnit().orElse(null);
        Set<String> packages = typesGone.get(name);
        if (cu == null) {
            return false;
        }
        if (!written.equals(name)) {
            // Qualified where it is used: by the package the type was in, or not this type.
            return packages.contains(written.substring(0, written.length() - name.length() - 1));
        }
        List<com.github.javaparser.ast.ImportDeclaration> imports = cu.getImports();
        for (var i : imports) {
            String imported = i.getNameAsString();
            if (!i.isAsterisk() && !i.isStatic() && imported.endsWith("." + name)) {
                return packages.contains(imported.substring(0, imported.length() - name.length() - 1));
            }
        }
        return packages.contains(packageOf(cu)) || imports.stream().anyMatch(i -> i.isAsterisk() && !i.isStatic()
                && packages.contains(i.getNameAsString()));
    }

    /**
     * The names ({@code Type.name}) the test calls, on a receiver whose type it shows, with a number of arguments that
     * one of {@code overloads} of the name takes and none of {@code others} does; those in {@code known} left out.
     * {@code fixed}: only overloads of fixed arity count, and only others of fixed arity stand in their way.
     */
    private static List<String> callsTaking(Node test, Map<String, List<int[]>> overloads,
                                            Map<String, List<int[]>> others, List<String> known, boolean fixed) {
        if (overloads.isEmpty()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        Map<String, String> declared = declaredIn(test);
        for (MethodCallExpr c : test.findAll(MethodCallExpr.class)) {
            String type = c.getScope().map(scope -> receiver(scope, declared::get)).orElse(null);
            String name = type + "." + c.getNameAsString();
            int n = c.getArguments().size();
            if (type != null && !known.contains(name) && !out.contains(name)
                    && overloads.getOrDefault(name, List.of()).stream().anyMatch(shape -> takes(shape, n)
                    && (!fixed || shape[1] == 0))
                    && others.getOrDefault(name, List.of()).stream().noneMatch(shape -> takes(shape, n)
                    && (!fixed || shape[1] == 0))) {
                out.add(name);
            }
        }
        return out;
    }

    /** The changed types {@code test} names (itself, through its class's fields, or as its file's namesake). */
    List<String> changedTypesNamedBy(Node test, String namesake) {
        if (changedTypes.isEmpty()) {
            return List.of();
        }
        Set<String> named = namedTypes(test, namesake);
        named.retainAll(changedTypes);
        return List.copyOf(new TreeSet<>(named));
    }

    /** The types a test names: in itself, in its classes' fields, and its file's namesake. */
    private static Set<String> namedTypes(Node test, String namesake) {
        Set<String> named = new HashSet<>();
        if (namesake != null) {
            named.add(namesake);
        }
        collect(test, named);
        enclosingTypes(test).forEach(type -> type.getFields().forEach(f -> collect(f, named)));
        return named;
    }

    private static void collect(Node n, Set<String> named) {
        n.findAll(ClassOrInterfaceType.class).forEach(t -> named.add(t.getNameAsString()));
        n.findAll(NameExpr.class).forEach(e -> named.add(e.getNameAsString()));
    }

    private static List<ClassOrInterfaceDeclaration> enclosingTypes(Node n) {
        List<ClassOrInterfaceDeclaration> out = new java.util.ArrayList<>();
        Optional<ClassOrInterfaceDeclaration> at = n.findAncestor(ClassOrInterfaceDeclaration.class);
        while (at.isPresent()) {
            out.add(at.get());
            at = at.get().findAncestor(ClassOrInterfaceDeclaration.class);
        }
        return out;
    }

    /**
     * The methods of {@code members} that {@code test} calls on a receiver whose type it shows, assertions aside,
     * directly or through {@code graph} (calls between the changed files' methods), up to 4 calls deep.
     */
    private static List<String> calledAmong(Node test, Set<String> members, Map<String, Set<String>> graph) {
        return calledAmong(test, members, graph, null, Set.of());
    }

    private static List<String> calledAmong(Node test, Set<String> members, Map<String, Set<String>> graph,
                                            Map<String, String> statics, Set<String> importable) {
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> reached = reached(test, graph, statics, importable);
        reached.retainAll(members);
        return List.copyOf(new TreeSet<>(reached));
    }

    /**
     * The methods ({@code Type.name}) a test calls on a receiver whose type it shows, assertions aside, and those they
     * call through {@code graph}, up to 4 calls deep.
     */
    private static Set<String> reached(Node test, Map<String, Set<String>> graph) {
        return reached(test, graph, null, Set.of());
    }

    /**
     * As above; with {@code statics} ({@link #staticTypes}; null for none), a receiver's type is also read from it
     * where it is a constant or a static method's result of a named type ({@code Vector1D.ZERO.getNorm1()},
     * {@code Vector1D.of(6).getNorm1()}), and a call without a receiver is the statically imported method's
     * ({@link #staticallyImported}) where the import names one of {@code importable}'s types (qualified).
     */
    private static Set<String> reached(Node test, Map<String, Set<String>> graph, Map<String, String> statics,
                                       Set<String> importable) {
        Map<String, String> declared = declaredIn(test);
        Set<String> reached = new HashSet<>();
        // A type the test's own file declares is not main code's, whatever its members are named.
        Lazy<Set<String>> ownTypes = new Lazy<>(() -> {
            Set<String> own = new HashSet<>();
            test.findRootNode().findAll(TypeDeclaration.class).forEach(t -> own.add(t.getNameAsString()));
            return own;
        });
        for (MethodCallExpr c : test.findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().startsWith("assert") || JavaDetectors.bddClass(c) != null) {
                continue;
            }
            if (c.getScope().isEmpty() && statics != null) {
                String imported = staticallyImported(test, c.getNameAsString());
                if (imported != null && importable.contains(imported) && !ownTypes.get().contains(simple(imported))) {
                    reached.add(simple(imported) + "." + c.getNameAsString());
                }
                continue;
            }
            String type = c.getScope().map(scope -> {
                String shown = receiver(scope, declared::get);
                if (shown != null || statics == null || statics.isEmpty()) {
                    return shown;
                }
                String member = staticMember(scope);
                return member == null || ownTypes.get().contains(member.substring(0, member.indexOf('.'))) ? null
                        : statics.get(member);
            }).orElse(null);
            if (type != null && ownTypes.get().contains(type)) {
                type = inheritedFrom(test, type, c.getNameAsString());
            }
            if (type != null) {
                reached.add(type + "." + c.getNameAsString());
            }
        }
        for (ObjectCreationExpr created : test.findAll(ObjectCreationExpr.class)) {
            reached.add(created.getType().getNameAsString() + "." + CallGraph.CONSTRUCTOR);
        }
        Set<String> frontier = new HashSet<>(reached);
        for (int depth = 0; depth < 4 && !frontier.isEmpty(); depth++) {
            Set<String> next = new HashSet<>();
            frontier.forEach(m -> graph.getOrDefault(m, Set.of()).forEach(callee -> {
                if (reached.add(callee)) {
                    next.add(callee);
                }
            }));
            frontier = next;
        }
        return reached;
    }

    /**
     * The type whose method {@code method} answers a call on the class {@code type} of the test's own file: the class
     * itself where it declares a method of that name, else the one type it extends (maven-invoker's
     * TestCommandLineBuilder extends MavenCommandLineBuilder, and its wrapStringWithQuotes is main code's); the class
     * itself where it is not one class of the file, or implements or extends more, or extends another class of the
     * file.
     */
    private static String inheritedFrom(Node test, String type, String method) {
        List<ClassOrInterfaceDeclaration> named = JavaDetectors.all(test.findRootNode(),
                ClassOrInterfaceDeclaration.class).stream().filter(d -> d.getNameAsString().equals(type)).toList();
        if (named.size() != 1 || named.get(0).isInterface() || !named.get(0).getMethodsByName(method).isEmpty()
                || named.get(0).getExtendedTypes().size() != 1 || !named.get(0).getImplementedTypes().isEmpty()) {
            return type;
        }
        String parent = named.get(0).getExtendedTypes().get(0).getNameAsString();
        // A class of the file above it is no main code's: the call stays the file's own.
        boolean parentHere = JavaDetectors.all(test.findRootNode(), TypeDeclaration.class).stream()
                .anyMatch(t -> t.getNameAsString().equals(parent));
        return parentHere ? type : parent;
    }

    /**
     * The calls ({@code Type.name}) without a receiver, assertions and Object's methods aside, that {@code test} makes
     * through a static import ({@link #staticallyImported}) of a type of the project's own: one a main file known to
     * the graph declares in the package the import names ({@link CallGraph#declaresQualified}), where a library's
     * class of the same simple name sits elsewhere. None where a type in or around {@code test} inherits, however
     * far up, from a type of another file, whose methods would answer such a call first.
     */
    private Set<String> ownStaticImports(Node test) {
        Set<String> out = new HashSet<>();
        CompilationUnit cu = test.findCompilationUnit().orElse(null);
        if (cu == null || cu.getImports().stream().noneMatch(i -> i.isStatic())) {
            return out;
        }
        Map<String, String> resolved = staticImportsOf(cu);
        for (MethodCallExpr c : test.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            if (c.getScope().isPresent() || name.startsWith("assert") || OBJECT_METHODS.contains(name)
                    || JavaDetectors.bddClass(c) != null) {
                continue;
            }
            String imported = resolved.computeIfAbsent(name, n -> {
                String type = staticallyImported(cu, n);
                return type == null ? "" : type;
            });
            if (!imported.isEmpty() && graph.get().declaresQualified(imported)) {
                out.add(simple(imported) + "." + name);
            }
        }
        if (!out.isEmpty() && inheritsFromElsewhere(test, cu)) {
            out.clear();
        }
        return out;
    }

    /** Methods every class has from Object: a call of one without a receiver is the class's own. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "clone",
            "finalize", "wait", "notify", "notifyAll");

    private static final DataKey<Map<String, String>> STATIC_IMPORTS = new DataKey<>() { };

    /** The types the file's static imports resolve its calls' names to ("" for none), filled in as asked, per file. */
    private static Map<String, String> staticImportsOf(CompilationUnit cu) {
        synchronized (cu) {
            if (!cu.containsData(STATIC_IMPORTS)) {
                cu.setData(STATIC_IMPORTS, new java.util.concurrent.ConcurrentHashMap<>());
            }
            return cu.getData(STATIC_IMPORTS);
        }
    }

    /**
     * Whether a type around {@code test}, or in it (an anonymous class's among them, which extends the type it makes),
     * extends or implements, directly or through types of the same file, a type its file does not declare.
     */
    private static boolean inheritsFromElsewhere(Node test, CompilationUnit cu) {
        Map<String, List<TypeDeclaration<?>>> declared = new HashMap<>();
        JavaDetectors.all(cu, TypeDeclaration.class).forEach(t -> declared.computeIfAbsent(t.getNameAsString(),
                k -> new java.util.ArrayList<>()).add(t));
        java.util.ArrayDeque<String> supertypes = new java.util.ArrayDeque<>();
        List<TypeDeclaration<?>> types = new java.util.ArrayList<>();
        test.findAll(TypeDeclaration.class).forEach(t -> types.add(t));
        test.findAll(ObjectCreationExpr.class, o -> o.getAnonymousClassBody().isPresent())
                .forEach(o -> supertypes.add(o.getType().getNameAsString()));
        for (Node at = test.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
            if (at instanceof TypeDeclaration<?> t) {
                types.add(t);
            } else if (at instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                supertypes.add(o.getType().getNameAsString());
            }
        }
        Set<String> seen = new HashSet<>();
        while (true) {
            for (TypeDeclaration<?> t : types) {
                supertypes.addAll(CallGraph.supertypesOf(t));
            }
            types.clear();
            if (supertypes.isEmpty()) {
                return false;
            }
            String next = supertypes.poll();
            if (!declared.containsKey(next)) {
                return true;
            }
            if (seen.add(next)) {
                types.addAll(declared.get(next));
            }
        }
    }

    /**
     * The qualified name of the type whose static method {@code name} a call without a receiver in {@code test}'s file
     * calls through a static import: the one import of it by name, else the only static import of a whole type (and
     * then only where the test's class extends or implements nothing from another file, whose inherited methods would
     * come first); null where the file declares a method of that name itself, or the imports do not tell.
     */
    private static String staticallyImported(Node test, String name) {
        CompilationUnit cu = test.findCompilationUnit().orElse(null);
        if (cu == null || cu.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(name)).isPresent()) {
            return null;
        }
        List<String> byName = new java.util.ArrayList<>();
        List<String> wholes = new java.util.ArrayList<>();
        for (var i : cu.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            String imported = i.getNameAsString();
            if (i.isAsterisk()) {
                wholes.add(imported);
            } else if (imported.endsWith("." + name)) {
                byName.add(imported.substring(0, imported.length() - name.length() - 1));
            }
        }
        if (!byName.isEmpty()) {
            return byName.size() == 1 ? byName.get(0) : null;
        }
        if (wholes.size() != 1) {
            return null;
        }
        Set<String> declared = new HashSet<>();
        cu.findAll(TypeDeclaration.class).forEach(t -> declared.add(t.getNameAsString()));
        boolean inherits = test.findAncestor(ClassOrInterfaceDeclaration.class).stream().flatMap(t -> java.util.stream
                .Stream.concat(t.getExtendedTypes().stream(), t.getImplementedTypes().stream()))
                .anyMatch(t -> !declared.contains(t.getNameAsString()));
        return inherits ? null : wholes.get(0);
    }

    /**
     * {@code Type.FIELD} for a constant, {@code Type.method()} for a static call, on a type named in capitals
     * ({@code Vector1D.ZERO}, {@code Vector1D.of(6)}), else null.
     */
    private static String staticMember(Expression scope) {
        Expression on = scope instanceof FieldAccessExpr f ? f.getScope()
                : scope instanceof MethodCallExpr m ? m.getScope().orElse(null) : null;
        if (!(on instanceof NameExpr type) || !Character.isUpperCase(type.getNameAsString().charAt(0))) {
            return null;
        }
        return type.getNameAsString() + "." + (scope instanceof FieldAccessExpr f ? f.getNameAsString()
                : ((MethodCallExpr) scope).getNameAsString() + "()");
    }

    private Map<String, String> staticTypes;

    /**
     * The types of the changed main files' static members before the change, by {@code Type.FIELD} and
     * {@code Type.method()}: a constant's declared type (an interface's fields and an enum's constants among them)
     * and a static method's return type where its overloads agree; only class and interface types (no type
     * variable), by simple name. A test at the base reads them so. Files the change adds or deletes are not read, and
     * the receiver is matched by simple name, as the other receivers are.
     */
    private synchronized Map<String, String> staticTypes() {
        if (staticTypes == null) {
            Map<String, String> out = new HashMap<>();
            Set<String> disagree = new HashSet<>();
            for (FileChange c : edited.keySet()) {
                for (TypeDeclaration<?> t : JavaDetectors.all(edited.get(c)[0], TypeDeclaration.class)) {
                    String type = t.getNameAsString();
                    // A type variable of the class is no type of main code's (static <T> T of(...) aside, below).
                    Set<String> variables = new HashSet<>();
                    if (t instanceof ClassOrInterfaceDeclaration d) {
                        d.getTypeParameters().forEach(p -> variables.add(p.getNameAsString()));
                    }
                    boolean constants = t instanceof ClassOrInterfaceDeclaration d && d.isInterface();
                    t.getFields().stream().filter(f -> f.isStatic() || constants).forEach(f -> f.getVariables()
                            .forEach(v -> put(out, disagree, type + "." + v.getNameAsString(),
                                    variables.contains(simpleName(v.getType())) ? null : simpleName(v.getType()))));
                    if (t instanceof com.github.javaparser.ast.body.EnumDeclaration e) {
                        e.getEntries().forEach(k -> put(out, disagree, type + "." + k.getNameAsString(), type));
                    }
                    t.getMethods().stream().filter(MethodDeclaration::isStatic).forEach(m -> put(out, disagree,
                            type + "." + m.getNameAsString() + "()", m.getTypeParameters().stream().anyMatch(p ->
                                    p.getNameAsString().equals(simpleName(m.getType()))) ? null
                                    : simpleName(m.getType())));
                }
            }
            disagree.forEach(out::remove);
            staticTypes = out;
        }
        return staticTypes;
    }

    private static void put(Map<String, String> out, Set<String> disagree, String member, String type) {
        if (type == null || (out.containsKey(member) && !out.get(member).equals(type))) {
            disagree.add(member);
        } else {
            out.put(member, type);
        }
    }

    /** A type's fields by name, to their types' simple names (null where not a class or interface type). */
    static Map<String, String> fieldTypes(TypeDeclaration<?> type) {
        Map<String, String> out = new HashMap<>();
        type.getFields().forEach(f -> f.getVariables().forEach(v -> out.put(v.getNameAsString(),
                simpleName(v.getType()))));
        return out;
    }

    static String simpleName(com.github.javaparser.ast.type.Type t) {
        return t.isClassOrInterfaceType() ? t.asClassOrInterfaceType().getNameAsString() : null;
    }

    /**
     * The simple name of the type a call's receiver is declared as, or cast to, or null when it is not shown: {@code typeOf} gives
     * a name's declared type (null for none, or not a class or interface type).
     */
    static String receiver(Expression scope, java.util.function.Function<String, String> typeOf) {
        if (scope instanceof ObjectCreationExpr o) {
            return o.getType().getNameAsString();
        }
        // A cast shows the type: ((BitmapContainer) c).isNonEmptyInRange(1, 2).
        if (scope instanceof com.github.javaparser.ast.expr.EnclosedExpr e
                && e.getInner() instanceof com.github.javaparser.ast.expr.CastExpr cast) {
            return simpleName(cast.getType());
        }
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f && f.getScope().isThisExpr() ? f.getNameAsString() : null;
        if (name == null) {
            return null;
        }
        String declared = typeOf.apply(name);
        if (declared == null && scope instanceof NameExpr && Character.isUpperCase(name.charAt(0))) {
            return name; // a static call: Type.method(...)
        }
        return declared;
    }

    /**
     * The names a test declares, to their types' simple names (null where not a class or interface type): its locals
     * and parameters over those of the classes around it, inner over outer, each scope's first declaration of a name
     * (a local before a parameter). Read once per test, not once per call.
     */
    private static Map<String, String> declaredIn(Node test) {
        List<Node> scopes = new java.util.ArrayList<>();
        scopes.add(test);
        scopes.addAll(enclosingTypes(test));
        Map<String, String> out = new HashMap<>();
        for (Node scope : scopes) {
            Map<String, String> here = new HashMap<>();
            for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                here.putIfAbsent(v.getNameAsString(), v.getType().isVarType() ? v.getInitializer()
                        .filter(Expression::isObjectCreationExpr)
                        .map(i -> i.asObjectCreationExpr().getType().getNameAsString()).orElse(null)
                        : simpleName(v.getType()));
            }
            for (Parameter p : scope.findAll(Parameter.class)) {
                if (p.getType().isClassOrInterfaceType()) {
                    here.putIfAbsent(p.getNameAsString(), simpleName(p.getType()));
                }
            }
            here.forEach(out::putIfAbsent);
        }
        return out;
    }
}
