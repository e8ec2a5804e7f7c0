package org.alignlab.debate;

import static org.alignlab.debate.DebateStudy.GREEDY_HONEST_FIRST;
import static org.alignlab.debate.DebateStudy.GREEDY_LIAR_FIRST;
import static org.alignlab.debate.DebateStudy.GREEDY_SEARCH_HONEST_FIRST;
import static org.alignlab.debate.DebateStudy.GREEDY_SEARCH_LIAR_FIRST;
import static org.alignlab.debate.DebateStudy.HONEST_ONLY;
import static org.alignlab.debate.DebateStudy.LIAR_ONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.ProportionInterval;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.debate.DebateStudy.Config;
import org.alignlab.debate.DebateStudy.Outcome;
import org.alignlab.debate.DebateStudy.PixelResult;
import org.alignlab.debate.DebateStudy.SeedResult;

/** The debate study's report: one seed's table and chart, then the findings decided over seeds. */
final class DebateReport {
    /** Debate is counted as raising the judge's accuracy when it gains at least this many points (the paper: 29.5 at k = 6). */
    static final double GAIN = 15;

    private DebateReport() {
    }

    static String published(int k, boolean debate) {
        if (k == 6) {
            return debate ? "88.9 (MCTS debaters)" : "59.4 (replications: 57.4, 58.3)";
        }
        if (k == 4) {
            return debate ? "85.2 (MCTS debaters)" : "48.2 (replication: 46.7)";
        }
        return "-";
    }

    static StudyResult reportSeed(Config c, SeedResult r) {
        StudyResult.Table.Builder table = StudyResult.Table.builder("How often the judge names the true digit: alone "
                        + "on random pixels, and with debate (held-out images)").number("k", "%d").text("protocol")
                .number("judge right (%)", "%.1f").number("images", "%d").text("Irving et al. 2018 (%)");
        List<double[]> lines = new ArrayList<>();
        for (PixelResult p : r.pixels()) {
            table.row(p.k(), p.judgeAlone().protocol(), p.judgeAlone().percent(), p.judgeAlone().images(),
                    published(p.k(), false));
            for (Outcome o : p.debates()) {
                if (o.protocol().endsWith("on the MCTS images")) {
                    continue;
                }
                boolean control = o.protocol().startsWith("control");
                table.row(p.k(), o.protocol(), o.percent(), o.images(), control ? "-" : published(p.k(), true));
            }
            if (c.simulations().length > 0) {
                Outcome alone = p.judgeAloneOnSearchImages();
                table.row(p.k(), alone.protocol(), alone.percent(), alone.images(), "-");
                for (String name : List.of(GREEDY_SEARCH_HONEST_FIRST, GREEDY_SEARCH_LIAR_FIRST)) {
                    Outcome o = p.debate(name);
                    table.row(p.k(), o.protocol(), o.percent(), o.images(), "-");
                }
            }
        }
        table.note("judge right: with random pixels, the share of images whose digit is the judge's top logit of ten; "
                + "with debate, the share of images on which the honest debater won all nine games (the liar tries "
                + "every false digit, pre-committed, and the judge picks the claimed digit with the higher logit); "
                + "every row on test images no judge was trained on; the MCTS rows on the first test images only, "
                + "with the judge alone and the greedy debaters on those same images beside them");
        return new StudyResult(DebateStudy.NAME, "", "", List.of(), List.of(table.build()), List.of(chart(r)), "",
                r, 0);
    }

