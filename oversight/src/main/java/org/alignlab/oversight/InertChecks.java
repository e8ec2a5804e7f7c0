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
        return ofTheCaughtException(call) || ofAConstantLocal(call) || repeatsThePrevious(call);
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
        return switch (call.getNameAsString()) {
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
        switch (call.getNameAsString()) {
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
     * {@code assertEquals(L, t)} (or assertSame, either order, a message beside them) where {@code t} is a local
     * variable of the method, declared once there, whose every value is the literal L: its initialiser and each
     * assignment, leaving out an assignment followed in the same try block by {@code fail(...)} (the test goes on
     * past that block only through a catch clause, where the assignment did not happen). No increment touches it.
     */
    private static boolean ofAConstantLocal(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (!name.equals("assertEquals") && !name.equals("assertSame") || call.getArguments().size() < 2
                || call.getArguments().size() > 3) {
            return false;
        }
        List<Expression> names = call.getArguments().stream().filter(Expression::isNameExpr).toList();
        if (names.size() != 1 || !call.getArguments().stream().allMatch(a -> a.isNameExpr() || literal(a))) {
            return false;
        }
        String local = names.get(0).asNameExpr().getNameAsString();
        MethodDeclaration method = call.findAncestor(MethodDeclaration.class).orElse(null);
        if (method == null) {
            return false;
        }
        List<VariableDeclarator> declared = method.findAll(VariableDeclarator.class,
                v -> v.getNameAsString().equals(local));
        boolean alsoAParameter = method.findAll(Parameter.class, p -> p.getNameAsString().equals(local)).size() > 0;
        if (declared.size() != 1 || alsoAParameter
                || declared.get(0).findAncestor(MethodDeclaration.class).orElse(null) != method
                || declared.get(0).findAncestor(BlockStmt.class).filter(b -> call.isDescendantOf(b)).isEmpty()) {
            return false;
        }
        List<String> values = new ArrayList<>();
        declared.get(0).getInitializer().ifPresent(i -> values.add(literal(i) ? i.toString() : null));
        for (AssignExpr a : method.findAll(AssignExpr.class, a -> a.getTarget().isNameExpr()
                && a.getTarget().asNameExpr().getNameAsString().equals(local))) {
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                return false;
            }
            if (!beforeAFail(a)) {
                values.add(literal(a.getValue()) ? a.getValue().toString() : null);
            }
        }
        boolean stepped = method.findAll(UnaryExpr.class, u -> steps(u) && u.getExpression().isNameExpr()
                && u.getExpression().asNameExpr().getNameAsString().equals(local)).size() > 0;
        if (values.isEmpty() || stepped || values.contains(null) || values.stream().distinct().count() != 1) {
            return false;
        }
        String value = values.get(0);
        return call.getArguments().stream().anyMatch(a -> !a.isNameExpr() && a.toString().equals(value));
    }

    /** An assignment standing as a statement of a try block that a later statement of the same block fails. */
    private static boolean beforeAFail(AssignExpr a) {
        if (!(a.getParentNode().orElse(null) instanceof ExpressionStmt s)
                || !(s.getParentNode().orElse(null) instanceof BlockStmt block)
                || !(block.getParentNode().orElse(null) instanceof TryStmt t) || t.getTryBlock() != block) {
            return false;
        }
        List<Statement> statements = block.getStatements();
        for (int i = indexOfSame(statements, s) + 1; i < statements.size(); i++) {
            if (isFail(statements.get(i))) {
                return true;
            }
        }
        return false;
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

    private static boolean isFail(Statement s) {
        return s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr c
                && c.getNameAsString().equals("fail");
    }

    /** An increment or decrement, before or after. */
    private static boolean steps(UnaryExpr u) {
        return switch (u.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static boolean literal(Expression e) {
        if (e.isUnaryExpr() && e.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            return literal(e.asUnaryExpr().getExpression());
        }
        return e.isLiteralExpr() && !e.isNullLiteralExpr();
    }

    /**
     * An assertion statement that repeats the statement just before it, token for token, where nothing in it can
     * change what it reads: its only calls are the assertion's own chain ({@code assertThat(x).isEqualTo(y)}), with
     * names, fields and literals as arguments, no assignment, increment or {@code new}.
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

    private static boolean inAnAssertionChain(MethodCallExpr call) {
        Expression at = call;
        while (at instanceof MethodCallExpr c) {
            String name = c.getNameAsString();
            if (name.startsWith("assert") || name.equals("verify")) {
                return true;
            }
            at = c.getScope().orElse(null);
        }
        return false;
    }

    // ------------------------------------------------------------------------ read across the two versions

    /**
     * The assertions of a test as it was ({@code was}) whose loss in the test as it is ({@code now}) checks nothing
     * less:
     * <ul>
     * <li>those of a catch clause that no longer catches (no catch clause of its type is left in the test, and no
     * type is caught that was not): a caught exception the test accepted now fails it, which is stricter, where the
     * clause was an alternative (its try block does not end the test with {@code fail(...)}) or one of several of its
     * try whose others stay; not where the test gains an {@code assertThrows}, which could accept what the clause
     * checked;</li>
     * <li>a check of the exception's type in the catch clause of a try block that fails ({@code try { x(); fail(); }
     * catch (E e) { assertTrue(e instanceof X); }}) where the test now has {@code assertThrows(X.class, ...)}, one per
     * such call: the same check in another form.</li>
     * </ul>
     */
    static Set<MethodCallExpr> droppedWithoutLoss(MethodDeclaration was, MethodDeclaration now) {
        Set<MethodCallExpr> out = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> caughtNow = caughtTypes(now);
        List<String> caughtThen = caughtTypes(was);
        List<String> thrownNow = new ArrayList<>(thrownTypes(now));
        boolean gainsThrows = thrownNow.size() > thrownTypes(was).size();
        boolean noNewType = caughtThen.containsAll(caughtNow);
        for (CatchClause clause : was.findAll(CatchClause.class)) {
            TryStmt t = (TryStmt) clause.getParentNode().orElseThrow();
            boolean fails = t.getTryBlock().getStatements().stream().anyMatch(InertChecks::isFail);
            List<MethodCallExpr> checks = clause.getBody().findAll(MethodCallExpr.class, c -> JavaDetectors.isAssertion(c)
                    && !c.getNameAsString().equals("fail") && !checksNothing(c));
            if (!caughtNow.contains(typeOf(clause)) && noNewType && !gainsThrows) {
                boolean othersStay = t.getCatchClauses().stream().anyMatch(o -> o != clause
                        && caughtNow.contains(typeOf(o)));
                if (!fails || othersStay) {
                    out.addAll(checks);
                    continue;
                }
            }
            if (fails) {
                for (MethodCallExpr c : checks) {
                    String type = aboutTheCaught(c, clause) ? checkedType(c, clause.getParameter().getNameAsString())
                            : null;
                    if (type != null && thrownNow.remove(type)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static String typeOf(CatchClause clause) {
        return clause.getParameter().getType().asString();
    }

    private static List<String> caughtTypes(MethodDeclaration m) {
        return m.findAll(CatchClause.class).stream().map(InertChecks::typeOf).toList();
    }

    /** The types given to {@code assertThrows} and {@code assertThrowsExactly}, one per call. */
    private static List<String> thrownTypes(MethodDeclaration m) {
        return m.findAll(MethodCallExpr.class, c -> (c.getNameAsString().equals("assertThrows")
                        || c.getNameAsString().equals("assertThrowsExactly")) && !c.getArguments().isEmpty()
                        && c.getArguments().get(0).isClassExpr()).stream()
                .map(c -> c.getArguments().get(0).asClassExpr().getType().asString()).toList();
    }
}
