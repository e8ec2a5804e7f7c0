package org.alignlab.scalable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.Progress;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Verdict;

/**
 * Weak-to-strong generalisation (Burns et al. 2023) at small scale: a weak supervisor (logistic
 * regression on a blurred view of the digit) labels images for a strong student (a network on the
 * full image); how much of the gap between the supervisor and the student's ceiling (the same
 * network trained on the truth) the student closes, with and without the auxiliary confidence
 * loss, on three task families, over seeds, on held-out images.
 */
public final class WeakToStrongStudy implements Study<WeakToStrongStudy.Config> {
    /** The study's name. */
    public static final String NAME = "weak-to-strong";

    /**
     * @param mnist            a folder holding the MNIST test files; empty for the embedded copy
     * @param supervisorImages training images whose true labels train the weak supervisor
     * @param studentImages    further training images the supervisor labels for the student (and whose true labels
     *                         train the ceiling)
     * @param testImages       held-out images everything is measured on
     * @param tasks            task families: digit, parity, loop
     * @param weakBlock        the side of the squares the weak supervisor's view averages (7: a 4 x 4 view)
     * @param strongHidden     the strong network's hidden widths
     * @param weakSteps        the supervisor's Adam steps
     * @param strongSteps      the students' and the ceilings' Adam steps, each tried (short training is the early
     *                         stopping Burns et al. relied on; long training lets a student fit its supervisor's errors)
     * @param batch            examples per step
     * @param learningRate     Adam's step size
     * @param confidence       the auxiliary confidence loss's weight (Burns et al.: 0.5, 0.75 for their largest)
     * @param pretrainSteps    Adam steps of the autoencoder that pretrains a second set of strong models on the
     *                         training images without their labels (0: random initialisation only)
     * @param seed             the first seed
     * @param seeds            how many seeds
     * @param threads          seeds trained at once (each seed draws from its own random sources, so this changes no
     *                         result)
     */
    public record Config(String mnist, int supervisorImages, int studentImages, int testImages, String[] tasks,
                         int weakBlock, int[] strongHidden, int weakSteps, int[] strongSteps, int batch,
                         double learningRate, double confidence, int pretrainSteps, long seed, int seeds, int threads) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double auditCoreSeconds() {
        return 45; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Weak-to-strong generalisation: a strong student trained on a weak supervisor's labels";
    }

    @Override
    public String description() {
        return "Burns et al.'s weak-to-strong set-up on MNIST: logistic regression on a blurred 4 x 4 view labels "
                + "images for a two-layer network on the full image; the performance gap recovered (PGR) with and "
                + "without the auxiliary confidence loss, on three task families (digit, parity, closed loop), over "
                + "seeds, on held-out images.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        int threads = Runtime.getRuntime().availableProcessors();
        String[] all = WeakToStrong.TASKS.stream().map(WeakToStrong.Task::name).toArray(String[]::new);
        return switch (budget) {
            case SMOKE -> new Config("", 500, 1_000, 300, all, 7, new int[] {32}, 100, new int[] {100}, 64, 0.003, 0.5, 100, 1, 2, threads);
            // Two of the three tasks (digit and parity; loop runs at the default budget): the audit's ten minutes
            // (34 s alone against about 50 with all three, 2026-12-02).
            case AUDIT -> new Config("", 3_000, 5_000, 2_000, new String[] {"digit", "parity"}, 7, new int[] {128, 128}, 300,
                    new int[] {80, 400}, 128, 0.001, 0.5, 0, 1, 3, threads);
            case DEFAULT -> new Config("", 3_000, 5_000, 2_000, all, 7, new int[] {256, 256}, 500, new int[] {80, 1_000}, 128, 0.001,
                    0.5, 2_000, 1, 5, threads);
            case PAPER -> new Config("", 3_000, 5_000, 2_000, all, 7, new int[] {512, 512}, 1_000, new int[] {80, 400, 3_000}, 128, 0.001,
                    0.5, 5_000, 1, 10, threads);
        };
    }