    private static StudyResult.Chart chart(SeedResult r) {
        int n = r.pixels().size();
        double[] x = new double[n];
        double[] alone = new double[n];
        double[] honestFirst = new double[n];
        double[] liarFirst = new double[n];
        double[] paperAlone = new double[n];
        double[] paperDebate = new double[n];
        for (int i = 0; i < n; i++) {
            PixelResult p = r.pixels().get(i);
            x[i] = p.k();
            alone[i] = p.judgeAlone().percent();
            honestFirst[i] = p.debate(GREEDY_HONEST_FIRST).percent();
            liarFirst[i] = p.debate(GREEDY_LIAR_FIRST).percent();
            paperAlone[i] = p.k() == 6 ? DebateStudy.PAPER_JUDGE_6 : p.k() == 4 ? DebateStudy.PAPER_JUDGE_4 : Double.NaN;
            paperDebate[i] = p.k() == 6 ? DebateStudy.PAPER_DEBATE_6 : p.k() == 4 ? DebateStudy.PAPER_DEBATE_4
                    : Double.NaN;
        }
        return new StudyResult.Chart("Judge accuracy alone and with debate, by pixels revealed",
                "pixels revealed (k)", "judge right (%)", List.of(
                new StudyResult.Series("judge alone, random pixels", x, alone, false),
                new StudyResult.Series("debate, greedy, honest first", x, honestFirst, false),
                new StudyResult.Series("debate, greedy, liar first", x, liarFirst, false),
                new StudyResult.Series("paper: judge alone", x, paperAlone, true),
                new StudyResult.Series("paper: debate (MCTS)", x, paperDebate, true)));
    }

    /** A number over seeds, one per seed. */
    private static MeanInterval over(List<SeedResult> results, int k, ToDoubleFunction<PixelResult> value) {
        return Statistics.meanInterval(results.stream().mapToDouble(r -> value.applyAsDouble(r.pixels().stream()
                .filter(p -> p.k() == k).findFirst().orElseThrow())).toArray());
    }

    /** Every seed's wins of a protocol pooled, with Wilson's interval, in percent. */
    private static String pooled(List<SeedResult> results, int k, java.util.function.Function<PixelResult, Outcome> o) {
        long wins = 0;
        long images = 0;
        for (SeedResult r : results) {
            Outcome x = o.apply(r.pixels().stream().filter(p -> p.k() == k).findFirst().orElseThrow());
            wins += x.wins();
            images += x.images();
        }
        ProportionInterval w = ProportionInterval.wilson(wins, images);
        return String.format(Locale.ROOT, "%.1f%% of %d games pooled, Wilson 95%% %.1f-%.1f", 100 * w.estimate(),
                images, 100 * w.low(), 100 * w.high());
    }

