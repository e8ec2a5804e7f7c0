package org.alignlab.oversight;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JUnit 5's run conditions on the Java version and the operating system compared exactly: whether those a test or
 * class has after a change let it run wherever those it had before did. A range of Java versions it is enabled for
 * that contains the old one ({@code max = JAVA_17} become {@code JAVA_18}), a set of versions or systems it is enabled
 * on that contains the old one, or a range or set it is disabled for within the old one, turns nothing off. Any other
 * condition, or an attribute this does not know, is not compared: the caller says the change for review.
 */
final class RunConditions {
    /** Attributes that only explain. */
    private static final Set<String> EXPLAINING = Set.of("disabledReason");

    private RunConditions() {
    }

    /**
     * Whether {@code now}'s run conditions (among {@code names}, JUnit's condition annotations) let it run wherever
     * {@code was}'s did, their being different.
     */
    static boolean runsWhereverItRan(NodeWithAnnotations<?> was, NodeWithAnnotations<?> now, Set<String> names) {
        Map<String, AnnotationExpr> before = byName(was, names);
        Map<String, AnnotationExpr> after = byName(now, names);
        if (before == null || after == null || !before.keySet().equals(after.keySet())) {
            return false;
        }
        for (var e : after.entrySet()) {
            AnnotationExpr old = before.get(e.getKey());
            if (old.equals(e.getValue())) {
                continue;
            }
            if (!wider(e.getKey(), attributes(old), attributes(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The condition annotations by simple name, or null when one is repeated. */
    private static Map<String, AnnotationExpr> byName(NodeWithAnnotations<?> n, Set<String> names) {
        Map<String, AnnotationExpr> out = new HashMap<>();
        for (AnnotationExpr a : n.getAnnotations()) {
            String name = a.getName().getIdentifier();
            if (names.contains(name) && out.put(name, a) != null) {
                return null;
            }
        }
        return out;
    }

    private static boolean wider(String name, Map<String, Expression> was, Map<String, Expression> now) {
        boolean enabled = name.startsWith("Enabled");
        if (name.endsWith("ForJreRange")) {
            int[] then = range(was);
            int[] range = range(now);
            if (then == null || range == null) {
                return false;
            }
            int[] outer = enabled ? range : then;
            int[] inner = enabled ? then : range;
            return outer[0] <= inner[0] && inner[1] <= outer[1];
        }
        if (!name.endsWith("OnJre") && !name.endsWith("OnOs")) {
            return false; // a condition this does not compare
        }
        // On a set of versions or systems: the value (JUnit's "value" or, since 5.12, "versions" for the JRE); an
        // operating system's architectures are not compared.
        if (!Set.of("value", "versions").containsAll(now.keySet()) || !Set.of("value", "versions")
                .containsAll(was.keySet())) {
            return false;
        }
        Set<String> then = new TreeSet<>();
        Set<String> set = new TreeSet<>();
        for (Expression v : was.values()) {
            if (!constants(v, then)) {
                return false;
            }
        }
        for (Expression v : now.values()) {
            if (!constants(v, set)) {
                return false;
            }
        }
        return enabled ? set.containsAll(then) : then.containsAll(set);
    }

    /** An annotation's attributes by name (a single member's as "value"), but those that only explain. */
    private static Map<String, Expression> attributes(AnnotationExpr a) {
        Map<String, Expression> out = new HashMap<>();
        if (a instanceof SingleMemberAnnotationExpr s) {
            out.put("value", s.getMemberValue());
        } else if (a instanceof NormalAnnotationExpr n) {
            for (var pair : n.getPairs()) {
                if (!EXPLAINING.contains(pair.getNameAsString())) {
                    out.put(pair.getNameAsString(), pair.getValue());
                }
            }
        }
        return out;
    }

    /**
     * A range of Java versions, {min, max} (JUnit's defaults: from 8, with no end; OTHER, a version after the last
     * JUnit names, as no end), or null when it holds what this does not read.
     */
    private static int[] range(Map<String, Expression> attributes) {
        int[] out = {8, Integer.MAX_VALUE};
        for (var e : attributes.entrySet()) {
            Integer version = switch (e.getKey()) {
                case "min", "max" -> jre(e.getValue());
                case "minVersion", "maxVersion" -> e.getValue() instanceof IntegerLiteralExpr i ? i.asNumber().intValue()
                        : null;
                default -> null;
            };
            if (version == null) {
                return null;
            }
            out[e.getKey().startsWith("min") ? 0 : 1] = version;
        }
        return out;
    }

    /** JAVA_17 as 17, OTHER as no end; null for anything else. */
    private static Integer jre(Expression e) {
        String name = constant(e);
        if (name == null) {
            return null;
        }
        if (name.equals("OTHER")) {
            return Integer.MAX_VALUE;
        }
        return name.matches("JAVA_\\d+") ? Integer.valueOf(name.substring(5)) : null;
    }

    /** The constants an attribute names (JRE.JAVA_8, LINUX, {MAC, WINDOWS}) into {@code out}; false if not all are. */
    private static boolean constants(Expression e, Set<String> out) {
        List<Expression> values = e instanceof ArrayInitializerExpr a ? a.getValues() : List.of(e);
        for (Expression v : values) {
            String name = constant(v);
            if (name == null) {
                return false;
            }
            out.add(name);
        }
        return true;
    }

    private static String constant(Expression e) {
        return e instanceof NameExpr n ? n.getNameAsString() : e instanceof FieldAccessExpr f ? f.getNameAsString() : null;
    }
}
