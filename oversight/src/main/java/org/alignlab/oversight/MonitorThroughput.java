package org.alignlab.oversight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The change monitor's speed on a real history: each of the last commits' changes and its head's
 * test sources are read from git first (timed apart), then every change is judged several times
 * after one untimed round, so the figure is the monitor's own work, not git's.
 */
public final class MonitorThroughput {
    private MonitorThroughput() {
    }

    /**
     * What one measurement found.
     *
     * @param changes          commits judged (fewer than asked when the history is shorter)
     * @param files            files changed across them
     * @param readSeconds      reading the changes, test sources and main sources from git
     * @param nanos            every timed judgement, sorted
     * @param findingsPerRound findings over all changes in one round
     */
    public record Measurement(int changes, long files, double readSeconds, long[] nanos, long findingsPerRound) {
        public double changesPerSecond() {
            return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
        }

        public double medianMillis() {
            return nanos[nanos.length / 2] / 1e6;
        }

        public double slowestMillis() {
            return nanos[nanos.length - 1] / 1e6;
        }
    }

    private record Input(String base, String head, List<FileChange> changes, Map<String, String> tests,
                         Map<String, String> mains) {
    }

    /** Judges the last {@code commits} commits of {@code repo}, {@code rounds} timed times each. */
    public static Measurement measure(Path repo, int commits, int rounds) throws IOException {
        if (commits < 1 || rounds < 1) {
            throw new IllegalArgumentException("commits and rounds must be at least 1");
        }
        List<Input> inputs = new ArrayList<>();
        // A file's text read at many commits is kept once: most of a code base is the same from one commit to the next.
        Map<String, String> shared = new java.util.HashMap<>();
        java.util.function.UnaryOperator<Map<String, String>> dedupe = files -> {
            files.replaceAll((path, text) -> shared.computeIfAbsent(text, t -> t));
            return files;
        };
        long readStart = System.nanoTime();
        try (GitChanges git = GitChanges.open(repo)) {
            for (int i = 1; i <= commits; i++) {
                String base = "HEAD~" + i;
                String head = "HEAD~" + (i - 1);
                try {
                    inputs.add(new Input(git.resolve(base), git.resolve(head), git.between(base, head),
                            dedupe.apply(git.filesAt(head, FileChange::isTest)),
                            dedupe.apply(git.filesAt(head, FileChange::isMainSource))));
                } catch (IllegalArgumentException e) {
                    break; // the history is shorter
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(repo + " has no commit with a parent to judge");
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        ChangeMonitor monitor = new ChangeMonitor();
        long findings = 0;
        long[] nanos = new long[inputs.size() * rounds];
        int k = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            for (Input in : inputs) {
                long t0 = System.nanoTime();
                Report report = monitor.judge(repo.toString(), in.base(), in.head(), in.changes(), in.tests(),
                        in::mains, TaskStatement.NONE, ScopeManifest.ANY);
                if (round > 0) {
                    nanos[k++] = System.nanoTime() - t0;
                    findings += report.findings().size();
                }
            }
        }
        Arrays.sort(nanos);
        return new Measurement(inputs.size(), inputs.stream().mapToLong(in -> in.changes().size()).sum(), readSeconds,
                nanos, findings / rounds);
    }
}