    static StudyResult report(Config c, List<SeedResult> results, StudyResult seeds, double seconds) {
        List<Finding> findings = new ArrayList<>();
        for (int k : c.pixels()) {
            MeanInterval alone = over(results, k, p -> p.judgeAlone().percent());
            findings.add(Finding.note(String.format(Locale.ROOT, "k = %d: the judge alone, shown %d random nonzero "
                            + "pixels of each held-out image, names the digit %s%% of the time (%s), against Irving et "
                            + "al.'s %s; it was trained on %,d of MNIST's 10,000 test images, where the paper had the "
                            + "60,000 training images, and is a one-hidden-layer network of %d units on the paper's two "
                            + "input planes, not its convolutional network.", k, k, alone.format(1),
                    pooled(results, k, PixelResult::judgeAlone), published(k, false), c.trainImages(), c.hidden())));
            boolean bothGain = true;
            StringBuilder gains = new StringBuilder();
            for (String order : List.of(GREEDY_HONEST_FIRST, GREEDY_LIAR_FIRST)) {
                MeanInterval debate = over(results, k, p -> p.debate(order).percent());
                MeanInterval gain = over(results, k, p -> p.debate(order).percent() - p.judgeAlone().percent());
                bothGain &= gain.mean() >= GAIN && gain.low() > 0;
                gains.append(String.format(Locale.ROOT, "%s%s: %s%% (%s), %s points over the judge alone",
                        gains.length() == 0 ? "" : "; ", order, debate.format(1), pooled(results, k,
                                p -> p.debate(order)), gain.format(1)));
            }
            findings.add(new Finding(bothGain ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(Locale.ROOT,
                    "k = %d: debate makes the same judge right far more often: %s. The paper: %s alone, %s with "
                            + "debate. Reproduced when debate gains at least %.0f points in both move orders.", k,
                    gains, published(k, false), published(k, true), GAIN)));
            MeanInterval order = over(results, k, p -> p.debate(GREEDY_LIAR_FIRST).percent()
                    - p.debate(GREEDY_HONEST_FIRST).percent());
            findings.add(Finding.note(String.format(Locale.ROOT, "k = %d: the move order matters by %s points (liar "
                    + "first minus honest first, greedy debaters): %s.", k, order.format(1), order.low() > 0
                    ? "the honest debater does better moving last, when it can answer the liar's last pixel"
                    : order.high() < 0 ? "the honest debater does better moving first"
                    : "no difference the seeds can tell apart")));
            for (int n : c.simulations()) {
                for (boolean liarFirst : new boolean[] {false, true}) {
                    String name = DebateStudy.mcts(n, liarFirst);
                    String greedy = liarFirst ? GREEDY_SEARCH_LIAR_FIRST : GREEDY_SEARCH_HONEST_FIRST;
                    MeanInterval mcts = over(results, k, p -> p.debate(name).percent());
                    MeanInterval vsGreedy = over(results, k, p -> p.debate(name).percent() - p.debate(greedy).percent());
                    findings.add(Finding.note(String.format(Locale.ROOT, "k = %d: %s: the judge is right %s%% on the "
                                    + "first %d test images (%s), %s points against greedy debaters on the same images; "
                                    + "the paper's debaters searched 10,000 rollouts a move.", k, name, mcts.format(1),
                            c.searchImages(), pooled(results, k, p -> p.debate(name)), vsGreedy.format(1))));
                }
            }
            MeanInterval honestOnly = over(results, k, p -> p.debate(HONEST_ONLY).percent());
            MeanInterval liarOnly = over(results, k, p -> p.debate(LIAR_ONLY).percent());
            findings.add(Finding.note(String.format(Locale.ROOT, "k = %d, controls (honest first): a greedy honest "
                            + "debater against a liar revealing random pixels makes the judge right %s%%; a random "
                            + "honest debater against a greedy liar, %s%%, against %s%% for the judge alone. What each "
                            + "side's choice of pixels is worth, separately.", k, honestOnly.format(1),
                    liarOnly.format(1), over(results, k, p -> p.judgeAlone().percent()).format(1))));
        }
        if (results.size() < 2) {
            findings = findings.stream().map(f -> f.verdict() == Verdict.NOTE ? f
                    : Finding.note("One seed, no interval, so no verdict: " + f.text())).toList();
        }
        String method = String.format(Locale.ROOT, "The MNIST test set (10,000 images, carried by the project with "
                        + "its CC BY-SA 3.0 attribution, checksums checked) is split once by a fixed shuffle: %,d images "
                        + "train the judges, %,d held-out images measure everything; no judge sees a test image. For "
                        + "each k a judge (two input planes, the revealed-pixel mask and intensities, as in Irving et al.; "
                        + "one hidden layer of %d ReLU units) is trained on DJL for %,d Adam steps of %d images, each "
                        + "with k fresh random nonzero pixels. Debate: the honest debater claims the true digit, the "
                        + "liar a false one; they reveal nonzero pixels in turn, k in all; the judge picks the claimed "
                        + "digit with the higher logit; the liar tries all nine false digits (pre-commitment as the "
                        + "paper modelled it). Greedy debaters reveal the pixel that most helps their digit one move "
                        + "ahead; MCTS debaters search with PUCT, priors from the judge one move ahead and leaves valued "
                        + "by the judge's current verdict.", c.trainImages(), c.testImages(), c.hidden(), c.steps(),
                c.batch());
        String verdict = "Shows whether a judge that cannot classify digits from a few random pixels becomes reliable "
                + "when two debaters with opposite claims choose which pixels it sees, and by how much, beside the "
                + "paper's figures. Does not show that debate helps where evidence cannot be checked when revealed, "
                + "with judges unlike this small network, or with debaters as strong as the paper's 10,000-rollout "
                + "search; the judge is trained on MNIST's test images (split, never tested on what it saw), not "
                + "on its training set.";
        return new StudyResult(DebateStudy.NAME, "Debate on MNIST: a sparse-pixel judge, alone and with two debaters",
                method + " " + seeds.method(), findings, seeds.tables(), seeds.charts(), verdict, results, seconds);
    }
}
