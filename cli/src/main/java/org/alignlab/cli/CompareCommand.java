package org.alignlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.llm.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alignlab compare}: two evaluations on the same samples, paired. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {
            "Compare two evaluations (two models, or one model before and after a change) on the same samples.",
            "",
            "Reads the samples.jsonl of two alignlab eval output folders, keeps the samples scored in both, and for "
                + "each measure (attack success, over-refusal, wrong answers) and attack gives each run's rate and "
                + "McNemar's exact test on the samples where exactly one of them failed: a small p-value means the "
                + "difference is unlikely to be chance."})
final class CompareCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FIRST", description = "The first evaluation's output folder.")
    Path first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "The second evaluation's output folder.")
    Path second;

    @Override
    public Integer call() throws Exception {
        List<PairedComparison.Row> rows = PairedComparison.compare(first, second);
        var out = out();
        if (rows.isEmpty()) {
            out.println("No sample was scored in both evaluations: nothing to compare.");
            return 0;
        }
        out.printf("%-16s %-26s %-28s %-28s %-12s %s%n", "measure", "attack", "first", "second", "only 1st/2nd",
                "p (McNemar)");
        for (PairedComparison.Row r : rows) {
            out.printf("%-16s %-26s %-28s %-28s %-12s %.4f%n", r.measure(), r.attack(), r.first().format(),
                    r.second().format(), r.test().onlyFirst() + "/" + r.test().onlySecond(), r.test().pValue());
        }
        return 0;
    }
}
