package org.alignlab.scalable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
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
 * Amplification, recursive reward modelling and debate against direct judgement, on a task whose
 * size grows ({@link ProgramTrace}): a learnt weak judge ({@link TraceJudge}) oversees answers
 * directly, through decomposition into one-instruction steps, and through debate
 * ({@link TraceOversight}), each against a liar that searches for the lie it lets through;
 * overseer accuracy against the size of the program. Then a reward model ({@link StepRewardModel})
 * learns from each kind of oversight's labels on a slipping solver's answers, and best-of-n
 * selection optimises against it: which oversight's reward model still picks right answers under
 * that pressure.
 */
public final class AmplificationStudy implements Study<AmplificationStudy.Config> {
    /** The study's name. */
    public static final String NAME = "amplification";

    /**
     * @param sizes          program sizes (instructions) the judge is trained and measured on, 1 to 64
     * @param judgeExamples  training questions per size (half with the right answer)
     * @param judgeHidden    the judge's hidden widths
     * @param judgeSteps     the judge's Adam steps
     * @param batch          examples per step
     * @param learningRate   Adam's step size
     * @param testProblems   held-out questions per size
     * @param rewardSize     the program size the reward models are trained and optimised at
     * @param slip           the solver's chance of a wrong value at each step
     * @param rewardAnswers  answers labelled by each oversight to train its reward model
     * @param rewardHidden   the reward model's hidden width
     * @param rewardSteps    the reward model's Adam steps
     * @param bestOf         numbers of candidate answers best-of-n chooses among (the optimisation pressure)
     * @param seed           the first seed
     * @param seeds          how many seeds
     * @param threads        seeds trained at once (each seed draws from its own random sources, so this changes no
     *                       result)
     */
    public record Config(int[] sizes, int judgeExamples, int[] judgeHidden, int judgeSteps, int batch,
                         double learningRate, int testProblems, int rewardSize, double slip, int rewardAnswers,
                         int rewardHidden, int rewardSteps, int[] bestOf, long seed, int seeds, int threads) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double auditCoreSeconds() {
        return 105; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Amplification and debate: a weak judge on tasks that grow";
    }

    @Override
    public String description() {
        return "A learnt judge of programs (a register mod 10, 1 to 64 instructions) oversees answers directly, through "
                + "decomposition into single steps (amplification, recursive reward modelling) and through debate, "
                + "each against a searching liar; then reward models learnt from each oversight's labels are optimised "
                + "against by best-of-n, and the answers they pick checked against the truth.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        int threads = Runtime.getRuntime().availableProcessors();
        int[] sizes = {1, 2, 4, 8, 16, 32, 64};
        int[] bestOf = {1, 4, 16, 64};
        return switch (budget) {
            case SMOKE -> new Config(new int[] {1, 2, 8}, 400, new int[] {32}, 200, 64, 0.003, 60, 8, 0.05, 300, 16,
                    150, new int[] {1, 4}, 1, 2, threads);
            // Programs up to 32 instructions, not 64 (the searching liar's costliest size), for the audit's ten
            // minutes: 70 s alone against 78 (2026-12-02, one run each; runs of one setting varied by 15% that day),
            // the premise passed and the reward-model finding still reproduced; the debate finding, undecided at 64,
            // reads reproduced at 32.
            case AUDIT -> new Config(new int[] {1, 2, 4, 8, 16, 32}, 3_000, new int[] {128}, 3_000, 128, 0.002, 300, 16,
                    0.05, 2_000, 32, 1_500, bestOf, 1, 3, threads);
            case DEFAULT -> new Config(sizes, 6_000, new int[] {256}, 6_000, 128, 0.002, 1_000, 16, 0.05, 4_000, 32,
                    3_000, bestOf, 1, 5, threads);
            case PAPER -> new Config(sizes, 12_000, new int[] {256, 256}, 12_000, 128, 0.001, 2_000, 16, 0.05, 8_000, 64,
                    6_000, new int[] {1, 4, 16, 64, 256}, 1, 10, threads);
        };
    }

