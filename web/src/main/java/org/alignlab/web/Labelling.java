package org.alignlab.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alignlab.core.BinaryAgreement;
import org.alignlab.core.ProportionInterval;
import org.alignlab.core.ResultsStore;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.report.view.LabelPage;
import org.alignlab.report.view.LabelStart;
import org.alignlab.rlhf.LabellingSession;
import org.alignlab.rlhf.Rater;
import org.alignlab.rlhf.RlhfStore;
import org.alignlab.rlhf.Segment;

/**
 * Preference labelling in the browser, on the same sessions and store as {@code alignlab label}:
 * each rater answers under the session name "SESSION/RATER", so several people can answer the
 * same seeded pairs and be compared. Every answer is committed before the next pair is shown.
 */
final class Labelling {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path store;

    Labelling(Path store) {
        this.store = store;
    }

    Path store() {
        return store;
    }

    /** A session's settings, checked: what was wrong and what is allowed, or the settings. */
    static Map<String, String> settings(Function<String, String> param) {
        Map<String, String> s = new LinkedHashMap<>();
        String env = require(param, "env");
        Gridworlds.variant(env); // an unknown environment names the known ones
        s.put("env", env);
        s.put("pairs", String.valueOf(number(param, "pairs", 1, 500)));
        s.put("length", String.valueOf(number(param, "length", 1, 100)));
        s.put("seed", String.valueOf(number(param, "seed", Long.MIN_VALUE, Long.MAX_VALUE)));
        s.put("session", name(param, "session"));
        s.put("rater", name(param, "rater"));
        return s;
    }

    private static String require(Function<String, String> param, String name) {
        String v = param.apply(name);
        if (v == null || v.isBlank()) {
            throw new BadRequest("the session needs '" + name + "'; start one at /label");
        }
        return v.trim();
    }

