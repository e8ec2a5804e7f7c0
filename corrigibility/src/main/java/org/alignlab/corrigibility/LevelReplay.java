package org.alignlab.corrigibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.alignlab.gridworlds.CheeseMaze;
import org.alignlab.gridworlds.random.RandomSource;

/**
 * Robust prioritised level replay (PLR-perp: Jiang et al. 2021, "Prioritized Level Replay" and
 * "Replay-Guided Adversarial Environment Design"), scored by oracle regret as the design notes
 * ask (Sadek et al. 2025 score levels the same way with their oracle): a buffer of levels, each
 * with the regret of its last episode (the shortest path's discounted return minus the agent's, in
 * units of the cheese's reward). Each episode replays a level from the buffer with probability
 * {@code replayProbability}, once the buffer is full, or else draws a fresh level from the training
 * distribution. Robust replay plays a fresh level only to score it ({@link CheeseMaze.Pick#train()}
 * false: the learner does not train on it, the "robust" of robust PLR); plain replay (PLR) trains on
 * it too. A scored fresh level enters the buffer when there is room or when its regret beats the
 * lowest in the buffer, which it replaces.
 *
 * <p>Replay draws level i with probability (1 - staleness) P_rank(i) + staleness P_stale(i), where
 * P_rank is proportional to (1 / rank of its regret)^(1 / temperature) and P_stale to the episodes
 * since it was last chosen. Ties in regret rank by buffer position, so the draw is reproducible.
 *
 * <p>{@link Kind#UNIFORM} is the control that replays without prioritising: every scored level
 * enters the buffer in place of the oldest, replay draws uniformly, and fresh levels are trained on
 * as in plain replay; it separates what replaying levels does from what choosing them by regret does.
 *
 * <p>Two small departures, both rare: a fresh draw that happens to be a buffered level re-scores it
 * without refreshing its staleness, and under robust replay is not trained on; and a level evicted
 * while a copy is still playing it can enter again when that episode ends.
 */
public final class LevelReplay implements CheeseMaze.LevelSource {
    /** How fresh levels are used and how buffered ones are chosen. */
    public enum Kind {
        /** PLR-perp: fresh levels only scored; replay by regret. */
        ROBUST,
        /** PLR: fresh levels trained on too; replay by regret. */
        PLAIN,
        /** The control: fresh levels trained on; the buffer keeps the latest levels and replays them uniformly. */
        UNIFORM
    }

    private final int capacity;
    private final double replayProbability;
    private final double temperature;
    private final double staleness;
    private final double discount;
    private final Kind kind;
    private final List<CheeseMaze.Level> levels = new ArrayList<>();
    private final Map<Long, Integer> slotByDigest = new HashMap<>();
    private final double[] regret;
    private final long[] lastChosen;
    private long episodes;
    private long replays;
    private long fresh;
    private long entered;

    /**
     * @param capacity          levels the buffer holds
     * @param replayProbability the chance that an episode replays a level, once the buffer is full
     * @param temperature       of the rank prioritisation (lower: the highest regrets dominate)
     * @param staleness         the weight of staleness against regret in the draw, in [0, 1]
     * @param discount          the discount regret is computed with
     * @param kind              robust, plain or uniform replay
     */
    public LevelReplay(int capacity, double replayProbability, double temperature, double staleness,
                       double discount, Kind kind) {
        if (capacity < 1 || !(replayProbability >= 0 && replayProbability <= 1) || !(temperature > 0)
                || !(staleness >= 0 && staleness <= 1) || !(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("level replay needs capacity >= 1, replay probability and staleness "
                    + "in [0, 1], temperature > 0 and discount in (0, 1]; got " + capacity + ", " + replayProbability
                    + ", " + staleness + ", " + temperature + ", " + discount);
        }
        this.capacity = capacity;
        this.replayProbability = replayProbability;
        this.temperature = temperature;
        this.staleness = staleness;
        this.discount = discount;
        this.kind = kind;
        this.regret = new double[capacity];
        this.lastChosen = new long[capacity];
    }

    @Override
    public synchronized CheeseMaze.Pick next(RandomSource random, Supplier<CheeseMaze.Level> draw) {
        episodes++;
        if (levels.size() == capacity && random.nextDouble() < replayProbability) {
            int slot = replaySlot(random.nextDouble());
            lastChosen[slot] = episodes;
            replays++;
            return new CheeseMaze.Pick(levels.get(slot), true);
        }
        fresh++;
        return new CheeseMaze.Pick(draw.get(), kind != Kind.ROBUST);
    }

    @Override
    public synchronized void ended(CheeseMaze.Level level, boolean cheese, int steps) {
        double score = regret(level, cheese, steps, discount);
        Integer slot = slotByDigest.get(level.digest());
        if (slot != null) {
            regret[slot] = score;
            return;
        }
        if (levels.size() < capacity) {
            put(levels.size(), level, score);
            return;
        }
        if (kind == Kind.UNIFORM) {
            int oldest = (int) (entered++ % capacity);
            slotByDigest.remove(levels.get(oldest).digest());
            put(oldest, level, score);
            return;
        }
        int lowest = 0;
        for (int i = 1; i < capacity; i++) {
            if (regret[i] < regret[lowest]) {
                lowest = i;
            }
        }
        if (score > regret[lowest]) {
            slotByDigest.remove(levels.get(lowest).digest());
            put(lowest, level, score);
        }
    }

    private void put(int slot, CheeseMaze.Level level, double score) {
        if (slot == levels.size()) {
            levels.add(level);
        } else {
            levels.set(slot, level);
        }
        slotByDigest.put(level.digest(), slot);
        regret[slot] = score;
        lastChosen[slot] = episodes;
    }

    /** The oracle's discounted return minus the agent's, the cheese counting 1. */
    static double regret(CheeseMaze.Level level, boolean cheese, int steps, double discount) {
        int d = level.distancesFrom(level.mouse())[level.cheese()];
        return Math.pow(discount, d - 1) - (cheese ? Math.pow(discount, steps - 1) : 0);
    }

    /** The probability of replaying each slot of the full buffer. */
    synchronized double[] replayProbabilities() {
        int n = levels.size();
        Integer[] byRegret = new Integer[n];
        for (int i = 0; i < n; i++) {
            byRegret[i] = i;
        }
        Arrays.sort(byRegret, (a, b) -> regret[b] != regret[a] ? Double.compare(regret[b], regret[a])
                : Integer.compare(a, b));
        double[] rank = new double[n];
        double rankTotal = 0;
        for (int r = 0; r < n; r++) {
            rank[byRegret[r]] = Math.pow(1.0 / (r + 1), 1 / temperature);
            rankTotal += rank[byRegret[r]];
        }
        double staleTotal = 0;
        for (int i = 0; i < n; i++) {
            staleTotal += episodes - lastChosen[i];
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double stale = staleTotal > 0 ? (episodes - lastChosen[i]) / staleTotal : 1.0 / n;
            p[i] = (1 - staleness) * rank[i] / rankTotal + staleness * stale;
        }
        return p;
    }

    private int replaySlot(double u) {
        if (kind == Kind.UNIFORM) {
            return Math.min(levels.size() - 1, (int) (u * levels.size()));
        }
        double[] p = replayProbabilities();
        for (int i = 0; i < p.length - 1; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** Episodes that replayed a level from the buffer. */
    public synchronized long replays() {
        return replays;
    }

    /** Episodes that drew a fresh level. */
    public synchronized long freshLevels() {
        return fresh;
    }

    /** The levels in the buffer now. */
    public synchronized List<CheeseMaze.Level> buffer() {
        return List.copyOf(levels);
    }
}
