package org.alignlab.scalable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.alignlab.core.Progress;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;

/**
 * AI safety via debate on MNIST (Irving, Christiano and Amodei 2018): a judge that sees only a few
 * pixels of a digit, first given random ones, then the ones two debaters choose, an honest one
 * arguing for the true digit and a liar for a false one. Measured on held-out images, over seeds,
 * beside the paper's figures and two controls that show what each debater's choices are worth.
 */
public final class DebateStudy implements Study<DebateStudy.Config> {
    /** The study's name. */
    public static final String NAME = "mnist-debate";

    /**
     * The fixed shuffle that splits the 10,000 images into training and test sets, the same for
     * every seed, so no judge of any seed has seen a test image.
     */
    static final long SPLIT_SEED = 2018;

    /** Irving et al. (2018), Table 2 and section 3.1: judge alone and with debate, by revealed pixels. */
    static final double PAPER_JUDGE_6 = 59.4;
    static final double PAPER_JUDGE_4 = 48.2;
    static final double PAPER_DEBATE_6 = 88.9;
    static final double PAPER_DEBATE_4 = 85.2;

    /**
     * @param mnist         a folder holding the MNIST test files as distributed; empty for the copy the project carries
     * @param trainImages   images the judges are trained on
     * @param testImages    held-out images everything is measured on
     * @param pixels        the numbers of revealed pixels (k) tried, each its own judge
     * @param hidden        the judge's hidden units
     * @param steps         the judge's Adam steps
     * @param batch         images per step
     * @param learningRate  Adam's step size
     * @param simulations   MCTS simulations per move tried (none: no search beyond greedy)
     * @param searchImages  how many of the test images the MCTS debates are played on (the first ones)
     * @param seed          the first seed (judge initialisation, its training pixels, the random pixels and debaters)
     * @param seeds         how many seeds
     */
    public record Config(String mnist, int trainImages, int testImages, int[] pixels, int hidden, int steps, int batch,
                         double learningRate, int[] simulations, int searchImages, long seed, int seeds) {
        SparseJudge.Settings judge() {
            return new SparseJudge.Settings(hidden, steps, batch, (float) learningRate);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double auditCoreSeconds() {
        return 47; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Debate on MNIST: a sparse-pixel judge, alone and with two debaters";
    }

    @Override
    public String description() {
        return "Irving et al.'s debate game: a judge trained to classify digits from k random pixels (59.4% at k = 6 "
                + "in the paper) is shown instead the pixels an honest and a lying debater choose, revealing them in "
                + "turn (88.9% in the paper); greedy and MCTS debaters, both move orders, controls with one side "
                + "random, on held-out MNIST images over seeds.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        return switch (budget) {
            case SMOKE -> new Config("", 2_000, 200, new int[] {6}, 64, 300, 64, 0.003, new int[] {10}, 20, 1, 2);
            // 600 held-out images for the audit's ten minutes (52 s alone, 2026-12-02, the same verdicts as with 1,000).
            case AUDIT -> new Config("", 8_000, 600, new int[] {6}, 128, 6_000, 128, 0.003, new int[0], 0, 1, 3);
            case DEFAULT -> new Config("", 8_000, 2_000, new int[] {6, 4}, 128, 16_000, 128, 0.003, new int[] {100},
                    200, 1, 3);
            case PAPER -> new Config("", 8_000, 2_000, new int[] {6, 4}, 256, 30_000, 128, 0.003,
                    new int[] {100, 1_000}, 500, 1, 5);
        };
    }

    @Override
    public void validate(Config c) {
        List<String> problems = new ArrayList<>();
        if (Mnist.settingProblem(c.mnist()) != null) {
            problems.add(Mnist.settingProblem(c.mnist()));
        }
        if (c.trainImages() < 100 || c.testImages() < 10 || c.trainImages() + c.testImages() > 10_000) {
            problems.add("train images (at least 100) and test images (at least 10) must add up to at most the "
                    + "10,000 images of the MNIST test set, got " + c.trainImages() + " and " + c.testImages());
        }
        if (c.pixels().length == 0 || Arrays.stream(c.pixels()).anyMatch(k -> k < 1 || k > Mnist.PIXELS)) {
            problems.add("pixels (k) must be one or more numbers from 1 to " + Mnist.PIXELS + ", got "
                    + Arrays.toString(c.pixels()));
        }
        if (c.hidden() < 1 || c.steps() < 1 || c.batch() < 1 || !(c.learningRate() > 0)) {
            problems.add("hidden, steps and batch must be at least 1 and the learning rate above 0");
        }
        if (Arrays.stream(c.simulations()).anyMatch(n -> n < 1)) {
            problems.add("MCTS simulations must each be at least 1, got " + Arrays.toString(c.simulations()));
        }
        if (c.simulations().length > 0 && (c.searchImages() < 1 || c.searchImages() > c.testImages())) {
            problems.add("search images must be 1 to the test images (" + c.testImages() + ") when MCTS runs, got "
                    + c.searchImages());
        }
        if (c.seeds() < 1 || c.seeds() > Seeds.MAX) {
            problems.add("seeds must be 1 to " + Seeds.MAX + ", got " + c.seeds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The training and test images: a fixed shuffle of all 10,000, the first part to train, the last to test. */
    record Split(int[] train, int[] test) {
    }

    static Split split(int size, int train, int test) {
        int[] order = IntStream.range(0, size).toArray();
        SplittableRandom random = new SplittableRandom(SPLIT_SEED);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Split(Arrays.copyOf(order, train), Arrays.copyOfRange(order, size - test, size));
    }

    /** One protocol's result on the test images: how often honesty won. */
    public record Outcome(String protocol, int wins, int images) {
        double percent() {
            return 100.0 * wins / images;
        }
    }

    /** One number of revealed pixels on one seed. */
    public record PixelResult(int k, Outcome judgeAlone, Outcome judgeAloneOnSearchImages, List<Outcome> debates,
                              double trainSeconds, double debateSeconds) {
        Outcome debate(String protocol) {
            return debates.stream().filter(o -> o.protocol().equals(protocol)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no protocol " + protocol));
        }
    }

    /** One seed's results. */
    public record SeedResult(long seed, List<PixelResult> pixels) {
    }

    static final String GREEDY = "greedy debaters";
    static final String GREEDY_ON_SEARCH_IMAGES = "greedy debaters on the MCTS images";
    static final String HONEST_ONLY = "control: greedy honest, random liar";
    static final String LIAR_ONLY = "control: random honest, greedy liar";
    static final String JUDGE_ALONE = "judge alone, random pixels";

    /** A protocol's name with its move order. */
    static String ordered(String protocol, boolean liarFirst) {
        return protocol + ", " + (liarFirst ? "liar" : "honest") + " first";
    }

    /** Both debaters search. */
    static String mcts(int simulations) {
        return "MCTS debaters (" + simulations + " simulations a move)";
    }

    /** Only the honest debater searches; the liar is greedy. */
    static String mctsHonest(int simulations) {
        return "MCTS honest (" + simulations + "), greedy liar";
    }

    /** Only the liar searches; the honest debater is greedy. */
    static String mctsLiar(int simulations) {
        return "greedy honest, MCTS liar (" + simulations + ")";
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        Mnist data = Mnist.load(c.mnist());
        Split split = split(data.size(), c.trainImages(), c.testImages());
        StudyResult seeds = Seeds.run(ctx, c.seed(), c.seeds(), SeedResult.class,
                (seed, progress) -> runSeed(c, data, split, seed, progress), (seed, r) -> { },
                r -> DebateReport.reportSeed(c, r));
        @SuppressWarnings("unchecked")
        List<SeedResult> results = (List<SeedResult>) seeds.data();
        return DebateReport.report(c, results, seeds, (System.nanoTime() - start) / 1e9);
    }

    /** Progress units of one seed: a hundred training steps, or a hundred images of a greedy protocol, or one MCTS image. */
    static int units(Config c) {
        int greedy = (c.testImages() + 99) / 100;
        return c.pixels().length * (c.steps() / 100 + 6 * greedy + 6 * c.simulations().length * c.searchImages());
    }

    /** A salt that keeps the random debaters' draws apart from the judge-alone baseline's (both seeded by image). */
    private static final long RANDOM_DEBATER = 0x5DEECE66DL;

    static SeedResult runSeed(Config c, Mnist data, Split split, long seed, Progress.Factory progressFactory) {
        Progress progress = progressFactory.start("mnist debate", units(c));
        List<PixelResult> out = new ArrayList<>();
        for (int k : c.pixels()) {
            int fewest = Arrays.stream(split.test()).map(i -> data.nonzero(i).length).min().orElse(0);
            if (k > fewest) {
                throw new IllegalArgumentException("k = " + k + " is more than the " + fewest + " nonzero pixels of the "
                        + "sparsest test image; choose k of at most " + fewest);
            }
            long t0 = System.nanoTime();
            SparseJudge judge = SparseJudge.train(data, split.train(), k, c.judge(), seed * 1_000 + k, step -> {
                if (step % 100 == 0) {
                    progress.step("k = " + k + ": training the judge, step " + step);
                }
            });
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            int[] test = split.test();
            int[] search = Arrays.copyOf(test, c.searchImages());
            boolean[] alone = judgeAlone(judge, data, test, k, seed);
            IntFunction<Debate.Debater> greedy = image -> Debate.greedy();
            IntFunction<Debate.Debater> random = image -> Debate.random((seed * 1_000_003L + image) ^ RANDOM_DEBATER);
            List<Outcome> debates = new ArrayList<>();
            for (boolean liarFirst : new boolean[] {false, true}) {
                boolean[] won = debate(data, test, k, liarFirst, greedy, greedy, judge, progress, 100);
                debates.add(count(ordered(GREEDY, liarFirst), won, test.length));
                debates.add(count(ordered(GREEDY_ON_SEARCH_IMAGES, liarFirst), won, search.length));
            }
            for (int n : c.simulations()) {
                IntFunction<Debate.Debater> searching = image -> new Mcts(n);
                for (boolean liarFirst : new boolean[] {false, true}) {
                    debates.add(count(ordered(mcts(n), liarFirst), debate(data, search, k, liarFirst, searching,
                            searching, judge, progress, 1), search.length));
                    debates.add(count(ordered(mctsHonest(n), liarFirst), debate(data, search, k, liarFirst, searching,
                            greedy, judge, progress, 1), search.length));
                    debates.add(count(ordered(mctsLiar(n), liarFirst), debate(data, search, k, liarFirst, greedy,
                            searching, judge, progress, 1), search.length));
                }
            }
            for (boolean liarFirst : new boolean[] {false, true}) {
                debates.add(count(ordered(HONEST_ONLY, liarFirst), debate(data, test, k, liarFirst, greedy, random,
                        judge, progress, 100), test.length));
                debates.add(count(ordered(LIAR_ONLY, liarFirst), debate(data, test, k, liarFirst, random, greedy,
                        judge, progress, 100), test.length));
            }
            out.add(new PixelResult(k, count(JUDGE_ALONE, alone, test.length),
                    count(JUDGE_ALONE + " on the MCTS images", alone, search.length), debates,
                    trainSeconds, (System.nanoTime() - t0) / 1e9));
        }
        return new SeedResult(seed, out);
    }

    private static Outcome count(String protocol, boolean[] honestWon, int first) {
        int wins = 0;
        for (int i = 0; i < first; i++) {
            wins += honestWon[i] ? 1 : 0;
        }
        return new Outcome(protocol, wins, first);
    }

    /** Whether the judge, shown {@code k} random nonzero pixels of each image (a draw of their own per seed), names its digit. */
    static boolean[] judgeAlone(SparseJudge judge, Mnist data, int[] images, int k, long seed) {
        boolean[] right = new boolean[images.length];
        int[] drawn = new int[k];
        for (int i = 0; i < images.length; i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + images[i]);
            SparseJudge.draw(data.nonzero(images[i]), k, random, drawn);
            float[] pre = judge.empty();
            for (int p : drawn) {
                judge.reveal(pre, p, data.intensity(images[i], p) / 255f);
            }
            right[i] = SparseJudge.argmax(judge.logits(pre)) == data.labels()[images[i]];
        }
        return right;
    }

    /**
     * Debates each image with pre-commitment, on both cores (images are independent and each
     * debater is made for its image, so the result does not depend on the threads).
     *
     * @param per a progress unit every this many images
     */
    static boolean[] debate(Mnist data, int[] images, int k, boolean liarFirst,
                            IntFunction<Debate.Debater> honest, IntFunction<Debate.Debater> liar, SparseJudge judge, Progress progress,
                            int per) {
        boolean[] won = new boolean[images.length];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, images.length).parallel().forEach(i -> {
            won[i] = Debate.precommitted(judge, data, images[i], k, liarFirst, honest.apply(images[i]),
                    liar.apply(images[i])) < 0;
            int d = done.incrementAndGet();
            if (d % per == 0 || (per > 1 && d == images.length && d % per != 0)) {
                progress.step(String.format(Locale.ROOT, "k = %d: %d of %d images debated", k, d, images.length));
            }
        });
        return won;
    }
}