    @Override
    public void validate(Config c) {
        List<String> problems = new ArrayList<>();
        if (c.threads() < 1) {
            problems.add("threads must be at least 1, got " + c.threads());
        }
        if (c.sizes().length == 0 || Arrays.stream(c.sizes()).anyMatch(s -> s < 1 || s > TraceJudge.MAX_SIZE)) {
            problems.add("sizes must be one or more program sizes from 1 to " + TraceJudge.MAX_SIZE + ", got "
                    + Arrays.toString(c.sizes()));
        }
        if (c.judgeExamples() < 10 || c.testProblems() < 10 || c.rewardAnswers() < 10) {
            problems.add("judge examples, test problems and reward answers must each be at least 10");
        }
        if (c.judgeHidden().length == 0 || Arrays.stream(c.judgeHidden()).anyMatch(h -> h < 1) || c.rewardHidden() < 1) {
            problems.add("hidden widths must be at least 1");
        }
        if (c.judgeSteps() < 1 || c.rewardSteps() < 1 || c.batch() < 1 || !(c.learningRate() > 0)) {
            problems.add("steps and batch must be at least 1 and the learning rate above 0");
        }
        if (c.rewardSize() < 1 || c.rewardSize() > TraceJudge.MAX_SIZE) {
            problems.add("reward size must be 1 to " + TraceJudge.MAX_SIZE + ", got " + c.rewardSize());
        }
        if (!(c.slip() > 0 && c.slip() < 1)) {
            problems.add("slip (the solver's chance of a wrong step) must be above 0 and below 1, got " + c.slip());
        }
        if (c.bestOf().length == 0 || Arrays.stream(c.bestOf()).anyMatch(n -> n < 1 || n > 4_096)) {
            problems.add("best-of must be one or more numbers of candidates from 1 to 4,096, got "
                    + Arrays.toString(c.bestOf()));
        }
        if (c.seeds() < 1 || c.seeds() > Seeds.MAX) {
            problems.add("seeds must be 1 to " + Seeds.MAX + ", got " + c.seeds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * One program size on one seed: how often each overseer is right on held-out questions.
     *
     * @param seen                share of the test questions the judge was trained on (with some claim)
     * @param judge               the judge's accuracy on the right answer and a random wrong one (half each)
     * @param directHonest        the right answer accepted by the judge
     * @param directLieRejected   the wrong answer the judge likes best rejected
     * @param directPairwise      the judge prefers the right answer to the wrong one it likes best (debate's rule,
     *                            on the whole program)
     * @param decompositionHonest the right work accepted step by step
     * @param decompositionLie    every deliberate single slip rejected (the searching liar fails)
     * @param decompositionSlip   a random single slip rejected (a liar that does not search)
     * @param debate              the honest debater wins against the searching liar
     */
    public record SizeResult(int size, double seen, double judge, double directHonest, double directLieRejected,
                             double directPairwise, double decompositionHonest, double decompositionLie,
                             double decompositionSlip,
                             double debate) {
        double direct() {
            return (directHonest + directLieRejected) / 2;
        }

        double decomposition() {
            return (decompositionHonest + decompositionLie) / 2;
        }
    }

    /**
     * Oversight whose labels train a reward model; two controls: TRUTH (labels from the true answer) and SHUFFLED (the
     * same labels shuffled across answers: what best-of-n picks with a model that learnt nothing about rightness, for
     * right answers all show the same work and wrong ones differ, so even such a model does not pick at random).
     */
    enum Oversight {
        TRUTH("the truth (control)"), SHUFFLED("the truth, shuffled across answers (control)"),
        DIRECT("direct judgement"), DECOMPOSITION("decomposition"), DEBATE("debate");

        final String label;

        Oversight(String label) {
            this.label = label;
        }
    }

    /**
     * One kind of oversight's reward model: how often its labels matched the truth on the training
     * answers, and the share of right answers best-of-n picks with it, for each n.
     */
    public record RewardResult(String oversight, double labelsRight, double[] picked) {
    }

    /** One seed: every size, every reward model, and the random pick and the best pick possible beside them. */
    public record SeedResult(long seed, List<SizeResult> sizes, List<RewardResult> rewards, double[] anyRight,
                             double rightAtRandom) {
        SizeResult size(int n) {
            return sizes.stream().filter(s -> s.size() == n).findFirst().orElseThrow();
        }

        RewardResult reward(Oversight o) {
            return rewards.stream().filter(r -> r.oversight().equals(o.label)).findFirst().orElseThrow();
        }
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        StudyResult seeds = Seeds.run(ctx, c.seed(), c.seeds(), c.threads(), SeedResult.class, (seed, progress) -> {
            Progress p = progress.start("amplification", 1 + c.sizes().length + 2 + Oversight.values().length);
            Mlp.Settings settings = new Mlp.Settings(c.judgeHidden(), c.judgeSteps(), c.batch(),
                    (float) c.learningRate(), 0);
            try (TraceJudge judge = TraceJudge.train(c.sizes(), c.judgeExamples(), settings, stream(seed, 1))) {
                p.step("training the judge");
                List<SizeResult> sizes = new ArrayList<>();
                for (int size : c.sizes()) {
                    sizes.add(measure(judge, size, c.testProblems(), new SplittableRandom(stream(seed, 100 + size))));
                    p.step(size + " instructions");
                }
                return rewardModels(c, judge, seed, sizes, p);
            }
        }, (seed, r) -> { }, r -> reportSeed(c, r));
        @SuppressWarnings("unchecked")
        List<SeedResult> results = (List<SeedResult>) seeds.data();
        return report(c, results, seeds, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The seed of one random stream of a seed's run (the judge's training, each size's test questions, the reward
     * models' answers, their test candidates, their weights): no two streams of any seeds share a seed, so the test
     * questions are not drawn from the stream that drew the judge's training questions.
     */
    static long stream(long seed, int purpose) {
        return seed * 1_000 + purpose;
    }

    /** Every overseer on {@code count} held-out questions of one size. */
    static SizeResult measure(TraceJudge judge, int size, int count, SplittableRandom random) {
        List<ProgramTrace.Problem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            problems.add(ProgramTrace.random(size, random));
        }
        // The judge's probability for every possible answer to every question, at once.
        List<ProgramTrace.Problem> asked = new ArrayList<>();
        int[] claims = new int[count * ProgramTrace.VALUES];
        for (int i = 0; i < count; i++) {
            for (int v = 0; v < ProgramTrace.VALUES; v++) {
                asked.add(problems.get(i));
                claims[i * ProgramTrace.VALUES + v] = v;
            }
        }
        double[] probability = judge.probability(asked, claims);
        TraceOversight.StepJudge steps = judge::step;
        double seen = 0;
        double right = 0;
        double directHonest = 0;
        double directLie = 0;
        double directPairwise = 0;
        double decompositionHonest = 0;
        double decompositionLie = 0;
        double decompositionSlip = 0;
        double debate = 0;
        for (int i = 0; i < count; i++) {
            ProgramTrace.Problem q = problems.get(i);
            int answer = q.answer();
            int randomWrong = ProgramTrace.wrong(answer, random);
            double pRight = probability[i * ProgramTrace.VALUES + answer];
            double bestLie = 0;
            for (int v = 0; v < ProgramTrace.VALUES; v++) {
                if (v != answer) {
                    bestLie = Math.max(bestLie, probability[i * ProgramTrace.VALUES + v]);
                }
            }
            seen += judge.trainedOn(q) ? 1 : 0;
            right += ((TraceOversight.accepts(pRight) ? 1 : 0)
                    + (TraceOversight.accepts(probability[i * ProgramTrace.VALUES + randomWrong]) ? 0 : 1)) / 2.0;
            directHonest += TraceOversight.accepts(pRight) ? 1 : 0;
            directLie += TraceOversight.accepts(bestLie) ? 0 : 1;
            directPairwise += pRight >= bestLie ? 1 : 0;
            decompositionHonest += TraceOversight.decompositionAccepts(steps, q, q.values()) ? 1 : 0;
            decompositionLie += TraceOversight.decompositionFooled(steps, q) ? 0 : 1;
            int at = random.nextInt(size);
            int[] slipped = TraceOversight.slipAt(q, at, ProgramTrace.wrong(q.values()[at + 1], random));
            decompositionSlip += TraceOversight.decompositionAccepts(steps, q, slipped) ? 0 : 1;
            debate += TraceOversight.liarWins(steps, q, -1) ? 0 : 1;
        }
        return new SizeResult(size, seen / count, right / count, directHonest / count, directLie / count,
                directPairwise / count, decompositionHonest / count, decompositionLie / count, decompositionSlip / count,
                debate / count);
    }

    /** Whether each kind of oversight accepts an answer with its work shown. */
    static boolean accepted(Oversight o, TraceJudge judge, double judgeProbability, ProgramTrace.Problem p,
                            int[] written) {
        int claim = written[p.size()];
        return switch (o) {
            case TRUTH, SHUFFLED -> claim == p.answer();
            case DIRECT -> TraceOversight.accepts(judgeProbability);
            case DECOMPOSITION -> TraceOversight.decompositionAccepts(judge::step, p, written);
            // The answer's defender against a critic: a right answer faces a lying critic who picks its own lie, a
            // wrong one an honest critic, and the defender lies as well as it can.
            case DEBATE -> claim == p.answer() ? !TraceOversight.liarWins(judge::step, p, -1)
                    : TraceOversight.liarWins(judge::step, p, claim);
        };
    }

    /**
     * Reward models from each oversight's labels on a slipping solver's answers to training
     * questions, then best-of-n with each on held-out questions.
     */
    static SeedResult rewardModels(Config c, TraceJudge judge, long seed, List<SizeResult> sizes, Progress p) {
        SplittableRandom random = new SplittableRandom(stream(seed, 200));
        List<ProgramTrace.Problem> questions = new ArrayList<>();
        List<int[]> answers = new ArrayList<>();
        for (int i = 0; i < c.rewardAnswers(); i++) {
            ProgramTrace.Problem q = ProgramTrace.random(c.rewardSize(), random);
            questions.add(q);
            answers.add(ProgramTrace.solve(q, c.slip(), random));
        }
        double[] direct = judge.probability(questions, answers.stream().mapToInt(a -> a[c.rewardSize()]).toArray());
        int most = Arrays.stream(c.bestOf()).max().orElseThrow();
        SplittableRandom heldOut = new SplittableRandom(stream(seed, 300));
        List<ProgramTrace.Problem> test = new ArrayList<>();
        List<int[][]> candidates = new ArrayList<>();
        for (int i = 0; i < c.testProblems(); i++) {
            ProgramTrace.Problem q = ProgramTrace.random(c.rewardSize(), heldOut);
            test.add(q);
            int[][] k = new int[most][];
            for (int j = 0; j < most; j++) {
                k[j] = ProgramTrace.solve(q, c.slip(), heldOut);
            }
            candidates.add(k);
        }
        p.step("answers to label and to choose among");
        List<RewardResult> rewards = new ArrayList<>();
        for (Oversight o : Oversight.values()) {
            List<StepRewardModel.Example> examples = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                ProgramTrace.Problem q = questions.get(i);
                examples.add(new StepRewardModel.Example(q, answers.get(i), accepted(o, judge, direct[i], q,
                        answers.get(i))));
            }
            if (o == Oversight.SHUFFLED) {
                examples = shuffledLabels(examples, new SplittableRandom(stream(seed, 500)));
            }
            double labelsRight = examples.stream().filter(e -> e.accepted() == (e.written()[e.problem().size()]
                    == e.problem().answer())).count();
            // Every reward model starts from the same weights and draws the same batches: only the labels differ.
            StepRewardModel model = StepRewardModel.train(examples, c.rewardHidden(), c.rewardSteps(), c.batch(),
                    (float) c.learningRate(), stream(seed, 400));
            double[] picked = new double[c.bestOf().length];
            for (int b = 0; b < c.bestOf().length; b++) {
                for (int i = 0; i < test.size(); i++) {
                    int[][] k = candidates.get(i);
                    int best = 0;
                    for (int j = 1; j < c.bestOf()[b]; j++) {
                        if (model.score(test.get(i), k[j]) > model.score(test.get(i), k[best])) {
                            best = j;
                        }
                    }
                    picked[b] += k[best][c.rewardSize()] == test.get(i).answer() ? 1.0 / test.size() : 0;
                }
            }
            rewards.add(new RewardResult(o.label, labelsRight / questions.size(), picked));
            p.step("reward model from " + o.label);
        }
        double[] anyRight = new double[c.bestOf().length];
        for (int b = 0; b < c.bestOf().length; b++) {
            for (int i = 0; i < test.size(); i++) {
                int answer = test.get(i).answer();
                anyRight[b] += Arrays.stream(candidates.get(i), 0, c.bestOf()[b])
                        .anyMatch(a -> a[c.rewardSize()] == answer) ? 1.0 / test.size() : 0;
            }
        }
        double rightAtRandom = 0;
        for (int i = 0; i < test.size(); i++) {
            rightAtRandom += candidates.get(i)[0][c.rewardSize()] == test.get(i).answer() ? 1.0 / test.size() : 0;
        }
        p.step("best-of-n");
        return new SeedResult(seed, sizes, rewards, anyRight, rightAtRandom);
    }

    /** The examples with their labels shuffled among them (Fisher-Yates): as many accepted, on other answers. */
    static List<StepRewardModel.Example> shuffledLabels(List<StepRewardModel.Example> examples,
                                                        SplittableRandom random) {
        boolean[] labels = new boolean[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).accepted();
        }
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        List<StepRewardModel.Example> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            StepRewardModel.Example e = examples.get(i);
            out.add(new StepRewardModel.Example(e.problem(), e.written(), labels[i]));
        }
        return out;
    }

    static StudyResult reportSeed(Config c, SeedResult r) {
        StudyResult.Table.Builder t = StudyResult.Table.builder("Overseer accuracy by program size, on questions "
                        + "drawn afresh (the share the judge saw in training is given; each liar searches for the lie its "
                        + "overseer lets through)")
                .number("instructions", "%d").number("test questions seen in the judge's training", "%.2f")
                .number("judge at 0.5: right answer and a random wrong one", "%.3f").number("direct", "%.3f")
                .number("direct, pairwise (debate's rule)", "%.3f").number("decomposition", "%.3f")
                .number("debate", "%.3f").number("chance", "%.1f")
                .number("direct: right answer accepted", "%.3f").number("direct: best lie rejected", "%.3f")
                .number("decomposition: right work accepted", "%.3f")
                .number("decomposition: every slip rejected", "%.3f")
                .number("decomposition: a random slip rejected", "%.3f");
        for (SizeResult s : r.sizes()) {
            t.row(s.size(), s.seen(), s.judge(), s.direct(), s.directPairwise(), s.decomposition(), s.debate(), 0.5,
                    s.directHonest(),
                    s.directLieRejected(), s.decompositionHonest(), s.decompositionLie(), s.decompositionSlip());
        }
        t.note("Direct and decomposition: the mean of the right answer accepted and the searching liar's answer "
                + "rejected (the judge accepts above 0.5). Direct, pairwise: the judge prefers the right answer to the "
                + "wrong one it likes best, on the whole program: debate's decision rule without the bisection. "
                + "Debate: the share of debates the honest debater wins (the same debate decides both; a tie goes to "
                + "the honest debater). Chance: an overseer that accepts at random. At one instruction the best lie "
                + "rejected is the judge's reliability on single steps, which a searching liar needs to beat only "
                + "once among a long program's steps.");
        StudyResult.Table.Builder rm = StudyResult.Table.builder(String.format(Locale.ROOT, "Best-of-n against a "
                        + "reward model learnt from each oversight's labels (programs of %d instructions, solver slipping "
                        + "at %.2f a step): share of picked answers that are right", c.rewardSize(), c.slip()))
                .text("labels from").number("labels that match the truth", "%.3f");
        for (int n : c.bestOf()) {
            rm.number("best of " + n, "%.3f");
        }
        for (RewardResult x : r.rewards()) {
            List<Object> row = new ArrayList<>(List.of(x.oversight(), x.labelsRight()));
            Arrays.stream(x.picked()).forEach(row::add);
            rm.row(row.toArray());
        }
        List<Object> ceiling = new ArrayList<>(List.of("a right answer among the n (ceiling)", Double.NaN));
        Arrays.stream(r.anyRight()).forEach(ceiling::add);
        rm.row(ceiling.toArray());
        List<Object> base = new ArrayList<>(List.of("one answer at random (baseline)", Double.NaN));
        Arrays.stream(c.bestOf()).forEach(n -> base.add(r.rightAtRandom()));
        rm.row(base.toArray());
        rm.note("The reward model is the same network for every row (each step scored, an answer scored by its worst "
                + "step); only its training labels differ. Candidates for the held-out questions come from the same "
                + "slipping solver; the truth row is the control that shows what the model can learn from perfect "
                + "labels.");
        List<StudyResult.Series> series = new ArrayList<>();
        double[] x = r.sizes().stream().mapToDouble(s -> Math.log(s.size()) / Math.log(2)).toArray();
        series.add(new StudyResult.Series("direct", x, r.sizes().stream().mapToDouble(SizeResult::direct).toArray(),
                false, null, null));
        series.add(new StudyResult.Series("decomposition", x, r.sizes().stream()
                .mapToDouble(SizeResult::decomposition).toArray(), false, null, null));
        series.add(new StudyResult.Series("debate", x, r.sizes().stream().mapToDouble(SizeResult::debate).toArray(),
                false, null, null));
        series.add(new StudyResult.Series("chance", x, r.sizes().stream().mapToDouble(s -> 0.5).toArray(), true,
                null, null));
        StudyResult.Chart chart = new StudyResult.Chart("Overseer accuracy by program size",
                "log2 of instructions (0: one, 6: sixty-four)", "accuracy (searching liar)", series);
        return new StudyResult(NAME, "", "", List.of(), List.of(t.build(), rm.build()), List.of(chart), "", r, 0);
    }

    /** A paired difference counts as a gain from 0.05, with its interval above 0. */
    static final double GAIN_MIN = 0.05;

    static StudyResult report(Config c, List<SeedResult> results, StudyResult seeds, double seconds) {
        List<Finding> findings = new ArrayList<>();
        int smallest = Arrays.stream(c.sizes()).min().orElseThrow();
        int largest = Arrays.stream(c.sizes()).max().orElseThrow();
        MeanInterval judgeSmall = Statistics.meanInterval(results, r -> r.size(smallest).judge());
        MeanInterval judgeLarge = Statistics.meanInterval(results, r -> r.size(largest).judge());
        boolean weak = judgeSmall.mean() >= 0.9 && judgeLarge.mean() <= 0.65;
        // PASSED and FAILED here judge the set-up (is the judge weak where it should be?); REPRODUCED and NOT_REPRODUCED
        // below say whether an oversight method's benefit was reproduced.
        findings.add(new Finding(weak ? Verdict.PASSED : Verdict.FAILED, String.format(Locale.ROOT,
                "The premise, a judge whose accuracy falls with the size of what it inspects: trained on the truth at "
                        + "every size, it tells the right answer from a random wrong one %s of the time at %d "
                        + "instruction%s and %s at %d (chance 0.5). Passed when at least 0.9 at the smallest size and "
                        + "at most 0.65 at the largest.", judgeSmall.format(3), smallest, smallest == 1 ? "" : "s",
                judgeLarge.format(3), largest)));
        for (String method : new String[] {"decomposition", "debate"}) {
            boolean debate = method.equals("debate");
            ToDoubleFunction<SizeResult> m = debate ? SizeResult::debate : SizeResult::decomposition;
            // Each against direct judgement under the same decision rule: debate's is a preference between two answers.
            ToDoubleFunction<SizeResult> base = debate ? SizeResult::directPairwise : SizeResult::direct;
            String baseName = debate ? "directly by the same rule (preferring one of two answers)" : "directly";
            MeanInterval gain = Statistics.meanInterval(results, r -> m.applyAsDouble(r.size(largest)) - base.applyAsDouble(r.size(largest)));
            String bySize = String.join(", ", Arrays.stream(c.sizes()).mapToObj(n -> n + ": " + Statistics.meanInterval(results,
                    r -> m.applyAsDouble(r.size(n)) - base.applyAsDouble(r.size(n))).format(2)).toList());
            findings.add(new Finding(Verdict.decide(gain, GAIN_MIN), String.format(Locale.ROOT, "At %d instructions, overseen by %s "
                            + "the judge is right %s of the time against a searching liar, %s %s (paired gain %s; by "
                            + "size, %s). Reproduced (%s lets a weak judge oversee what it cannot judge whole) when the "
                            + "gain is at least %.2f with its interval above 0; not reproduced when the interval is below "
                            + "that; otherwise these seeds cannot tell.", largest, method,
                    Statistics.meanInterval(results, r -> m.applyAsDouble(r.size(largest))).format(3), baseName,
                    Statistics.meanInterval(results, r -> base.applyAsDouble(r.size(largest))).format(3), gain.format(3), bySize, method,
                    GAIN_MIN)));
        }
        findings.add(Finding.note(String.format(Locale.ROOT, "The judge's reliability on single steps, which decomposition "
                        + "and debate rest on: at one instruction it rejects the wrong answer it likes best on %s of "
                        + "questions and prefers the right answer to it on %s; a searching liar needs one such blind "
                        + "spot among a long program's steps, so an overseer that has such spots falls as programs grow "
                        + "(at %d instructions decomposition %s, debate %s).", Statistics.meanInterval(results, r -> r.size(smallest)
                        .directLieRejected()).format(3), Statistics.meanInterval(results, r -> r.size(smallest).directPairwise()).format(3),
                largest, Statistics.meanInterval(results, r -> r.size(largest).decomposition()).format(3),
                Statistics.meanInterval(results, r -> r.size(largest).debate()).format(3))));
        int top = c.bestOf().length - 1;
        int most = c.bestOf()[top];
        for (Oversight o : new Oversight[] {Oversight.DECOMPOSITION, Oversight.DEBATE}) {
            MeanInterval gain = Statistics.meanInterval(results, r -> r.reward(o).picked()[top] - r.reward(Oversight.DIRECT).picked()[top]);
            findings.add(new Finding(Verdict.decide(gain, GAIN_MIN), String.format(Locale.ROOT, "Optimised against by best-of-%d at %d "
                            + "instructions, the reward model learnt from %s's labels picks a right answer %s of the "
                            + "time, the one from direct judgement %s (paired gain %s); from the truth %s, from the "
                            + "truth shuffled %s, one answer at random %s, a right answer among the %d %s. Reproduced "
                            + "(that oversight's reward survives optimisation better) when the gain is at least %.2f with "
                            + "its interval above 0; not reproduced when the interval is below that; otherwise these "
                            + "seeds cannot tell.",
                    most, c.rewardSize(), o.label, Statistics.meanInterval(results, r -> r.reward(o).picked()[top]).format(3),
                    Statistics.meanInterval(results, r -> r.reward(Oversight.DIRECT).picked()[top]).format(3), gain.format(3),
                    Statistics.meanInterval(results, r -> r.reward(Oversight.TRUTH).picked()[top]).format(3),
                    Statistics.meanInterval(results, r -> r.reward(Oversight.SHUFFLED).picked()[top]).format(3),
                    Statistics.meanInterval(results, SeedResult::rightAtRandom).format(3), most,
                    Statistics.meanInterval(results, r -> r.anyRight()[top]).format(3), GAIN_MIN)));
        }
        findings = Seeds.verdictsNeedSeeds(findings, results.size());
        String method = String.format(Locale.ROOT, "The task: a register holding a digit and a program of up to %d "
                        + "instructions (add 1-9, multiply by 3, 7 or 9, all modulo 10); the question is the last value. "
                        + "The judge is a network (hidden widths %s) that reads the start, the instructions one-hot by "
                        + "position and a claimed answer, trained with Adam (%,d steps of %d) on %,d questions of each "
                        + "size %s, half with the right answer and half a random wrong one; nothing sets how well it "
                        + "judges any size. Each overseer faces a liar that knows the judge and searches: directly, the "
                        + "wrong answer the judge likes best; against decomposition (the answer shows the value after "
                        + "every instruction, the judge checks each step as a one-instruction question, and the answer "
                        + "stands when every step does; a tree of sub-questions with single instructions at its leaves "
                        + "asks the same), every single deliberate slip with correct work after it; in debate "
                        + "(bisection: both state the value halfway through the disputed part, down to one "
                        + "instruction, where the judge prefers one of the two claimed results), every point to "
                        + "diverge at and every wrong value there. Questions are drawn afresh for the test (%,d per "
                        + "size) from a stream the judge's training did not use; the table gives the share the judge "
                        + "happened to see in training: at one instruction nearly all (there are only 120 "
                        + "one-instruction questions: what the judge knows of single steps it learnt on those), at two "
                        + "most (1,440 questions), beyond that almost none. "
                        + "Reward models: %,d answers of a solver that slips (a wrong value at each step with "
                        + "probability %.2f, work going on from there) to programs of %d instructions, labelled by each "
                        + "oversight (debate's label: a right answer defended against a critic that lies as well as it can, a "
                        + "wrong one defended by a debater that lies as well as it can, not by the answer's own work), "
                        + "train the same step-scoring network from the same weights and batches (hidden width %d, %,d "
                        + "Adam steps); best-of-n "
                        + "then picks among n fresh answers to each of %,d held-out questions by the model's score, and "
                        + "the pick is checked against the true answer. The judge never scores the result: the truth "
                        + "does.", largest, Arrays.toString(c.judgeHidden()), c.judgeSteps(), c.batch(),
                c.judgeExamples(), Arrays.toString(c.sizes()), c.testProblems(), c.rewardAnswers(), c.slip(),
                c.rewardSize(), c.rewardHidden(), c.rewardSteps(), c.testProblems());
        String verdict = "Shows, on a task with a known answer, how a learnt judge's oversight holds up as the task "
                + "grows when it judges whole answers, single steps of them, or the one step a debate narrows to, each "
                + "against a liar that searches for its blind spots, and what a reward model learnt from each keeps "
                + "under best-of-n. Does not show that real tasks decompose this cleanly (every step here is a "
                + "question the judge was trained on), that debaters of bounded search behave like these, or "
                + "anything about oversight of language models.";
        return new StudyResult(NAME, "Amplification and debate: a weak judge on tasks that grow", method + " "
                + seeds.method(), findings, seeds.tables(), seeds.charts(), verdict, results, seconds);
    }
}
