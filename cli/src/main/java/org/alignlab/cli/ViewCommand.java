package org.alignlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.alignlab.web.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alignlab view}: a local web dashboard over stored results. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Serve a dashboard of the results in DIR... on http://127.0.0.1:PORT/ (this machine only): every "
            + "run found with its status, settings and provenance, each study's report, and transcripts of evaluations "
            + "and red-teaming with filters (attack, category, outcome, judge disagreement) and search, episode replay, "
            + "and preference labelling (/label). It reads the folders and writes only the labels given in the browser "
            + "(--labels); reload a page to see runs that finished since. Stop it with Ctrl-C."})
final class ViewCommand extends CliCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of results. Default: audit-results.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--port", defaultValue = "7070", description = "The port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--labels", defaultValue = "labels.duckdb", paramLabel = "FILE",
            description = "Where preference labels given in the browser are kept (the store 'alignlab label' uses). "
                + "Default: ${DEFAULT-VALUE}.")
    Path labels;

    @Override
    public Integer call() throws Exception {
        List<Path> roots = dirs.isEmpty() ? List.of(Path.of("audit-results")) : dirs;
        var out = out();
        try (Dashboard dashboard = Dashboard.start(roots, port, labels)) {
            dashboard.notes().forEach(n -> out.println(n + " Run 'alignlab audit' or 'alignlab study NAME' into it, then "
                    + "reload the page."));
            out.printf("alignlab view: %s (Ctrl-C to stop)%n", dashboard.url());
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dashboard.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