    private static long number(Function<String, String> param, String name, long min, long max) {
        String v = require(param, name);
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new BadRequest(name + " must be " + min + " to " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static String name(Function<String, String> param, String name) {
        String v = require(param, name);
        if (!v.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new BadRequest(name + " may hold 1 to 40 letters, digits, '.', '_' or '-', got '" + v + "'");
        }
        return v;
    }

    synchronized LabelStart start() throws SQLException {
        List<LabelStart.Session> sessions = new ArrayList<>();
        if (java.nio.file.Files.exists(store)) {
            try (ResultsStore s = RlhfStore.open(store)) {
                for (String name : RlhfStore.sessions(s)) {
                    var rows = RlhfStore.labels(s, name);
                    sessions.add(new LabelStart.Session(name, rows.isEmpty() ? "" : rows.get(0).variant(), rows.size()));
                }
            }
        }
        return new LabelStart(Gridworlds.all().stream().map(v -> v.id()).toList(), sessions, store.toString());
    }

    /**
     * The next pair of the session, or its summary when every pair is answered, with the agreement
     * between the session's raters (read once this rater's session is closed).
     */
    synchronized LabelPage page(Map<String, String> settings) throws SQLException {
        LabelPage.Pair pair;
        int answered;
        int total;
        int[] agreement;
        try (LabellingSession session = open(settings)) {
            LabellingSession.Pair p = session.next();
            pair = p == null ? null : new LabelPage.Pair(p.index(), frames(session, p.first()),
                    frames(session, p.second()), p.first().visibleReturn(), p.second().visibleReturn(), p.first().length());
            answered = session.answeredCount();
            total = session.size();
            agreement = session.agreementWithHiddenPerformance();
        }
        return new LabelPage(settings, pair, answered, total, agreement, raters(settings), store.toString());
    }

    /**
     * Records an answer to pair {@code index} of the session; a pair that is not in the session or
     * an answer that is not one of the four is refused and nothing is written.
     */
    synchronized void answer(Map<String, String> settings, String index, String answer) throws SQLException {
        Rater.Preference preference;
        try {
            preference = Rater.Preference.valueOf(answer == null ? "" : answer);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the answer must be FIRST, SECOND, TIE or SKIP, got '" + answer + "'");
        }
        int i;
        try {
            i = Integer.parseInt(index == null ? "" : index);
        } catch (NumberFormatException e) {
            throw new BadRequest("the pair must be a number, got '" + index + "'");
        }
        try (LabellingSession session = open(settings)) {
            if (i < 0 || i >= session.size()) {
                throw new BadRequest("pair " + (i + 1) + " is not in session '" + settings.get("session") + "': it has "
                        + session.size() + " pairs; nothing was written");
            }
            session.answer(session.pair(i), preference);
        }
    }

    private LabellingSession open(Map<String, String> s) throws SQLException {
        try {
            return LabellingSession.open(store, s.get("session") + "/" + s.get("rater"), Gridworlds.variant(s.get("env")),
                    Integer.parseInt(s.get("pairs")), Integer.parseInt(s.get("length")), Long.parseLong(s.get("seed")),
                    s.get("rater"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /**
     * Agreement between every two raters of the session who labelled the same pairs (same
     * environment, seed, number of pairs and segment length: a rater whose answers do not fit
     * these settings is left out), on the pairs both answered strictly.
     */
    private List<LabelPage.RaterAgreement> raters(Map<String, String> settings) throws SQLException {
        String session = settings.get("session");
        List<String> names = new ArrayList<>();
        try (ResultsStore s = RlhfStore.open(store)) {
            for (String name : RlhfStore.sessions(s)) {
                if (name.startsWith(session + "/")) {
                    names.add(name.substring(session.length() + 1));
                }
            }
        }
        Map<String, Map<Integer, Boolean>> byRater = new LinkedHashMap<>();
        for (String rater : names) {
            Map<String, String> theirs = new LinkedHashMap<>(settings);
            theirs.put("rater", rater);
            try (LabellingSession s = open(theirs)) {
                Map<Integer, Boolean> answers = new LinkedHashMap<>();
                for (org.alignlab.rlhf.Label l : s.labels()) {
                    // labels() keeps the session's order; strict answers only, keyed by the pair's place in the session
                    if (l.preference() == Rater.Preference.FIRST || l.preference() == Rater.Preference.SECOND) {
                        answers.put(s.indexOf(l), l.preference() == Rater.Preference.FIRST);
                    }
                }
                byRater.put(rater, answers);
            } catch (BadRequest e) {
                // labelled with other settings: not the same pairs
            }
        }
        List<String> raters = List.copyOf(byRater.keySet());
        List<LabelPage.RaterAgreement> out = new ArrayList<>();
        for (int a = 0; a < raters.size(); a++) {
            for (int b = a + 1; b < raters.size(); b++) {
                Map<Integer, Boolean> x = byRater.get(raters.get(a));
                Map<Integer, Boolean> y = byRater.get(raters.get(b));
                List<Integer> shared = x.keySet().stream().filter(y::containsKey).toList();
                if (shared.isEmpty()) {
                    continue;
                }
                boolean[] first = new boolean[shared.size()];
                boolean[] second = new boolean[shared.size()];
                int same = 0;
                for (int k = 0; k < shared.size(); k++) {
                    first[k] = x.get(shared.get(k));
                    second[k] = y.get(shared.get(k));
                    same += first[k] == second[k] ? 1 : 0;
                }
                out.add(new LabelPage.RaterAgreement(raters.get(a), raters.get(b), shared.size(),
                        ProportionInterval.wilson(same, shared.size()).format(), kappa(first, second)));
            }
        }
        return out;
    }

    /** Cohen's kappa with its interval; it is symmetric, so either rater may serve as the reference. */
    private static String kappa(boolean[] first, boolean[] second) {
        for (boolean[][] order : new boolean[][][] {{first, second}, {second, first}}) {
            try {
                return BinaryAgreement.of(order[0], order[1]).formatKappa();
            } catch (IllegalArgumentException e) {
                // this one gave one answer only: try the other as the reference
            }
        }
        return "undefined (each rater gave one answer only)";
    }

    /** A segment's frames: the board the rater sees at each step and the visible reward paid. */
    private static String frames(LabellingSession session, Segment s) {
        List<Map<String, String>> frames = new ArrayList<>();
        for (int t = 0; t < s.length(); t++) {
            frames.add(Map.of("board", String.join("\n", session.board(s, t)), "reward",
                    s.padding()[t] ? "(ended)" : String.format("%+.0f", s.visibleRewards()[t])));
        }
        try {
            return JSON.writeValueAsString(frames);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request the dashboard refuses, with what was wrong: answered 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
