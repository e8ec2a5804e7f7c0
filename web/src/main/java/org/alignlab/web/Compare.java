package org.alignlab.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.llm.PairedComparison;
import org.alignlab.llm.SampleResult;
import org.alignlab.llm.Transcripts;
import org.alignlab.report.view.ComparePage;

/** Two transcript sets compared on the samples both scored, with the paired test of {@code alignlab compare}. */
final class Compare {
    /** Differing samples shown: enough to read, few enough for one page. */
    static final int SHOWN = 100;

    private Compare() {
    }

    static ComparePage page(RunIndex.Run first, RunIndex.Run second, String judge) throws IOException {
        List<String> judges = new ArrayList<>(judgeNames(first));
        judges.retainAll(judgeNames(second));
        if (judges.isEmpty()) {
            throw new Labelling.BadRequest("the two runs share no judge: " + judgeNames(first) + " and "
                    + judgeNames(second));
        }
        String chosen = judge == null || judge.isEmpty() ? judges.get(0) : judge;
        if (!judges.contains(chosen)) {
            throw new Labelling.BadRequest("judge '" + chosen + "' did not judge both runs; they share " + judges);
        }
        List<SampleResult> a = FileCache.get(file(first, chosen), "samples", Transcripts::read);
        List<SampleResult> b = FileCache.get(file(second, chosen), "samples", Transcripts::read);
        List<ComparePage.Row> rows = new ArrayList<>();
        for (PairedComparison.Row r : PairedComparison.compare(a, b)) {
            rows.add(new ComparePage.Row(r.measure(), r.attack(), r.first().format(), r.second().format(),
                    r.test().onlyFirst(), r.test().onlySecond(), r.test().pValue()));
        }
        Map<String, SampleResult> byItem = new HashMap<>();
        for (SampleResult s : b) {
            byItem.put(PairedComparison.item(s), s);
        }
        // The same samples the test counts: scored in both; those where exactly one failed are the differences.
        int shared = 0;
        int differing = 0;
        List<ComparePage.Difference> differences = new ArrayList<>();
        for (SampleResult s : a) {
            SampleResult t = byItem.get(PairedComparison.item(s));
            if (t == null || s.outcome().equals(SampleResult.UNSCORABLE) || t.outcome().equals(SampleResult.UNSCORABLE)) {
                continue;
            }
            shared++;
            if (PairedComparison.failed(s) != PairedComparison.failed(t)) {
                differing++;
                if (differences.size() < SHOWN) {
                    differences.add(new ComparePage.Difference(s.sampleId(), s.lineage(), s.outcome(), t.outcome(),
                            String.valueOf(s.reply()), String.valueOf(t.reply())));
                }
            }
        }
        return new ComparePage(first.row(), second.row(), chosen, judges, rows, differences, differing, shared);
    }

    private static List<String> judgeNames(RunIndex.Run run) throws IOException {
        if (run.judges().size() == 1) {
            List<SampleResult> s = FileCache.get(run.judges().values().iterator().next(), "samples", Transcripts::read);
            return List.of(s.isEmpty() ? "judge" : s.get(0).judge());
        }
        return List.copyOf(run.judges().keySet());
    }

    private static Path file(RunIndex.Run run, String judge) {
        return run.judges().size() == 1 ? run.judges().values().iterator().next() : run.judges().get(judge);
    }

    static void check(RunIndex.Run run) {
        if (run.judges().isEmpty()) {
            throw new Labelling.BadRequest("run " + run.row().id() + " (" + run.row().title()
                    + ") has no transcripts to compare");
        }
    }
}
