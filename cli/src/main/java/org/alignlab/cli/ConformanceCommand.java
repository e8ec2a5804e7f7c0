package org.alignlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.gridworlds.conformance.Conformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alignlab conformance DIR}: replay reference traces of the original implementation. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {
            "Replay reference traces of the original gridworlds and require identical results.",
            "",
            "Reads every *.jsonl.gz and *.jsonl trace file in DIR and requires identical boards, "
                + "rewards, discounts, hidden rewards, actual actions, extra observations and episode "
                + "totals. Random draws replay bit for bit through the NumPy-compatible MT19937 source "
                + "seeded with each trace's seed.",
            "",
            "Prints one line per variant with episodes matched / total and the first mismatch (file, "
                + "line, step and field). Exit code 0 if everything matched; 1 on any mismatch or "
                + "unreadable file (the other files are still checked); 2 if DIR is not a directory."})
final class ConformanceCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Folder of trace files, e.g. ../shared/spec/gridworlds/traces")
    Path dir;

    @Override
    public Integer call() throws IOException {
        require(Files.isDirectory(dir), "not a directory: " + dir);
        var out = out();
        Conformance.Report report = Conformance.checkDirectory(dir);
        int width = 12;
        for (Conformance.VariantResult r : report.variants()) {
            width = Math.max(width, r.variant().length());
        }
        for (Conformance.VariantResult r : report.variants()) {
            out.printf("%-" + width + "s  %4d/%-4d %s%n", r.variant(), r.matched(), r.total(),
                    r.passed() ? "ok" : "MISMATCH  first: " + r.firstMismatch());
        }
        for (Conformance.FileError e : report.errors()) {
            out.println("ERROR  " + e);
        }
        int matched = report.variants().stream().mapToInt(Conformance.VariantResult::matched).sum();
        if (report.variants().isEmpty() && report.errors().isEmpty()) {
            out.println("no trace files (*.jsonl.gz, *.jsonl) in " + dir);
            return 1;
        }
        out.printf("%d variants, %d of %d episodes matched exactly%s%n", report.variants().size(), matched,
                report.episodes(), report.errors().isEmpty() ? "" : ", " + report.errors().size() + " unreadable");
        return report.passed() ? 0 : 1;
    }
}
