package org.alignlab.oversight;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assertions whose loss checks nothing less: those that cannot fail where they stand (read in one version of a test),
 * and those a change drops while making the test stricter or keeping the check in another form (read across the two
 * versions). A test's count of assertions leaves both out, so that removing them is not said to weaken it.
 */
final class InertChecks {
    private InertChecks() {
    }

    /**
     * Whether an assertion cannot fail where it stands: a check of a catch clause's exception that always holds there
     * (see {@link #ofTheCaughtException}), a comparison of a local variable with the one literal it is ever given
     * ({@code Object t = 42; ... assertEquals(42, t)}), or the very check the statement before it made on the same
     * names ({@code assertThat(list).isEqualTo(expected)} twice over).
     */
    static boolean checksNothing(MethodCallExpr call) {
        return ofTheCaughtException(call) || ofAConstantLocal(call) || repeatsThePrevious(call) || rightBeforeAFail(call);
    }

    /**
     * The base test's not-null checks of a local ({@code assertNotNull([msg,] value[, msg])} or {@code
     * assertThat(value).isNotNull()}, each a statement of the test's own body) that the head test drops, where the
     * statement right after each is an assertEquals or assertSame of that local with a value that cannot be null (a
     * literal other than null, or a + with a string literal operand) or {@code assertThat(value).isEqualTo(such a
     * value)}, and the head's body holds that statement with the same text and, before it, exactly the statements that
     * came before the not-null check (the check deleted, nothing added, moved or guarded). That statement fails on null
     * as the not-null check did (jackson-modules-java8's {@code assertNotNull("...", value); assertEquals("...",
     * "13498.000008374", value);}, the first deleted). Each head statement stands for one check; not in a test that
     * expects an exception in its annotation.
     */
    private static List<MethodCallExpr> notNullChecksDropped(MethodDeclaration was, MethodDeclaration now) {
        List<MethodCallExpr> out = new ArrayList<>();
        BlockStmt bodyThen = was.getBody().orElse(null);
        BlockStmt bodyNow = now.getBody().orElse(null);
        if (bodyThen == null || bodyNow == null || expectsInAnnotation(was) || expectsInAnnotation(now)) {
            return out;
        }
        List<String> then = bodyThen.getStatements().stream().map(Node::toString).toList();
        List<String> nowTexts = bodyNow.getStatements().stream().map(Node::toString).toList();
        for (int at = 0; at + 1 < then.size(); at++) {
            if (!(bodyThen.getStatement(at) instanceof ExpressionStmt s) || !(s.getExpression() instanceof MethodCallExpr e)
                    || !(bodyThen.getStatement(at + 1) instanceof ExpressionStmt next)
                    || !(next.getExpression() instanceof MethodCallExpr m)) {
                continue;
            }
            // The call a not-null check is: assertNotNull(...) itself, or the assertThat(...) under isNotNull().
            MethodCallExpr check = e.getNameAsString().equals("isNotNull") && e.getScope().orElse(null)
                    instanceof MethodCallExpr under ? under : e;
            String name = notNullChecked(check);
            // In the head: the statements before the check, then the comparison, as they were (so each head statement
            // stands for one check: a second check of the base has another prefix).
            if (name != null && !checksNothing(check) && equalsALiteral(m, name) && at < nowTexts.size()
                    && nowTexts.subList(0, at).equals(then.subList(0, at)) && nowTexts.get(at).equals(then.get(at + 1))) {
                out.add(check);
            }
        }
        return out;
    }

    /** The name a JUnit not-null check is about, the whole statement: {@code assertNotNull([msg,] x[, msg])}, {@code
     * assertThat(x).isNotNull()}; else null. */
    private static String notNullChecked(MethodCallExpr call) {
        if (!byJUnit(call)) {
            return null;
        }
        var args = call.getArguments();
        if (call.getNameAsString().equals("assertNotNull") && statementOf(call) instanceof ExpressionStmt s
                && s.getExpression() == call && args.size() <= 2) {
            List<Expression> names = args.stream().filter(Expression::isNameExpr).toList();
            return names.size() == 1 && args.stream().allMatch(a -> a.isNameExpr() || a.isStringLiteralExpr())
                    ? names.get(0).asNameExpr().getNameAsString() : null;
        }
        if (JavaDetectors.checkName(call).equals("assertThat") && args.size() == 1 && args.get(0).isNameExpr()
                && call.getParentNode().orElse(null) instanceof MethodCallExpr next && next.getScope().orElse(null) == call
                && next.getNameAsString().equals("isNotNull") && next.getArguments().isEmpty()
                && statementOf(call) instanceof ExpressionStmt s && s.getExpression() == next) {
            return args.get(0).asNameExpr().getNameAsString();
        }
        return null;
    }

    /**
     * Whether a statement's call is {@code assertEquals}/{@code assertSame} whose expected and actual values are
     * {@code name} and a value that cannot be null (in either order; a message first or last, a delta after), or
     * {@code assertThat(name).isEqualTo(value)} with such a value.
     */
    private static boolean equalsALiteral(MethodCallExpr m, String name) {
        var args = m.getArguments();
        java.util.function.Predicate<Expression> isName = e -> e.isNameExpr() && e.asNameExpr().getNameAsString()
                .equals(name);
        if ((m.getNameAsString().equals("assertEquals") || m.getNameAsString().equals("assertSame")) && byJUnit(m)) {
            int expected = JavaDetectors.expectedIndex(args);
            if (expected + 1 >= args.size()) {
                return false;
            }
            Expression one = args.get(expected);
            Expression other = args.get(expected + 1);
            return isName.test(one) && neverNull(other) || isName.test(other) && neverNull(one);
        }
        return m.getNameAsString().equals("isEqualTo") && args.size() == 1 && neverNull(args.get(0))
                && m.getScope().orElse(null) instanceof MethodCallExpr that && JavaDetectors.checkName(that).equals("assertThat")
                && byJUnit(that) && that.getArguments().size() == 1 && isName.test(that.getArguments().get(0));
    }

    /** A literal other than null, or a string joined with +, which is never null. */
    private static boolean neverNull(Expression e) {
        return JavaDetectors.literal(e) || e.isBinaryExpr() && e.asBinaryExpr().getOperator()
                == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS
                && (e.asBinaryExpr().getLeft().isStringLiteralExpr() || e.asBinaryExpr().getRight().isStringLiteralExpr());
    }

    /** A call of JUnit's (or AssertJ's, Truth's) own assertion by its plain or class-qualified name. */
    private static boolean byJUnit(MethodCallExpr call) {
        String scope = call.getScope().map(Node::toString).orElse("");
        String name = JavaDetectors.checkName(call);
        // AssertJ's BDD then (on BDDAssertions, or imported from it) is its assertThat.
        return JUNIT.contains(name) && (scope.isEmpty() || scope.matches("([\\w.]*\\.)?(Assert|Assertions|Truth|TestCase)")
                || !name.equals(call.getNameAsString()));
    }

    /**
     * An assertion standing as the statement right before a failing one in a try block ({@code try {
     * assertTrue(bean.contains(k)); fail(); } catch (E e) { }}), where no catch clause of the try takes a failure
     * without failing in turn: if the assertion's arguments throw, it checks nothing, and if they do not, the test
     * fails whatever it finds. The test passes only by its arguments throwing, as {@code assertThrows(E.class, () ->
     * bean.contains(k))} checks.
     */
    private static boolean rightBeforeAFail(MethodCallExpr call) {
        return statementOf(call) instanceof ExpressionStmt s && beforeAFail(s);
    }

