package org.alignlab.rlhf;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.ResultsStore;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;

/**
 * A labelling session: a fixed, seeded sequence of segment pairs from one environment, and the
 * answers given so far, kept in a results store. Every answer is committed as it is given, so a
 * session interrupted at any point (Ctrl-C, a crash, a closed terminal) resumes at the first pair
 * without an answer. The terminal's {@code alignlab label} is one user interface on it; anything
 * else that shows two segments and takes an answer can use it the same way.
 */
public final class LabellingSession implements AutoCloseable {
    /** One pair to label. */
    public record Pair(int index, Segment first, Segment second) {
    }

    private final String name;
    private final Variant variant;
    private final String rater;
    private final List<Pair> pairs = new ArrayList<>();
    private final ResultsStore store;
    private final List<RlhfStore.LabelRow> answered;

    /**
     * Opens (or resumes) session {@code name} of {@code pairs} pairs of {@code length}-step
     * segments of uniformly random play, drawn from {@code seed}.
     *
     * @throws IllegalArgumentException if the store holds this session with other settings
     */
    public static LabellingSession open(Path storeFile, String name, Variant variant, int pairs, int length, long seed,
                                        String rater) throws SQLException {
        if (pairs < 1 || length < 1) {
            throw new IllegalArgumentException("pairs and segment length must be at least 1, got " + pairs + " and " + length);
        }
        return new LabellingSession(storeFile, name, variant, pairs, length, seed, rater);
    }

    private LabellingSession(Path storeFile, String name, Variant variant, int count, int length, long seed, String rater)
            throws SQLException {
        this.name = name;
        this.variant = variant;
        this.rater = rater;
        List<Segment> pool = SegmentSampler.sample(variant, null, Math.max(4, count), length, 1, seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(pool.size());
            int b = random.nextInt(pool.size() - 1);
            b = b >= a ? b + 1 : b; // never a segment against itself
            pairs.add(new Pair(i, pool.get(a), pool.get(b)));
        }
        this.store = RlhfStore.open(storeFile);
        this.answered = new ArrayList<>(RlhfStore.labels(store, name));
        for (RlhfStore.LabelRow row : answered) {
            Pair p = row.index() < pairs.size() ? pairs.get(row.index()) : null;
            if (p == null || !row.variant().equals(variant.id()) || row.firstEpisode() != p.first().episode()
                    || row.firstStart() != p.first().start() || row.segmentLength() != length) {
                store.close();
                throw new IllegalArgumentException("the store already holds a session '" + name + "' with other "
                        + "settings (environment, seed, number of pairs or segment length); resume it with the same "
                        + "ones, or choose another --session");
            }
        }
    }

    /** The next pair without an answer, or null when every pair is answered. */
    public Pair next() {
        for (Pair p : pairs) {
            final int i = p.index();
            if (answered.stream().noneMatch(r -> r.index() == i)) {
                return p;
            }
        }
        return null;
    }

    /** Pair {@code index} (from 0) of the session. */
    public Pair pair(int index) {
        if (index < 0 || index >= pairs.size()) {
            throw new IllegalArgumentException("no pair " + index + " in session '" + name + "' of " + pairs.size()
                    + " pairs");
        }
        return pairs.get(index);
    }

    /** Records the answer to a pair (committed at once). */
    public void answer(Pair p, Rater.Preference preference) throws SQLException {
        RlhfStore.LabelRow row = new RlhfStore.LabelRow(name, p.index(), variant.id(), p.first().episode(),
                p.first().start(), p.second().episode(), p.second().start(), p.first().length(), preference.name(), rater,
                p.first().hiddenReturn(), p.second().hiddenReturn());
        String provenance;
        try {
            provenance = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(org.alignlab.core.Provenance.now());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RlhfStore.recordLabel(store, row, provenance);
        answered.removeIf(r -> r.index() == p.index());
        answered.add(row);
    }

    public int size() {
        return pairs.size();
    }

    public int answeredCount() {
        return answered.size();
    }

    /** The place in the session of the pair a label answers (labels from {@link #labels()}). */
    public int indexOf(Label label) {
        for (Pair p : pairs) {
            if (p.first() == label.first() && p.second() == label.second()) {
                return p.index();
            }
        }
        throw new IllegalArgumentException("the label is not of this session");
    }

    /** The answers as labels (with their segments), for a reward model. */
    public List<Label> labels() {
        List<Label> out = new ArrayList<>();
        for (RlhfStore.LabelRow r : answered) {
            Pair p = pairs.get(r.index());
            out.add(new Label(p.first(), p.second(), Rater.Preference.valueOf(r.preference()), r.rater()));
        }
        return out;
    }

    /** How often the answers so far agree with the hidden performance (strict answers only): [agree, of]. */
    public int[] agreementWithHiddenPerformance() {
        int agree = 0;
        int n = 0;
        for (RlhfStore.LabelRow r : answered) {
            if (r.preference().equals("FIRST") || r.preference().equals("SECOND")) {
                if (r.firstHidden() != r.secondHidden()) {
                    n++;
                    boolean firstBetter = r.firstHidden() > r.secondHidden();
                    agree += firstBetter == r.preference().equals("FIRST") ? 1 : 0;
                }
            }
        }
        return new int[] {agree, n};
    }

    /** The board a segment's observation at step {@code t} shows, as text lines. */
    public String[] board(Segment s, int t) {
        Gridworld g = variant.create();
        int rows = g.rows();
        int cols = g.cols();
        int cells = rows * cols;
        String chars = g.planeChars();
        float[] planes = s.observations()[t];
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                char ch = '?';
                for (int p = 0; p < chars.length(); p++) {
                    if (planes[p * cells + r * cols + c] > 0.5f) {
                        ch = chars.charAt(p);
                    }
                }
                sb.append(ch);
            }
            out[r] = sb.toString();
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        store.close();
    }
}