    @Override
    public void validate(Config c) {
        List<String> problems = new ArrayList<>();
        if (c.threads() < 1) {
            problems.add("threads must be at least 1, got " + c.threads());
        }
        if (Mnist.settingProblem(c.mnist()) != null) {
            problems.add(Mnist.settingProblem(c.mnist()));
        }
        if (c.supervisorImages() < 50 || c.studentImages() < 50 || c.testImages() < 10
                || c.supervisorImages() + c.studentImages() + c.testImages() > 10_000) {
            problems.add("supervisor (at least 50), student (at least 50) and test images (at least 10) must add up to "
                    + "at most the 10,000 images of the MNIST test set, got " + c.supervisorImages() + ", "
                    + c.studentImages() + " and " + c.testImages());
        }
        if (c.tasks().length == 0) {
            problems.add("tasks must name at least one of " + String.join(", ", WeakToStrong.TASKS.stream()
                    .map(WeakToStrong.Task::name).toList()));
        }
        for (String t : c.tasks()) {
            try {
                WeakToStrong.task(t);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (c.weakBlock() < 1 || Mnist.SIDE % c.weakBlock() != 0) {
            problems.add("weak block must divide 28 (1, 2, 4, 7, 14 or 28), got " + c.weakBlock());
        }
        if (c.strongHidden().length == 0 || Arrays.stream(c.strongHidden()).anyMatch(h -> h < 1)) {
            problems.add("strong hidden must be one or more widths of at least 1, got "
                    + Arrays.toString(c.strongHidden()));
        }
        if (c.weakSteps() < 1 || c.strongSteps().length == 0 || Arrays.stream(c.strongSteps()).anyMatch(n -> n < 1)
                || c.batch() < 1 || !(c.learningRate() > 0)) {
            problems.add("steps and batch must be at least 1 and the learning rate above 0");
        }
        if (!(c.confidence() > 0 && c.confidence() <= 1)) {
            problems.add("confidence (the auxiliary loss's weight) must be above 0 and at most 1, got " + c.confidence());
        }
        if (c.pretrainSteps() < 0) {
            problems.add("pretrain steps must be 0 (no pretrained students) or more, got " + c.pretrainSteps());
        }
        if (c.seeds() < 1 || c.seeds() > Seeds.MAX) {
            problems.add("seeds must be 1 to " + Seeds.MAX + ", got " + c.seeds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Random initialisation, or an autoencoder's encoder. */
    static final String RANDOM = "random init";
    static final String PRETRAINED = "pretrained (autoencoder)";

    /**
     * The strong models of one start and training length on one task: accuracies on the held-out
     * images, and how often each student agrees with its supervisor there.
     *
     * @param models how the strong models started and how long they trained, e.g. "random init, 80 steps"
     */
    public record Student(String models, boolean pretrained, double ceiling, double naive, double confident,
                          double hardLabels, double naiveAgreement, double confidentAgreement) {
    }

    /** One task on one seed: the weak supervisor, the accuracy of its labels, and the strong models. */
    public record TaskResult(String task, double weak, double weakLabels, List<Student> students) {
        Student student(String models) {
            return students.stream().filter(x -> x.models().equals(models)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no students " + models));
        }

        /**
         * The ceiling PGR is measured against: the best of the ceilings from the same start over the
         * training lengths, so that a short-trained student is not flattered by its own short-trained
         * ceiling.
         */
        double ceiling(String models) {
            boolean pretrained = student(models).pretrained();
            return students.stream().filter(x -> x.pretrained() == pretrained).mapToDouble(Student::ceiling).max()
                    .orElseThrow();
        }

        double pgrNaive(String models) {
            return WeakToStrong.pgr(weak, student(models).naive(), ceiling(models));
        }

        double pgrConfident(String models) {
            return WeakToStrong.pgr(weak, student(models).confident(), ceiling(models));
        }

        double pgrHard(String models) {
            return WeakToStrong.pgr(weak, student(models).hardLabels(), ceiling(models));
        }
    }

    /** One seed's results. */
    public record SeedResult(long seed, List<TaskResult> tasks) {
    }

    /** A PGR counts as weak-to-strong generalisation from a tenth of the gap, with its interval above 0. */
    static final double PGR_MIN = 0.1;

    /** The confidence loss counts as helping from a gain of 0.05 in PGR, with its interval above 0. */
    static final double GAIN_MIN = 0.05;

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        Mnist data = Mnist.load(c.mnist());
        // The debate study's fixed shuffle: its test images are these test images.
        DebateStudy.Split split = DebateStudy.split(data.size(), c.supervisorImages() + c.studentImages(),
                c.testImages());
        int[] supervisor = Arrays.copyOf(split.train(), c.supervisorImages());
        int[] student = Arrays.copyOfRange(split.train(), c.supervisorImages(), split.train().length);
        StudyResult seeds = Seeds.run(ctx, c.seed(), c.seeds(), c.threads(), SeedResult.class, (seed, progress) -> {
            int inits = c.pretrainSteps() > 0 ? 2 : 1;
            Progress p = progress.start("weak-to-strong", (inits - 1) + c.tasks().length * (1 + 4 * inits
                    * c.strongSteps().length));
            float[][] encoder = null;
            if (c.pretrainSteps() > 0) {
                // Without labels, on every training image: what a pretrained student knows of digits before it sees a
                // weak label (the test images are not among them).
                float[][] unlabelled = Arrays.stream(split.train()).mapToObj(i -> data.intensities(i))
                        .toArray(float[][]::new);
                encoder = Mlp.autoencoder(unlabelled, c.strongHidden(), c.pretrainSteps(), c.batch(),
                        (float) c.learningRate(), seed * 31 + 4);
                p.step("pretraining the autoencoder");
            }
            List<TaskResult> out = new ArrayList<>();
            for (String name : c.tasks()) {
                out.add(runTask(c, data, WeakToStrong.task(name), supervisor, student, split.test(), seed, encoder, p));
            }
            return new SeedResult(seed, out);
        }, (seed, r) -> { }, r -> reportSeed(c, r));
        @SuppressWarnings("unchecked")
        List<SeedResult> results = (List<SeedResult>) seeds.data();
        return report(c, results, seeds, (System.nanoTime() - start) / 1e9);
    }

    static TaskResult runTask(Config c, Mnist data, WeakToStrong.Task task, int[] supervisor, int[] student,
                              int[] test, long seed, float[][] encoder, Progress progress) {
        int[] supervisorLabels = labels(data, task, supervisor);
        int[] studentLabels = labels(data, task, student);
        int[] testLabels = labels(data, task, test);
        java.util.function.Function<int[], float[][]> weakView = images -> Arrays.stream(images)
                .mapToObj(i -> WeakToStrong.pooled(data, i, c.weakBlock())).toArray(float[][]::new);
        float[][] strongStudent = Arrays.stream(student).mapToObj(i -> data.intensities(i)).toArray(float[][]::new);
        float[][] strongTest = Arrays.stream(test).mapToObj(i -> data.intensities(i)).toArray(float[][]::new);
        Mlp.Settings weakSettings = new Mlp.Settings(new int[0], c.weakSteps(), c.batch(), (float) c.learningRate() * 10,
                0);
        float[][] weakLabels;
        float[][] weakOnTest;
        double weak;
        double weakLabelAccuracy;
        try (Mlp supervisorNet = Mlp.train(weakView.apply(supervisor), WeakToStrong.oneHot(supervisorLabels,
                task.classes()), weakSettings, seed * 31 + 1)) {
            weakLabels = supervisorNet.probabilities(weakView.apply(student));
            weakOnTest = supervisorNet.probabilities(weakView.apply(test));
            weak = WeakToStrong.accuracy(weakOnTest, testLabels);
            weakLabelAccuracy = WeakToStrong.accuracy(weakLabels, studentLabels);
        }
        progress.step(task.name() + ": weak supervisor");
        List<Student> students = new ArrayList<>();
        for (float[][] start : encoder == null ? new float[][][] {null} : new float[][][] {null, encoder}) {
            for (int steps : c.strongSteps()) {
                String models = String.format(Locale.ROOT, "%s, %,d steps", start == null ? RANDOM : PRETRAINED, steps);
                Mlp.Settings strong = new Mlp.Settings(c.strongHidden(), steps, c.batch(), (float) c.learningRate(), 0);
                double ceiling;
                // The same initial weights and batches as the students (seed * 31 + 3 in student()).
                try (Mlp net = Mlp.train(strongStudent, WeakToStrong.oneHot(studentLabels, task.classes()), strong,
                        seed * 31 + 3, start)) {
                    ceiling = WeakToStrong.accuracy(net.probabilities(strongTest), testLabels);
                }
                progress.step(task.name() + ", " + models + ": strong ceiling");
                // The naive student and the confident one start from the same weights and draw the same batches.
                double[] naive = student(strongStudent, weakLabels, strong, seed, start, strongTest, testLabels,
                        weakOnTest);
                progress.step(task.name() + ", " + models + ": naive student");
                double[] confident = student(strongStudent, weakLabels, strong.withConfidence((float) c.confidence()),
                        seed, start, strongTest, testLabels, weakOnTest);
                progress.step(task.name() + ", " + models + ": student with the confidence loss");
                // A control: the supervisor's labels hardened, without the student's own predictions.
                double[] hard = student(strongStudent, WeakToStrong.oneHot(Arrays.stream(weakLabels)
                        .mapToInt(WeakToStrong::argmax).toArray(), task.classes()), strong, seed, start, strongTest,
                        testLabels, weakOnTest);
                progress.step(task.name() + ", " + models + ": student on hard weak labels");
                students.add(new Student(models, start != null, ceiling, naive[0], confident[0], hard[0], naive[1],
                        confident[1]));
            }
        }
        return new TaskResult(task.name(), weak, weakLabelAccuracy, students);
    }

    /** A student trained on the weak labels: its accuracy on the test images and its agreement with the supervisor. */
    private static double[] student(float[][] inputs, float[][] weakLabels, Mlp.Settings settings, long seed,
                                    float[][] start, float[][] test, int[] testLabels, float[][] weakOnTest) {
        try (Mlp net = Mlp.train(inputs, weakLabels, settings, seed * 31 + 3, start)) {
            float[][] p = net.probabilities(test);
            return new double[] {WeakToStrong.accuracy(p, testLabels), WeakToStrong.agreement(p, weakOnTest)};
        }
    }

    private static int[] labels(Mnist data, WeakToStrong.Task task, int[] images) {
        return Arrays.stream(images).map(i -> task.label().applyAsInt(data.labels()[i])).toArray();
    }

    static StudyResult reportSeed(Config c, SeedResult r) {
        StudyResult.Table.Builder t = StudyResult.Table.builder("Accuracy on held-out images, and the performance gap "
                        + "recovered").text("task").text("strong models").number("weak supervisor", "%.3f")
                .number("strong ceiling (this length)", "%.3f").number("student, naive", "%.3f")
                .number("student, confidence loss", "%.3f").number("student, hard weak labels (control)", "%.3f")
                .number("PGR, naive", "%.2f").number("PGR, confidence loss", "%.2f").number("PGR, hard labels", "%.2f")
                .number("naive student agrees with supervisor", "%.3f")
                .number("confident student agrees with supervisor", "%.3f")
                .number("weak labels right (student images)", "%.3f");
        for (TaskResult x : r.tasks()) {
            for (Student st : x.students()) {
                t.row(x.task(), st.models(), x.weak(), st.ceiling(), st.naive(), st.confident(), st.hardLabels(),
                        x.pgrNaive(st.models()), x.pgrConfident(st.models()), x.pgrHard(st.models()),
                        st.naiveAgreement(), st.confidentAgreement(), x.weakLabels());
            }
        }
        t.note("PGR: (student - weak supervisor) / (ceiling - weak supervisor), each an accuracy on the same "
                + "held-out images, the ceiling the same network from the same weights and batches trained on the "
                + "truth, the best of its training lengths; 1 closes the gap, 0 is no better than the supervisor. "
                + "Hard weak labels: a control, the supervisor's labels hardened without the student's own "
                + "predictions (is the confidence loss's gain only hardening?). Burns et al. (2023) report PGR above 0 on NLP tasks, "
                + "and the confidence loss raising it, a GPT-2-level supervisor then recovering close to GPT-3.5-level "
                + "performance; per-task figures are not in our notes");
        return new StudyResult(NAME, "", "", List.of(), List.of(t.build()), List.of(), "", r, 0);
    }

    static StudyResult report(Config c, List<SeedResult> results, StudyResult seeds, double seconds) {
        List<Finding> findings = new ArrayList<>();
        List<String> inits = results.get(0).tasks().get(0).students().stream().map(Student::models).toList();
        for (String task : c.tasks()) {
            MeanInterval weak = over(results, task, TaskResult::weak);
            for (String init : inits) {
                MeanInterval ceiling = over(results, task, x -> x.student(init).ceiling());
                MeanInterval naive = over(results, task, x -> x.pgrNaive(init));
                MeanInterval confident = over(results, task, x -> x.pgrConfident(init));
                MeanInterval gain = over(results, task, x -> x.pgrConfident(init) - x.pgrNaive(init));
                findings.add(Finding.decided(naive, PGR_MIN, String.format(Locale.ROOT, "%s, %s: trained on the weak "
                                + "supervisor's labels, the strong student recovers %s of the gap between the supervisor "
                                + "(accuracy %s) and its ceiling (%s), and agrees with its supervisor on %s of the test "
                                + "images. Reproduced (weak-to-strong generalisation) when PGR is at least %.1f with its "
                                + "interval above 0; not reproduced when its interval is below that.", task, init, naive.format(2), weak.format(3), ceiling.format(3),
                        over(results, task, x -> x.student(init).naiveAgreement()).format(3), PGR_MIN)));
                MeanInterval hard = over(results, task, x -> x.pgrHard(init));
                findings.add(Finding.decided(gain, GAIN_MIN,
                        String.format(Locale.ROOT, "%s, %s: with the auxiliary confidence loss (weight %.2f) PGR is "
                                        + "%s, %s against the naive student (paired by seed); the control on hard weak "
                                        + "labels alone gives %s. Reproduced (the confidence loss helps, as Burns et al. "
                                        + "found on NLP tasks) when the gain is at least %.2f with its interval above 0; not reproduced when its "
                                        + "interval is below that.",
                                task, init, c.confidence(), confident.format(2),
                                (gain.mean() >= 0 ? "+" : "") + gain.format(2), hard.format(2), GAIN_MIN)));
            }
        }
        findings = Seeds.verdictsNeedSeeds(findings, results.size());
        String method = String.format(Locale.ROOT, "MNIST's 10,000 test images, split by the debate study's fixed "
                        + "shuffle: %,d train the weak supervisor on their true labels, %,d more are labelled by it for "
                        + "the strong student (their true labels train the ceiling), %,d held out measure everything. "
                        + "The weak supervisor is logistic regression on the mean intensity of %d x %d squares (a %d x %d "
                        + "view; Adam, %,d steps at ten times the student's step size); the strong student and its "
                        + "ceiling are a network of hidden widths %s on the full 784 "
                        + "pixels, both trained with Adam (%s steps of %d, each length its own run) from the same initial "
                        + "weights and batches, "
                        + "on the supervisor's probabilities (naive) or, with the confidence loss, on a mixture of them "
                        + "and the student's own hardened predictions, the mixture's weight rising to %.2f over the "
                        + "first fifth of training (Burns et al.; binary tasks harden by argmax, not Burns et al.'s "
                        + "threshold matched to the class balance; over short training the weight reaches its full "
                        + "value within a few steps, while the student's own predictions are still poor). The "
                        + "supervisor's view is a linear map of the pixels, so the student can represent the supervisor "
                        + "exactly: copying its errors is open to it, the case Burns et al. flag as hard. The split "
                        + "and test images are the same for every seed, so the intervals over seeds leave out the "
                        + "sampling of test images (about 0.01 in accuracy). Burns et al.'s students are pretrained language models; "
                        + "here one set of strong models starts from random weights (what they know of digits they "
                        + "learn from the weak labels) and, when pretraining is on, another from the encoder of an "
                        + "autoencoder trained (%,d steps) on all %,d training images without their labels.",
                c.supervisorImages(),
                c.studentImages(), c.testImages(), c.weakBlock(), c.weakBlock(), Mnist.SIDE / c.weakBlock(),
                Mnist.SIDE / c.weakBlock(), c.weakSteps(), Arrays.toString(c.strongHidden()),
                Arrays.toString(c.strongSteps()), c.batch(),
                c.confidence(), c.pretrainSteps(), c.supervisorImages() + c.studentImages());
        String verdict = "Shows whether a network trained only on a weaker model's labels ends up better than that "
                + "model, whether the confidence loss helps, and whether knowing digits beforehand (unsupervised "
                + "pretraining) changes either, on three tasks built from MNIST digits. Does not show that this "
                + "carries to large pretrained models, to tasks beyond these, or to supervisors and students far apart "
                + "in scale.";
        return new StudyResult(NAME, "Weak-to-strong generalisation: a strong student trained on a weak supervisor's "
                + "labels", method + " " + seeds.method(), findings, seeds.tables(), seeds.charts(), verdict, results,
                seconds);
    }

    private static MeanInterval over(List<SeedResult> results, String task,
                                     java.util.function.ToDoubleFunction<TaskResult> value) {
        return Statistics.meanInterval(results.stream().mapToDouble(r -> value.applyAsDouble(r.tasks().stream()
                .filter(x -> x.task().equals(task)).findFirst().orElseThrow())).toArray());
    }
}