    /**
     * An assertion about a catch clause's exception that always holds there: {@code assertNotNull(e)}, {@code
     * assertThat(e).isNotNull()}, {@code assertTrue(e instanceof E)} or {@code assertInstanceOf(E.class, e)} where E is
     * a type the clause catches.
     */
    static boolean ofTheCaughtException(MethodCallExpr call) {
        CatchClause clause = call.findAncestor(CatchClause.class).orElse(null);
        if (clause == null || call.getArguments().isEmpty() || call.getArguments().size() > 2
                || !aboutTheCaught(call, clause)) {
            return false;
        }
        String caught = clause.getParameter().getNameAsString();
        // Of a union (IOException | SQLException e), a check of one type can fail: only not-null holds.
        com.github.javaparser.ast.type.Type t = clause.getParameter().getType();
        Set<String> types = t.isUnionType() ? Set.of() : Set.of(t.asString());
        Predicate<Expression> isCaught = e -> e.isNameExpr() && e.asNameExpr().getNameAsString().equals(caught);
        var args = call.getArguments();
        return switch (JavaDetectors.checkName(call)) {
            case "assertNotNull" -> args.stream().anyMatch(isCaught)
                    && args.stream().allMatch(a -> isCaught.test(a) || a.isStringLiteralExpr());
            case "assertThat" -> args.size() == 1 && isCaught.test(args.get(0))
                    && call.getParentNode().filter(p -> p instanceof MethodCallExpr next && next.getArguments().isEmpty()
                    && next.getNameAsString().equals("isNotNull")
                    && next.getParentNode().filter(q -> q instanceof ExpressionStmt).isPresent()).isPresent();
            // e.getClass() equal to the type caught fails for a subclass: only instance checks hold.
            case "assertEquals", "assertSame" -> false;
            default -> {
                String checked = checkedType(call, caught);
                yield checked != null && types.contains(checked);
            }
        };
    }

    /**
     * Whether the caught parameter's name, where {@code call} stands, is the clause's exception: not given another
     * value in the clause, nor a name of the same spelling in a class or lambda between.
     */
    private static boolean aboutTheCaught(MethodCallExpr call, CatchClause clause) {
        String caught = clause.getParameter().getNameAsString();
        boolean reassigned = clause.getBody().findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget().isNameExpr() && a.getTarget().asNameExpr().getNameAsString().equals(caught));
        for (Node n = call.getParentNode().orElse(null); n != null && n != clause; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof ObjectCreationExpr || n instanceof ClassOrInterfaceDeclaration) {
                return false;
            }
        }
        return !reassigned;
    }

    /**
     * The type an assertion checks the exception named {@code caught} to be, as written: {@code assertTrue(e instanceof
     * X)}, {@code assertInstanceOf(X.class, e)}, {@code assertEquals(X.class, e.getClass())} (or assertSame), or
     * {@code assertThat(e).isInstanceOf(X.class)}; null when it is no such check (a message beside it is allowed).
     */
    private static String checkedType(MethodCallExpr call, String caught) {
        Predicate<Expression> isCaught = e -> e.isNameExpr() && e.asNameExpr().getNameAsString().equals(caught);
        var args = call.getArguments();
        List<Expression> rest = new ArrayList<>(args);
        String type = null;
        switch (JavaDetectors.checkName(call)) {
            case "assertTrue" -> {
                for (Expression a : args) {
                    if (a.isInstanceOfExpr() && isCaught.test(a.asInstanceOfExpr().getExpression())
                            && a.asInstanceOfExpr().getPattern().isEmpty()) {
                        type = a.asInstanceOfExpr().getType().asString();
                        rest.remove(a);
                        break;
                    }
                }
            }
            case "assertInstanceOf" -> {
                if (args.size() >= 2 && args.get(0).isClassExpr() && isCaught.test(args.get(1))) {
                    type = args.get(0).asClassExpr().getType().asString();
                    rest = new ArrayList<>(args.subList(2, args.size()));
                }
            }
            case "assertEquals", "assertSame" -> {
                if (args.size() >= 2 && args.get(0).isClassExpr() && args.get(1) instanceof MethodCallExpr get
                        && get.getNameAsString().equals("getClass") && get.getArguments().isEmpty()
                        && get.getScope().filter(isCaught).isPresent()) {
                    type = args.get(0).asClassExpr().getType().asString();
                    rest = new ArrayList<>(args.subList(2, args.size()));
                }
            }
            case "assertThat" -> {
                if (args.size() == 1 && isCaught.test(args.get(0)) && call.getParentNode().orElse(null)
                        instanceof MethodCallExpr next && next.getNameAsString().equals("isInstanceOf")
                        && next.getArguments().size() == 1 && next.getArguments().get(0).isClassExpr()
                        && next.getParentNode().filter(q -> q instanceof ExpressionStmt).isPresent()) {
                    type = next.getArguments().get(0).asClassExpr().getType().asString();
                    rest = List.of();
                }
            }
            default -> {
            }
        }
        return type != null && rest.stream().allMatch(Expression::isStringLiteralExpr) ? type : null;
    }

    /**
     * {@code assertEquals(L, t)} (either order, a message beside them; L not a floating-point literal, which JUnit 4
     * compares only with a delta) where {@code t} is a local variable of the method, declared once there before the
     * call, whose every value is the literal L: its initialiser and each assignment, leaving out an assignment that
     * the try block's next statement follows with {@code fail(...)} where no catch clause of that try catches the
     * failure (the test goes on past that block only through a catch clause, which the assignment did not reach).
     * No increment touches it.
     */
    private static boolean ofAConstantLocal(MethodCallExpr call) {
        String name = JavaDetectors.checkName(call);
        if (!name.equals("assertEquals") || call.getArguments().size() < 2 || call.getArguments().size() > 3) {
            return false;
        }
        List<Expression> names = call.getArguments().stream().filter(Expression::isNameExpr).toList();
        if (names.size() != 1 || !call.getArguments().stream().allMatch(a -> a.isNameExpr() || JavaDetectors.literal(a)
                && !a.isDoubleLiteralExpr() && !(a.isUnaryExpr() && a.asUnaryExpr().getExpression().isDoubleLiteralExpr()))) {
            return false;
        }
        String local = names.get(0).asNameExpr().getNameAsString();
        MethodDeclaration method = call.findAncestor(MethodDeclaration.class).orElse(null);
        if (method == null) {
            return false;
        }
        Writes writes = writes(method);
        List<VariableDeclarator> declared = writes.declared().getOrDefault(local, List.of());
        if (declared.size() != 1 || writes.parameters().contains(local)
                || declared.get(0).findAncestor(MethodDeclaration.class).orElse(null) != method
                || declared.get(0).findAncestor(BlockStmt.class).filter(b -> call.isDescendantOf(b)).isEmpty()
                || !declared.get(0).getBegin().flatMap(d -> call.getBegin().map(c -> d.isBefore(c))).orElse(false)) {
            return false;
        }
        List<String> values = new ArrayList<>();
        declared.get(0).getInitializer().ifPresent(i -> values.add(JavaDetectors.literal(i) ? i.toString() : null));
        for (AssignExpr a : writes.assigned().getOrDefault(local, List.of())) {
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                return false;
            }
            if (!beforeAFail(a)) {
                values.add(JavaDetectors.literal(a.getValue()) ? a.getValue().toString() : null);
            }
        }
        if (values.isEmpty() || writes.stepped().contains(local) || values.contains(null) || values.stream().distinct().count() != 1) {
            return false;
        }
        String value = values.get(0);
        return call.getArguments().stream().anyMatch(a -> !a.isNameExpr() && a.toString().equals(value));
    }

    /**
     * What a method writes to names, read once per method (an assertion on a local asks for it, and a method may make
     * thousands): declarations, parameters (its own and its lambdas' and catch clauses'), assignments to a name (in
     * parentheses or not) and names incremented or decremented.
     */
    private record Writes(Map<String, List<VariableDeclarator>> declared, Set<String> parameters,
                          Map<String, List<AssignExpr>> assigned, Set<String> stepped) {
    }

    private static final com.github.javaparser.ast.DataKey<Writes> WRITES = new com.github.javaparser.ast.DataKey<>() { };

    private static Writes writes(MethodDeclaration m) {
        synchronized (m) {
            if (!m.containsData(WRITES)) {
                Map<String, List<VariableDeclarator>> declared = new java.util.HashMap<>();
                JavaDetectors.all(m, VariableDeclarator.class).forEach(v -> declared.computeIfAbsent(
                        v.getNameAsString(),
                        k -> new ArrayList<>()).add(v));
                Set<String> parameters = new java.util.HashSet<>();
                JavaDetectors.all(m, Parameter.class).forEach(p -> parameters.add(p.getNameAsString()));
                Map<String, List<AssignExpr>> assigned = new java.util.HashMap<>();
                JavaDetectors.all(m, AssignExpr.class).forEach(a -> {
                    String n = nameOf(a.getTarget());
                    if (n != null) {
                        assigned.computeIfAbsent(n, k -> new ArrayList<>()).add(a);
                    }
                });
                Set<String> stepped = new java.util.HashSet<>();
                JavaDetectors.all(m, UnaryExpr.class, InertChecks::steps).forEach(u -> {
                    String n = nameOf(u.getExpression());
                    if (n != null) {
                        stepped.add(n);
                    }
                });
                m.setData(WRITES, new Writes(declared, parameters, assigned, stepped));
            }
            return m.getData(WRITES);
        }
    }

    /** The name an expression is, in parentheses or not; null when it is no plain name. */
    private static String nameOf(Expression e) {
        while (e.isEnclosedExpr()) {
            e = e.asEnclosedExpr().getInner();
        }
        return e.isNameExpr() ? e.asNameExpr().getNameAsString() : null;
    }

    /**
     * An assignment standing as a statement of a try block whose next statement fails the test, where no catch clause
     * of the try catches that failure (Throwable, Error, AssertionError and the like).
     */
    private static boolean beforeAFail(AssignExpr a) {
        return a.getParentNode().orElse(null) instanceof ExpressionStmt s && beforeAFail(s);
    }

    /** A statement of a try block whose next statement fails the test, no clause of the try taking the failure. */
    static boolean beforeAFail(ExpressionStmt s) {
        if (!(s.getParentNode().orElse(null) instanceof BlockStmt block)
                || !(block.getParentNode().orElse(null) instanceof TryStmt t) || t.getTryBlock() != block
                || t.getCatchClauses().stream().anyMatch(InertChecks::catchesFailures)) {
            return false;
        }
        return failing(next(s));
    }

    /**
     * A clause that may take what a failed assertion throws (a type not named as an exception: Throwable, Error,
     * AssertionError and its kin, ComparisonFailure, Mockito's WantedButNotInvoked) and does not fail in turn for
     * sure (a fail() or throw among its own statements, not under a condition, and no return before it).
     */
    private static boolean catchesFailures(CatchClause c) {
        if (c.getBody().getStatements().stream().anyMatch(st -> failing(st) || st.isThrowStmt())
                && c.getBody().findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty()) {
            return false;
        }
        com.github.javaparser.ast.type.Type t = c.getParameter().getType();
        List<com.github.javaparser.ast.type.Type> types = t.isUnionType()
                ? new ArrayList<>(t.asUnionType().getElements()) : List.of(t);
        return types.stream().map(x -> x.asString().replaceAll(".*\\.", "")).anyMatch(x -> !x.endsWith("Exception"));
    }

    /** Where the very node stands in a list (indexOf would find the first node equal to it, a repeat's original). */
    private static int indexOfSame(List<Statement> statements, Statement s) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == s) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A statement that fails the test: {@code fail(...)} (unscoped, or on Assert, Assertions or TestCase), {@code throw
     * new AssertionError(...)} (or AssertionFailedError), {@code assertTrue(false)} or {@code assertFalse(true)}.
     */
    static boolean failing(Statement s) {
        if (s == null) {
            return false;
        }
        if (s.isThrowStmt() && s.asThrowStmt().getExpression() instanceof ObjectCreationExpr o) {
            String type = o.getType().getNameAsString();
            return type.equals("AssertionError") || type.equals("AssertionFailedError");
        }
        return s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr c && failing(c);
    }

    static boolean failing(MethodCallExpr c) {
        String scope = c.getScope().map(Node::toString).orElse("");
        boolean junit = scope.isEmpty() || scope.matches("([\\w.]*\\.)?(Assert|Assertions|TestCase)");
        var args = c.getArguments();
        return junit && (c.getNameAsString().equals("fail")
                || c.getNameAsString().equals("assertTrue") && !args.isEmpty()
                && args.get(args.size() == 2 && args.get(0).isStringLiteralExpr() ? 1 : 0).toString().equals("false")
                || c.getNameAsString().equals("assertFalse") && !args.isEmpty()
                && args.get(args.size() == 2 && args.get(0).isStringLiteralExpr() ? 1 : 0).toString().equals("true"));
    }

    /** An increment or decrement, before or after. */
    private static boolean steps(UnaryExpr u) {
        return switch (u.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    /**
     * An assertion statement that repeats the statement just before it, token for token, where nothing in it can
     * change what it reads: its only calls are one of JUnit's own assertions (assertEquals, assertTrue and the like,
     * not a helper of a base class whose name starts with assert) or an assertThat chain ending in a comparison of
     * values ({@code assertThat(x).isEqualTo(y)}; not Mockito's verify, which in order checks a second call, nor a
     * check that reads a stream), with names, fields and literals as arguments, no assignment, increment or {@code new}.
     */
    private static boolean repeatsThePrevious(MethodCallExpr call) {
        if (!(statementOf(call) instanceof ExpressionStmt s) || !(s.getParentNode().orElse(null) instanceof BlockStmt b)) {
            return false;
        }
        int at = indexOfSame(b.getStatements(), s);
        if (at <= 0 || !b.getStatement(at - 1).equals(s)) {
            return false;
        }
        return s.findAll(MethodCallExpr.class).stream().allMatch(InertChecks::inAnAssertionChain)
                && s.findAll(AssignExpr.class).isEmpty() && s.findAll(UnaryExpr.class, InertChecks::steps).isEmpty()
                && s.findAll(ObjectCreationExpr.class).isEmpty() && s.findAll(LambdaExpr.class).isEmpty();
    }

    /** The expression statement an assertion call is (the outermost call of its chain), or null. */
    private static Statement statementOf(MethodCallExpr call) {
        Node n = call;
        while (n.getParentNode().orElse(null) instanceof MethodCallExpr outer && outer.getScope().orElse(null) == n) {
            n = outer;
        }
        return n.getParentNode().orElse(null) instanceof ExpressionStmt s ? s : null;
    }

    private static final Set<String> COMPARING = Set.of("isEqualTo", "isNotEqualTo", "isSameAs", "isNotSameAs",
            "isNull", "isNotNull", "isTrue", "isFalse");

    /** JUnit's own assertions, which read only their arguments. */
    private static final Set<String> JUNIT = Set.of("assertEquals", "assertNotEquals", "assertSame", "assertNotSame",
            "assertNull", "assertNotNull", "assertTrue", "assertFalse", "assertArrayEquals", "assertThat");

    private static boolean inAnAssertionChain(MethodCallExpr call) {
        if (byJUnit(call)) {
            // A JUnit assertion stands alone; assertThat must be followed by a comparison of values.
            return !JavaDetectors.checkName(call).equals("assertThat") || call.getParentNode().orElse(null)
                    instanceof MethodCallExpr next && next.getScope().orElse(null) == call
                    && COMPARING.contains(next.getNameAsString());
        }
        return COMPARING.contains(call.getNameAsString()) && call.getScope().orElse(null) instanceof MethodCallExpr c
                && JavaDetectors.checkName(c).equals("assertThat");
    }

    // ------------------------------------------------------------------------ read across the two versions

    /**
     * The assertions of a test as it was ({@code was}) whose loss in the test as it is ({@code now}) checks nothing
     * less:
     * <ul>
     * <li>those of a catch clause that no longer catches, where the clause accepted an exception as an alternative
     * outcome: the head test makes the calls of its try block as written (outside any try with catch clauses, lambda
     * or anonymous class), and the try does not expect the exception (no {@code fail(...)}, {@code throw} or {@code
     * assertTrue(false)} in its block nor a failure right after it; no return, throw or assignment in the clause); or
     * the clause was the last of several of its try and the head has that try without it (same other clauses, in
     * order, and the same calls: an earlier clause cannot catch what reached a later one). Then an exception the
     * clause accepted fails the test instead, which is stricter. Not where the test catches a type more often than it
     * did, gains a way to expect an exception (assertThrows and the like, ExpectedException), expects one in its
     * annotation, or the try stands inside another with catch clauses;</li>
     * <li>a check of the exception's type in the catch clause of a try block that fails ({@code try { x(); fail(); }
     * catch (E e) { assertTrue(e instanceof X); }}) where the head test gains {@code assertThrows(X.class, () -> x())}
     * (a call written as one of the try block's), one per such assertThrows; a check of the exact class ({@code
     * assertEquals(X.class, e.getClass())}) only by {@code assertThrowsExactly};</li>
     * <li>the failure of a try block that expected an exception ({@code try { x(); fail(); } catch (E e) {}}, the
     * failure the block's last statement or the one right after it) where the head test no longer catches E and
     * expects E from one of the block's statements in JUnit 4's way (it gains {@code @Test(expected = E.class)}), or
     * a test of the file new to the change does ({@code @Test(expected = E.class)} or {@code assertThrows(E.class, ()
     * -> x())}; see {@link #expectedThrows}), or the test itself gains AssertJ's expectation of E from it whose
     * statement holds every literal the clause's checks held ({@code assertThatThrownBy(() -> x()).isInstanceOf(E.class)
     * .hasMessageContaining("m")} for {@code catch (E e) { assertThat(e.getMessage()).contains("m"); }}); each such
     * expectation stands for one try: the check moved to a test of its own, to the annotation, or into one chain;</li>
     * <li>checks of a list's or array's size and elements, or that it contains values, folded into one check of the
     * whole ({@code assertEquals(2, list.size()); assertEquals("a", list.get(0));} into {@code
     * assertEquals(Arrays.asList("a", "b"), list)}; see {@link #folded}): every check the fold implies;</li>
     * <li>a not-null check of a local right before a comparison of it with a value that cannot be null, the comparison
     * kept ({@link #notNullChecksDropped}).</li>
     * </ul>
     * {@code count}: how many assertions fewer the test may make for it (a fold of n checks makes one). Also, without
     * counting (the check is still made), a comparison with a boolean literal that the head test makes as a check of
     * truth ({@link #restatedAsBoolean}), so that its literal is no expected value gone.
     */
    record Dropped(Set<MethodCallExpr> calls, int count) {
    }

    static Dropped droppedWithoutLoss(MethodDeclaration was, MethodDeclaration now, List<String> expectedByNewTests) {
        Set<MethodCallExpr> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, Long> caughtNow = counted(JavaDetectors.all(now, CatchClause.class).stream()
                .map(InertChecks::typeOf).toList());
        Map<String, Long> caughtThen = counted(JavaDetectors.all(was, CatchClause.class).stream()
                .map(InertChecks::typeOf).toList());
        boolean noMoreCaught = caughtNow.entrySet().stream()
                .allMatch(e -> e.getValue() <= caughtThen.getOrDefault(e.getKey(), 0L));
        List<MethodCallExpr> expectingNow = expecting(now);
        List<MethodCallExpr> expectingThen = expecting(was);
        boolean expects = expectingNow.size() > expectingThen.size() || expectsInAnnotation(was)
                || expectsInAnnotation(now);
        // The test's own annotation, gained by the change, expects what a try of its own expected (JUnit 4's idiom).
        List<String> expectedByAnnotation = expectsInAnnotation(was) ? new ArrayList<>()
                : new ArrayList<>(annotationThrows(now, was));
        // The expectations the test itself gains (AssertJ's assertThatThrownBy(() -> x()).isInstanceOf(E.class),
        // assertThatExceptionOfType(E.class).isThrownBy(() -> x())), each standing for the failure of one try of its
        // own that expected E from x() where its chain holds every literal the try's clause checked (restated): the
        // idiom changed, not the check. A gained assertThrows chains nothing (its message describes), so it stands
        // for a check of the caught type instead (below), never for both.
        List<String> expectedThen = expectations(was).stream().map(Expectation::key)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<Expectation> expectedByItself = new ArrayList<>();
        for (Expectation x : expectations(now)) {
            if (!expectedThen.remove(x.key())) {
                expectedByItself.add(x);
            }
        }
        Set<String> madeNow = plainCalls(now);
        // The assertThrows calls the head test gains (by text), each to be matched once.
        List<String> before = expectingThen.stream().map(Node::toString).toList();
        List<MethodCallExpr> gained = new ArrayList<>(expectingNow.stream().filter(c -> !before.contains(c.toString()))
                .filter(c -> c.getNameAsString().startsWith("assertThrows")).toList());
        for (CatchClause clause : JavaDetectors.all(was, CatchClause.class)) {
            TryStmt t = (TryStmt) clause.getParentNode().orElseThrow();
            List<MethodCallExpr> checks = clause.getBody().findAll(MethodCallExpr.class, c -> JavaDetectors.isAssertion(c)
                    && !c.getNameAsString().equals("fail") && !checksNothing(c));
            boolean fails = fails(t, clause);
            boolean nested = false;
            for (Node n = t.getParentNode().orElse(null); n != null && n != was; n = n.getParentNode().orElse(null)) {
                nested |= n instanceof TryStmt outer && !outer.getCatchClauses().isEmpty()
                        && t.isDescendantOf(outer.getTryBlock());
            }
            List<MethodCallExpr> failures = failures(t);
            List<String> thrown = failures.isEmpty() || caughtNow.containsKey(typeOf(clause)) || !noMoreCaught || nested
                    ? List.of() : thrownBy(t, clause, was);
            if (!thrown.isEmpty() && (usedUp(thrown, expectedByAnnotation) || usedUp(thrown, expectedByNewTests)
                    || restated(thrown, clause, expectedByItself))) {
                out.addAll(failures);
                // And the clause's marks that it was reached (assertTrue(true)), which go with it.
                out.addAll(clause.getBody().findAll(MethodCallExpr.class, c -> JavaDetectors.isAssertion(c)
                        && JavaDetectors.cannotFail(c)));
            }
            if (!caughtNow.containsKey(typeOf(clause)) && noMoreCaught && !expects && !nested) {
                boolean bodyStays = plainCalls(t.getTryBlock()).stream().allMatch(madeNow::contains);
                if (!fails && bodyStays || lastOfStaying(t, clause, now)) {
                    out.addAll(checks);
                    continue;
                }
            }
            if (fails) {
                Set<String> tried = plainCalls(t.getTryBlock());
                for (MethodCallExpr c : checks) {
                    String type = aboutTheCaught(c, clause) ? checkedType(c, clause.getParameter().getNameAsString())
                            : null;
                    boolean exact = c.getArguments().stream().anyMatch(a -> a instanceof MethodCallExpr g
                            && g.getNameAsString().equals("getClass"));
                    MethodCallExpr same = type == null ? null : gained.stream().filter(g -> g.getArguments().size() >= 2
                            && g.getArguments().get(0).isClassExpr()
                            && g.getArguments().get(0).asClassExpr().getType().asString().equals(type)
                            && g.getNameAsString().equals(exact ? "assertThrowsExactly" : "assertThrows")
                            && plainCalls(g.getArguments().get(1)).stream().anyMatch(tried::contains))
                            .findFirst().orElse(null);
                    if (same != null) {
                        gained.remove(same);
                        out.add(c);
                    }
                }
            }
        }
        out.addAll(notNullChecksDropped(was, now));
        // Each dropped call counts as it counted in the test (JavaDetectors.made): a not-null check that a later check
        // implied counted none, so dropping it takes none off.
        int count = 0;
        for (MethodCallExpr c : out) {
            count += JavaDetectors.isAssertion(c) ? JavaDetectors.countedAs(c) : 1;
        }
        // assertEquals(false, x) written assertFalse(x): the same check, no fewer, and no expected value gone.
        out.addAll(restatedAsBoolean(was, now));
        for (Folded fold : folded(was, now)) {
            out.addAll(fold.implied());
            for (MethodCallExpr c : fold.implied()) {
                count += JavaDetectors.countedAs(c);
            }
            count -= JavaDetectors.countedAs(fold.by()); // the check of the whole counts as it does
        }
        return new Dropped(out, count);
    }

    /** Checks of the test as it was ({@code implied}) that one check of the whole in the head ({@code by}) implies. */
    private record Folded(List<MethodCallExpr> implied, MethodCallExpr by) {
    }

    /**
     * Checks of the test as it was that one new check of the whole implies, grouped by that check: for a list or
     * array {@code x} (a name not assigned in either version, checked as a name), the head test's {@code assertEquals(Arrays.asList(e0,
     * e1), x)} (or List.of, ImmutableList.of; {@code assertArrayEquals(new T[] {e0, e1}, x)}; Truth's or AssertJ's
     * {@code assertThat(x).containsExactly(e0, e1)}), which the base test did not make, implies each of the base's
     * {@code assertEquals(2, x.size())} (or {@code x.length}), {@code assertEquals(ei, x.get(i))} (or {@code x[i]})
     * with the same text ei at i, and {@code assertTrue(x.contains(ei))}; a group is returned only when every such
     * check of x in the base is implied and gone from the head, and holds at least two.
     */
    private static List<Folded> folded(MethodDeclaration was, MethodDeclaration now) {
        List<Folded> out = new ArrayList<>();
        Set<String> before = null;
        Set<String> after = null;
        Set<String> folded = new java.util.HashSet<>();
        for (MethodCallExpr c : JavaDetectors.all(now, MethodCallExpr.class, JavaDetectors::isAssertion)) {
            Fold fold = fold(c);
            if (fold != null && before == null) {
                before = new java.util.HashSet<>();
                for (MethodCallExpr b : JavaDetectors.all(was, MethodCallExpr.class, JavaDetectors::isAssertion)) {
                    before.add(statementText(b));
                }
            }
            if (fold == null || before.contains(statementText(c)) || !folded.add(fold.of())
                    || writes(was).assigned().containsKey(fold.of()) || writes(now).assigned().containsKey(fold.of())) {
                continue;
            }
            if (after == null) {
                after = new java.util.HashSet<>();
                for (MethodCallExpr b : JavaDetectors.all(now, MethodCallExpr.class, JavaDetectors::isAssertion)) {
                    after.add(statementText(b));
                }
            }
            List<MethodCallExpr> implied = new ArrayList<>();
            boolean all = true;
            for (MethodCallExpr old : JavaDetectors.all(was, MethodCallExpr.class, JavaDetectors::isAssertion)) {
                Boolean holds = impliedBy(old, fold);
                if (holds == null) {
                    continue; // not a check of the list's size, elements or contents
                }
                if (!holds || after.contains(statementText(old))) {
                    all = false; // a check the fold does not imply, or one the head still makes beside it
                    break;
                }
                implied.add(old);
            }
            if (all && implied.size() >= 2) {
                out.add(new Folded(implied, c));
            }
        }
        return out;
    }

    /**
     * A check of a whole list or array: the name it checks, the values in order, and whether an element's place
     * is checked too ({@code indexed}: not for containsExactly, whose subject may be a map, its values keys and
     * values in turn).
     */
    private record Fold(String of, List<String> values, boolean indexed) {
    }

    private static Fold fold(MethodCallExpr c) {
        var args = c.getArguments();
        String name = JavaDetectors.checkName(c);
        if ((name.equals("assertEquals") || name.equals("assertArrayEquals")) && (args.size() == 2
                || args.size() == 3 && args.get(2).isStringLiteralExpr())) {
            List<String> values = listed(args.get(0));
            return values == null || !args.get(1).isNameExpr() ? null : new Fold(args.get(1).toString(), values, true);
        }
        // assertThat(x).containsExactly(a, b), alone or followed by Truth's .inOrder()
        if (name.equals("assertThat") && args.size() == 1 && args.get(0).isNameExpr()
                && c.getParentNode().orElse(null) instanceof MethodCallExpr next
                && next.getScope().orElse(null) == c && next.getNameAsString().equals("containsExactly")
                && !next.getArguments().isEmpty()) {
            boolean ordered = next.getParentNode().orElse(null) instanceof MethodCallExpr after
                    && after.getScope().orElse(null) == next && after.getNameAsString().equals("inOrder")
                    || isAssertJ(c);
            return ordered ? new Fold(args.get(0).toString(), next.getArguments().stream().map(Node::toString)
                    .toList(), false) : null;
        }
        return null;
    }

    /**
     * Whether an assertThat is AssertJ's (whose containsExactly keeps order; Truth's does not unless .inOrder()
     * follows): called on AssertJ's Assertions, or unscoped in a file that imports AssertJ's assertThat statically and
     * not Truth's.
     */
    private static boolean isAssertJ(MethodCallExpr assertThat) {
        String scope = assertThat.getScope().map(Node::toString).orElse("");
        if (!scope.isEmpty()) {
            return scope.startsWith("org.assertj") || scope.equals("Assertions") && assertThat.findCompilationUnit()
                    .map(u -> u.getImports().stream().anyMatch(i -> i.getNameAsString()
                            .equals("org.assertj.core.api.Assertions"))).orElse(false);
        }
        String name = assertThat.getNameAsString();
        return assertThat.findCompilationUnit().map(u -> u.getImports().stream().anyMatch(i -> i.isStatic()
                && i.getNameAsString().startsWith("org.assertj") && (i.isAsterisk()
                || i.getNameAsString().endsWith("." + name))) && u.getImports().stream().noneMatch(i ->
                i.getNameAsString().startsWith("com.google.common.truth"))).orElse(false);
    }

    /** The values of {@code Arrays.asList(...)}, {@code List.of(...)}, {@code ImmutableList.of(...)}, {@code new T[] {...}}. */
    private static List<String> listed(Expression e) {
        if (e instanceof MethodCallExpr m && (m.getNameAsString().equals("asList")
                && m.getScope().map(Node::toString).filter(x -> x.endsWith("Arrays")).isPresent()
                || m.getNameAsString().equals("of") && m.getScope().map(Node::toString)
                .filter(x -> x.equals("List") || x.endsWith("ImmutableList")).isPresent())) {
            return m.getArguments().stream().map(Node::toString).toList();
        }
        if (e.isArrayCreationExpr() && e.asArrayCreationExpr().getInitializer().isPresent()) {
            return e.asArrayCreationExpr().getInitializer().get().getValues().stream().map(Node::toString).toList();
        }
        return null;
    }

    /**
     * Whether a base check is implied by a fold: true or false for a check of the fold's list (its size, an element
     * at a literal index, or that it contains a value), null for any other check.
     */
    private static Boolean impliedBy(MethodCallExpr old, Fold fold) {
        var args = old.getArguments();
        String name = JavaDetectors.checkName(old);
        if (name.equals("assertEquals") && (args.size() == 2 || args.size() == 3)) {
            boolean messageFirst = args.size() == 3 && args.get(0).isStringLiteralExpr()
                    && !args.get(2).isStringLiteralExpr();
            if (args.size() == 3 && !messageFirst && !args.get(2).isStringLiteralExpr()) {
                return null; // a delta, not a message
            }
            Expression expected = args.get(messageFirst ? 1 : 0);
            Expression actual = args.get(messageFirst ? 2 : 1);
            if (actual instanceof MethodCallExpr size && size.getNameAsString().equals("size")
                    && size.getArguments().isEmpty() && scopeIs(size.getScope().orElse(null), fold.of())
                    || actual.isFieldAccessExpr() && actual.asFieldAccessExpr().getNameAsString().equals("length")
                    && actual.asFieldAccessExpr().getScope().toString().equals(fold.of())) {
                return expected.isIntegerLiteralExpr()
                        && expected.asIntegerLiteralExpr().asNumber().intValue() == fold.values().size();
            }
            Expression index = null;
            if (actual instanceof MethodCallExpr get && get.getNameAsString().equals("get")
                    && get.getArguments().size() == 1 && scopeIs(get.getScope().orElse(null), fold.of())) {
                index = get.getArguments().get(0);
            } else if (actual.isArrayAccessExpr() && actual.asArrayAccessExpr().getName().toString().equals(fold.of())) {
                index = actual.asArrayAccessExpr().getIndex();
            }
            if (index != null) {
                if (!index.isIntegerLiteralExpr() || !fold.indexed() && !actual.isArrayAccessExpr()) {
                    return false;
                }
                int i = index.asIntegerLiteralExpr().asNumber().intValue();
                return i >= 0 && i < fold.values().size() && fold.values().get(i).equals(expected.toString());
            }
            return null;
        }
        // assertTrue(x.contains(v)) or assertThat(x.contains(v)).isTrue()
        boolean isTrue = name.equals("assertTrue") && (args.size() == 1 || args.size() == 2)
                || name.equals("assertThat") && args.size() == 1 && old.getParentNode().orElse(null)
                instanceof MethodCallExpr next && next.getScope().orElse(null) == old
                && next.getNameAsString().equals("isTrue");
        Expression checked = args.isEmpty() ? null : args.get(args.size() == 2 && args.get(0).isStringLiteralExpr()
                ? 1 : 0);
        if (isTrue && checked instanceof MethodCallExpr contains && contains.getNameAsString().equals("contains")
                && contains.getArguments().size() == 1 && scopeIs(contains.getScope().orElse(null), fold.of())) {
            return fold.values().contains(contains.getArguments().get(0).toString());
        }
        return null;
    }

    private static boolean scopeIs(Expression scope, String of) {
        return scope != null && scope.toString().equals(of);
    }

    /** An assertion's statement as written, or the call's own text when it stands in no statement. */
    private static String statementText(MethodCallExpr call) {
        Statement s = statementOf(call);
        return (s != null ? s : call).toString();
    }

    private static String typeOf(CatchClause clause) {
        return clause.getParameter().getType().asString();
    }

    /**
     * Whether a clause was the last of several of its try, and the head test has that try without it: a try statement
     * whose clauses catch the others' types, in order, and whose block makes the calls the old block made (an earlier
     * clause cannot catch what reached a later one, so what the dropped clause caught now fails the test).
     */
    private static boolean lastOfStaying(TryStmt t, CatchClause clause, MethodDeclaration now) {
        List<CatchClause> clauses = t.getCatchClauses();
        if (clauses.size() < 2 || clauses.get(clauses.size() - 1) != clause) {
            return false;
        }
        List<String> others = clauses.subList(0, clauses.size() - 1).stream().map(InertChecks::typeOf).toList();
        Set<String> tried = plainCalls(t.getTryBlock());
        return JavaDetectors.all(now, TryStmt.class).stream().anyMatch(n -> n.getCatchClauses().stream()
                .map(InertChecks::typeOf)
                .toList().equals(others) && plainCalls(n.getTryBlock()).containsAll(tried));
    }

    /**
     * What a test expects to be thrown, as "Type|statement" keys ({@link #statementKeys}; the exception's simple name),
     * one per expectation: the last statement of a JUnit 4 {@code @Test(expected = E.class)}, and the code given to
     * {@code assertThrows(E.class, ...)} (and assertThrowsExactly, expectThrows), AssertJ's {@code
     * assertThatExceptionOfType(E.class).isThrownBy(...)} and {@code assertThatThrownBy(...).isInstanceOf(E.class)}
     * (a lambda's expression, or its block's last statement).
     */
    static List<String> expectedThrows(MethodDeclaration m) {
        List<String> out = new ArrayList<>(annotationThrows(m, null));
        expectations(m).forEach(x -> out.add(x.key()));
        return out;
    }

    /**
     * An expectation of an exception written as a call: its key ("Type|statement") and the statement that makes it
     * (AssertJ's chains its message checks, hasMessageContaining("m"), on it).
     */
    private record Expectation(String key, Statement made) {
    }

    /** The expectations of a test written as calls, in its own body ({@link #expectedThrows}). */
    private static List<Expectation> expectations(MethodDeclaration m) {
        List<Expectation> out = new ArrayList<>();
        Map<String, List<String>> values = values(m);
        BlockStmt body = m.getBody().orElse(null);
        for (MethodCallExpr c : JavaDetectors.all(m, MethodCallExpr.class, c -> body != null
                && c.findAncestor(Statement.class)
                .flatMap(Node::getParentNode).orElse(null) == body)) {
            var args = c.getArguments();
            String name = JavaDetectors.checkName(c);
            Expression type = null;
            Expression code = null;
            if (Set.of("assertThrows", "assertThrowsExactly", "expectThrows").contains(name) && args.size() >= 2) {
                type = args.get(0);
                code = args.get(1);
            } else if (name.equals("isThrownBy") && args.size() == 1 && c.getScope().orElse(null)
                    instanceof MethodCallExpr of && JavaDetectors.checkName(of).equals("assertThatExceptionOfType")
                    && of.getArguments().size() == 1) {
                type = of.getArgument(0);
                code = args.get(0);
            } else if (Set.of("isInstanceOf", "isExactlyInstanceOf").contains(name) && args.size() == 1
                    && c.getScope().orElse(null) instanceof MethodCallExpr thrown
                    && JavaDetectors.checkName(thrown).equals("assertThatThrownBy") && !thrown.getArguments().isEmpty()) {
                type = args.get(0);
                code = thrown.getArgument(0);
            }
            if (type != null && type.isClassExpr() && code instanceof LambdaExpr l
                    && (!l.getBody().isBlockStmt() || onlyTheLastMayThrow(l.getBody().asBlockStmt(), null))) {
                Statement last = l.getBody().isBlockStmt() ? l.getBody().asBlockStmt().getStatements().getLast()
                        .orElse(null) : l.getBody();
                String simple = MainCodeChange.simple(type.asClassExpr().getType().asString());
                Statement made = c.findAncestor(Statement.class).orElseThrow();
                // One expectation: the first of its statement's keys stands for it.
                statementKeys(last, values).stream().findFirst().ifPresent(k -> out.add(new Expectation(simple + "|"
                        + k, made)));
            }
        }
        return out;
    }

    /**
     * Of the AssertJ expectations the test as it is gains ({@code gained}), one that stands for a try of the test as
     * it was that expected an exception ({@code thrown}: its keys) from its clause, the clause's checks carried on:
     * the clause checks something, each of its checks reads the caught exception's own message, and every literal
     * they hold is an argument of a check of the message the expectation chains ({@code
     * assertThat(e.getMessage()).contains("m")} beside {@code .hasMessageContaining("m")}), a whole-message check's
     * ({@code assertEquals("m", e.getMessage())}) of one that compares it whole ({@code .hasMessage("m")}). Used up
     * when found.
     */
    private static boolean restated(List<String> thrown, CatchClause clause, List<Expectation> gained) {
        Set<String> checked = new java.util.HashSet<>();
        Set<String> exactly = new java.util.HashSet<>();
        String caught = clause.getParameter().getNameAsString();
        List<MethodCallExpr> checks = clause.getBody().findAll(MethodCallExpr.class, c -> JavaDetectors.isAssertion(c)
                && !c.getNameAsString().equals("fail") && !checksNothing(c));
        for (MethodCallExpr c : checks) {
            Statement st = c.findAncestor(Statement.class).orElse(null);
            if (st == null || st.findAll(MethodCallExpr.class).stream().noneMatch(m -> m.getArguments().isEmpty()
                    && Set.of("getMessage", "getLocalizedMessage").contains(m.getNameAsString())
                    && m.getScope().filter(x -> x.isNameExpr() && x.asNameExpr().getNameAsString().equals(caught))
                    .isPresent())) {
                return false; // a check of a code, a cause or the exception itself: no message of its own
            }
            List<String> its = st.findAll(com.github.javaparser.ast.expr.LiteralExpr.class).stream()
                    .map(Node::toString).toList();
            checked.addAll(its);
            // assertEquals("m", e.getMessage()) or assertThat(e.getMessage()).isEqualTo("m") compares it whole.
            if (st.findAll(MethodCallExpr.class).stream().anyMatch(m -> Set.of("assertEquals", "isEqualTo")
                    .contains(m.getNameAsString()))) {
                exactly.addAll(its);
            }
        }
        if (checked.isEmpty()) {
            return false; // nothing to find the check again by
        }
        for (Expectation x : gained) {
            if (thrown.contains(x.key()) && chainedValues(x.made(), false).containsAll(checked)
                    && chainedValues(x.made(), true).containsAll(exactly)) {
                gained.remove(x);
                return true;
            }
        }
        return false;
    }

    /**
     * The literal arguments of the checks of the exception's own message that an expectation's statement chains
     * ({@code hasMessage("m")}, {@code hasMessageContaining("m")}, {@code withMessage("m")} and the like; with
     * {@code whole}, only those comparing the whole message: hasMessage, withMessage); not those chained after it
     * moves on to a cause, nor any other call's (a description, assertThrows' message, a stack-trace check).
     */
    /** AssertJ's checks of an exception's own message. */
    private static final java.util.regex.Pattern MESSAGE_CHECKS = java.util.regex.Pattern.compile(
            "(has|with)Message(Containing|StartingWith|EndingWith|Matching|ContainingAll)?");
    /** Calls that move an AssertJ chain on to a cause. */
    private static final Set<String> CAUSES = Set.of("cause", "rootCause", "getCause", "havingCause",
            "havingRootCause");

    private static Set<String> chainedValues(Statement made, boolean whole) {
        Set<String> out = new java.util.HashSet<>();
        Expression at = made instanceof com.github.javaparser.ast.stmt.ExpressionStmt e ? e.getExpression() : null;
        for (; at instanceof MethodCallExpr c; at = c.getScope().orElse(null)) {
            String name = c.getNameAsString();
            if (whole ? Set.of("hasMessage", "withMessage").contains(name) : MESSAGE_CHECKS.matcher(name).matches()) {
                c.getArguments().stream().filter(JavaDetectors::literal).forEach(a -> out.add(a.toString()));
            } else if (CAUSES.contains(name)) {
                out.clear(); // the checks before it were of a cause's message, not the exception's
            }
        }
        return out;
    }

    /**
     * The base test's comparisons with a boolean literal ({@code assertEquals(false, x)}, {@code
     * assertThat(x).isEqualTo(true)}) that the head test makes as checks of truth on the same expression ({@code
     * assertFalse(x)}, {@code assertThat(x).isTrue()}), each matched once.
     */
    private static List<MethodCallExpr> restatedAsBoolean(MethodDeclaration was, MethodDeclaration now) {
        List<String> truths = new ArrayList<>();
        for (MethodCallExpr c : JavaDetectors.all(now, MethodCallExpr.class)) {
            var args = c.getArguments();
            String name = JavaDetectors.checkName(c);
            if ((name.equals("assertTrue") || name.equals("assertFalse")) && !args.isEmpty() && args.size() <= 2) {
                List<Expression> checked = args.stream().filter(a -> !a.isStringLiteralExpr()).toList();
                if (checked.size() == 1) {
                    truths.add(name.equals("assertTrue") + "|" + checked.get(0));
                }
            } else if ((name.equals("isTrue") || name.equals("isFalse")) && args.isEmpty()
                    && c.getScope().orElse(null) instanceof MethodCallExpr that
                    && JavaDetectors.checkName(that).equals("assertThat") && that.getArguments().size() == 1) {
                truths.add(name.equals("isTrue") + "|" + that.getArgument(0));
            }
        }
        List<MethodCallExpr> out = new ArrayList<>();
        if (truths.isEmpty()) {
            return out;
        }
        for (MethodCallExpr c : JavaDetectors.all(was, MethodCallExpr.class)) {
            var args = c.getArguments();
            String key = null;
            if (c.getNameAsString().equals("assertEquals") && (args.size() == 2 || args.size() == 3)) {
                int expected = JavaDetectors.expectedIndex(args);
                if (args.get(expected) instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b) {
                    key = b.getValue() + "|" + args.get(expected + 1);
                }
            } else if (c.getNameAsString().equals("isEqualTo") && args.size() == 1
                    && args.get(0) instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b
                    && c.getScope().orElse(null) instanceof MethodCallExpr that
                    && JavaDetectors.checkName(that).equals("assertThat") && that.getArguments().size() == 1) {
                key = b.getValue() + "|" + that.getArgument(0);
            }
            if (key != null && truths.remove(key)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The key of a test annotated {@code @Test(expected = E.class)}: E with its body's last statement, where the
     * statements before it make no assertion (one that threw E would now pass the test) unless it is one of those the
     * try blocks of {@code was} (the test as it was, or null) held, which the base test let throw E too.
     */
    private static List<String> annotationThrows(MethodDeclaration m, MethodDeclaration was) {
        List<String> out = new ArrayList<>();
        if (!expectsInAnnotation(m) || m.getBody().isEmpty() || !onlyTheLastMayThrow(m.getBody().get(), was)) {
            return out;
        }
        m.getAnnotationByName("Test").filter(a -> a.isNormalAnnotationExpr()).ifPresent(a -> a.asNormalAnnotationExpr()
                .getPairs().stream().filter(p -> p.getNameAsString().equals("expected") && p.getValue().isClassExpr())
                .forEach(p -> m.getBody().flatMap(b -> b.getStatements().getLast())
                        .flatMap(last -> statementKeys(last, values(m)).stream().findFirst())
                        .ifPresent(k -> out.add(MainCodeChange.simple(p.getValue().asClassExpr().getType().asString()) + "|" + k))));
        return out;
    }

    /**
     * Whether a block's statements before its last make no assertion, or are as written in a try block of {@code was}
     * (null: none).
     */
    private static boolean onlyTheLastMayThrow(BlockStmt block, MethodDeclaration was) {
        Set<String> tried = new java.util.HashSet<>();
        if (was != null) {
            JavaDetectors.all(was, TryStmt.class).forEach(t -> t.getTryBlock().getStatements()
                    .forEach(st -> tried.add(st.toString())));
        }
        var statements = block.getStatements();
        for (int i = 0; i < statements.size() - 1; i++) {
            Statement st = statements.get(i);
            if (!tried.contains(st.toString()) && st.findFirst(MethodCallExpr.class, JavaDetectors::isAssertion).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The "Type|statement" keys of a try's block (its statements but the failure) for each type its clause catches
     * (one, or those of a union).
     */
    private static List<String> thrownBy(TryStmt t, CatchClause clause, MethodDeclaration in) {
        var type = clause.getParameter().getType();
        List<String> types = type.isUnionType() ? type.asUnionType().getElements().stream()
                .map(e -> MainCodeChange.simple(e.asString())).toList() : List.of(MainCodeChange.simple(type.asString()));
        Map<String, List<String>> values = values(in);
        List<String> out = new ArrayList<>();
        for (Statement st : t.getTryBlock().getStatements()) {
            if (!failing(st)) {
                for (String k : statementKeys(st, values)) {
                    types.forEach(e -> out.add(e + "|" + k));
                }
            }
        }
        return out;
    }

    /** Whether one of {@code keys} is among {@code expected}; if so, that expectation is used up (removed). */
    private static boolean usedUp(List<String> keys, List<String> expected) {
        for (String k : keys) {
            if (expected.remove(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys of what a statement does: its call chain as written from its root receiver on, the receiver left out
     * ({@code other.greet(null).length()} and {@code new Greeter().greet(null).length()} both {@code
     * greet(null).length()}), or the object it makes ({@code new Parser("x")}); the value of a call, an assignment's or
     * a declaration's. A local given one literal stands for it ({@code input} for {@code "12:61"}), and an element of
     * an array given its values for each ({@code int[] ports = {-1, 0}} ... {@code setPort(ports[i])}). Only chains
     * that pass an argument: {@code it.next()} is too common to tie one test's check to another's.
     */
    private static List<String> statementKeys(Node st, Map<String, List<String>> values) {
        Expression e = st instanceof ExpressionStmt x ? x.getExpression() : st instanceof Expression x ? x : null;
        if (e instanceof AssignExpr a) {
            e = a.getValue();
        } else if (e instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr d && d.getVariables().size() == 1) {
            e = d.getVariable(0).getInitializer().orElse(null);
        }
        if (!(e instanceof MethodCallExpr) && !(e instanceof ObjectCreationExpr)) {
            return List.of();
        }
        List<String> keys = chainKeys(e, values);
        return keys.isEmpty() || !ARGUMENT.matcher(keys.get(0)).find() ? List.of() : keys;
    }

    /** A call or creation given an argument, in a key. */
    private static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\([^)]");

    private static List<String> chainKeys(Expression e, Map<String, List<String>> values) {
        List<String> prefixes = List.of("");
        com.github.javaparser.ast.NodeList<Expression> args;
        String name;
        if (e instanceof MethodCallExpr c) {
            // The root receiver is left out, unless made with arguments (new Greeter(Locale.FRENCH) is not new Greeter()).
            Expression scope = c.getScope().orElse(null);
            if (scope instanceof MethodCallExpr || scope instanceof ObjectCreationExpr o && !o.getArguments().isEmpty()) {
                prefixes = chainKeys(scope, values).stream().map(k -> k + ".").toList();
            }
            args = c.getArguments();
            name = c.getNameAsString();
        } else if (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) {
            args = o.getArguments();
            name = "new " + o.getType().getNameAsString();
        } else {
            return List.of();
        }
        List<String> rendered = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String a : argumentTexts(args, values)) {
                rendered.add(prefix + name + "(" + a + ")");
            }
        }
        return rendered.size() > 64 ? rendered.subList(0, 64) : rendered;
    }

    /** The arguments as written, and with each local that has values ({@link #values}) given each of them in turn. */
    private static List<String> argumentTexts(List<Expression> args, Map<String, List<String>> values) {
        List<String> written = args.stream().map(Node::toString).toList();
        List<String> out = new ArrayList<>(List.of(String.join(", ", written)));
        for (int i = 0; i < args.size(); i++) {
            Expression a = args.get(i);
            String local = a.isNameExpr() ? a.asNameExpr().getNameAsString()
                    : a instanceof com.github.javaparser.ast.expr.ArrayAccessExpr x && x.getName().isNameExpr()
                    ? "[]" + x.getName().asNameExpr().getNameAsString() : null;
            List<String> its = values.getOrDefault(local, List.of());
            if (a instanceof com.github.javaparser.ast.expr.ArrayAccessExpr x && x.getIndex().isIntegerLiteralExpr()) {
                int at = x.getIndex().asIntegerLiteralExpr().asNumber().intValue();
                its = at < its.size() ? List.of(its.get(at)) : List.of();
            }
            for (String value : its) {
                List<String> each = new ArrayList<>(written);
                each.set(i, value);
                out.add(String.join(", ", each));
            }
        }
        return out;
    }

    /**
     * The values a test's locals are given where they are declared and nowhere else: a literal ({@code String input = "12:61"}: key
     * "input"), or an array's elements ({@code int[] ports = {-1, 0}}: key "[]ports").
     */
    private static Map<String, List<String>> values(MethodDeclaration m) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        Writes writes = writes(m);
        for (VariableDeclarator v : JavaDetectors.all(m, VariableDeclarator.class)) {
            if (writes.assigned().containsKey(v.getNameAsString()) || writes.declared().get(v.getNameAsString()).size() > 1) {
                continue; // given other values too, or a name declared twice (in different scopes)
            }
            Expression init = v.getInitializer().orElse(null);
            if (init instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c) {
                init = c.getInitializer().orElse(null);
            }
            if (init instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr a) {
                out.put("[]" + v.getNameAsString(), a.getValues().stream().map(Node::toString).toList());
            } else if (init != null && JavaDetectors.literal(init)) {
                out.put(v.getNameAsString(), List.of(init.toString()));
            }
        }
        return out;
    }

    /**
     * The failure by which a try statement fails when its block ends: its block's last statement, or the statement
     * right after it, where either is an unconditional failure ({@link #failing}).
     */
    private static List<MethodCallExpr> failures(TryStmt t) {
        List<MethodCallExpr> out = new ArrayList<>();
        t.getTryBlock().getStatements().getLast().filter(InertChecks::failing).ifPresent(st -> failCall(st, out));
        Statement after = next(t);
        if (failing(after)) {
            failCall(after, out);
        }
        return out;
    }

    private static void failCall(Statement st, List<MethodCallExpr> out) {
        if (st instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr c) {
            out.add(c);
        }
    }

    private static Map<String, Long> counted(List<String> values) {
        return values.stream().collect(java.util.stream.Collectors.groupingBy(v -> v,
                java.util.stream.Collectors.counting()));
    }

    /** Ways a test expects an exception other than a catch clause: assertThrows and its kin, ExpectedException. */
    private static final Set<String> EXPECTS = Set.of("assertThrows", "assertThrowsExactly", "assertThatThrownBy",
            "assertThatExceptionOfType", "assertThatCode", "expectThrows", "expect", "expectMessage", "expectCause");

    private static List<MethodCallExpr> expecting(MethodDeclaration m) {
        return JavaDetectors.all(m, MethodCallExpr.class, c -> EXPECTS.contains(JavaDetectors.checkName(c)));
    }

    /** JUnit 4's {@code @Test(expected = X.class)}. */
    private static boolean expectsInAnnotation(MethodDeclaration m) {
        return m.getAnnotationByName("Test").filter(a -> a.isNormalAnnotationExpr() && a.asNormalAnnotationExpr()
                .getPairs().stream().anyMatch(p -> p.getNameAsString().equals("expected"))).isPresent();
    }

    /**
     * The calls a piece of a test makes outside assertions, as written ({@code script.execute(ctx, 25)}), leaving out
     * calls inside a try block that has catch clauses and inside a lambda or anonymous class (which may never run, or
     * swallow what it throws), below {@code at} (a lambda given as {@code at} is read inside).
     */
    private static Set<String> plainCalls(Node at) {
        Set<String> out = new java.util.HashSet<>();
        for (MethodCallExpr c : at.findAll(MethodCallExpr.class)) {
            if (JavaDetectors.isAssertion(c) || EXPECTS.contains(JavaDetectors.checkName(c))
                    || c.findAncestor(MethodCallExpr.class, JavaDetectors::isAssertion).filter(a -> a.isDescendantOf(at))
                    .isPresent()) {
                continue;
            }
            boolean guarded = false;
            for (Node n = c.getParentNode().orElse(null); n != null && n != at; n = n.getParentNode().orElse(null)) {
                if (n instanceof TryStmt t && !t.getCatchClauses().isEmpty() && c.isDescendantOf(t.getTryBlock())
                        || n instanceof LambdaExpr || n instanceof ObjectCreationExpr o && o.getAnonymousClassBody()
                        .isPresent()) {
                    guarded = true;
                    break;
                }
            }
            if (!guarded) {
                out.add(c.toString());
            }
        }
        return out;
    }

    /**
     * Whether a try statement may expect the exception its clause catches: its block fails the test or throws
     * anything, the statement after it fails the test, or the clause returns, throws or sets a variable (a flag
     * checked later: {@code thrown = true}).
     */
    private static boolean fails(TryStmt t, CatchClause clause) {
        if (t.getTryBlock().findAll(Statement.class, InertChecks::failing).size() > 0
                || !t.getTryBlock().findAll(com.github.javaparser.ast.stmt.ThrowStmt.class).isEmpty()
                || !clause.getBody().findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty()
                || !clause.getBody().findAll(com.github.javaparser.ast.stmt.ThrowStmt.class).isEmpty()
                || !clause.getBody().findAll(AssignExpr.class).isEmpty()
                || !clause.getBody().findAll(UnaryExpr.class, InertChecks::steps).isEmpty()) {
            return true;
        }
        return failing(next(t));
    }

    /** The statement after {@code s} in its block, or null. */
    private static Statement next(Statement s) {
        if (s.getParentNode().orElse(null) instanceof BlockStmt b) {
            int at = indexOfSame(b.getStatements(), s);
            return at + 1 < b.getStatements().size() ? b.getStatement(at + 1) : null;
        }
        return null;
    }
}
