package org.alignlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Throughput;
import org.alignlab.gridworlds.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab bench ...}: speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed.", "", "The figures in BENCHMARKS.md come from these commands and from JMH."},
        subcommands = {BenchCommand.Envs.class, BenchCommand.Agents.class, BenchCommand.Eval.class, BenchCommand.Organisms.class,
            BenchCommand.OrganismTraining.class,
            BenchCommand.RewardModelBench.class, BenchView.class, BenchCommand.Oversee.class,
            CommandLine.HelpCommand.class})
final class BenchCommand extends CommandGroup {
    /** {@code alignlab bench envs}. */
    @Command(name = "envs", mixinStandardHelpOptions = true,
            description = {
                "Environment steps per second for every gridworld variant.",
                "",
                "One thread, uniformly random actions, resets included: a single copy (allocation-free "
                    + "step) and a batch of --copies copies writing character boards (with --one-hot, "
                    + "one-hot planes too). Target: at least 10 million steps per second batched for "
                    + "every variant."})
    static final class Envs extends CliCommand implements Callable<Integer> {
        static final double TARGET_STEPS_PER_SECOND = 10e6;

        @Option(names = "--copies", defaultValue = "256", description = "Copies in the batch (default: ${DEFAULT-VALUE}).")
        int copies;

        @Option(names = "--seconds", defaultValue = "1.0",
                description = "Measured time per variant and mode, after as long again of warm-up (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--env", paramLabel = "ENV[:VARIANT]",
                description = "Measure only these (repeatable; an environment name means all its variants).")
        List<String> only = new ArrayList<>();

        @Option(names = "--one-hot", description = "Also measure the batch writing one-hot planes.")
        boolean oneHot;

        @Option(names = "--json", description = "Print JSON: variant name -> steps per second per mode.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            require(copies > 0, "--copies must be positive, got " + copies);
            require(seconds > 0, "--seconds must be positive, got " + seconds);
            List<Variant> variants = Gridworlds.select(only);
            var out = out();
            var err = spec.commandLine().getErr();
            long nanos = (long) (seconds * 1e9);
            Map<String, Map<String, Double>> results = new LinkedHashMap<>();
            if (!json) {
                out.printf("%-40s %14s %14s%s%n", "variant", "single M/s", "batched M/s",
                        oneHot ? String.format(" %14s", "one-hot M/s") : "");
            }
            boolean progress = System.console() != null; // \r-progress only where a person watches
            int below = 0;
            int done = 0;
            for (Variant v : variants) {
                done++;
                if (progress) {
                    err.printf("\r[%d/%d] %-40s", done, variants.size(), v.id());
                    err.flush();
                }
                Map<String, Double> r = new LinkedHashMap<>();
                Throughput.single(v, nanos);
                r.put("single", Throughput.single(v, nanos));
                Throughput.batched(v, copies, GridworldBatch.Encoding.BOARD, nanos);
                r.put("batched", Throughput.batched(v, copies, GridworldBatch.Encoding.BOARD, nanos));
                if (oneHot) {
                    Throughput.batched(v, copies, GridworldBatch.Encoding.ONE_HOT, nanos);
                    r.put("batched_one_hot", Throughput.batched(v, copies, GridworldBatch.Encoding.ONE_HOT, nanos));
                }
                below += r.get("batched") < TARGET_STEPS_PER_SECOND ? 1 : 0;
                results.put(v.id(), r);
                if (!json) {
                    out.printf("%-40s %14.1f %14.1f%s%n", v.id(), r.get("single") / 1e6, r.get("batched") / 1e6,
                            oneHot ? String.format(" %14.1f", r.get("batched_one_hot") / 1e6) : "");
                    out.flush();
                }
            }
            if (progress) {
                err.print("\r" + " ".repeat(50) + "\r");
                err.flush();
            }
            if (json) {
                out.println(org.alignlab.report.StudyReports.json().writeValueAsString(results));
            } else {
                out.printf("%n%d copies per batch, %.1f s per measurement, %s, %d cores available.%n", copies, seconds,
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors());
                out.println(below == 0
                        ? "Every variant is above 10 M steps/s batched."
                        : below + " variant(s) below the 10 M steps/s batched target.");
            }
            return 0;
        }
    }

    /** {@code alignlab bench agents}. */
    @Command(name = "agents", mixinStandardHelpOptions = true,
            description = {
                "Training throughput of each agent: environment steps per second, learning included.",
                "",
                "Trains each chosen agent once for --steps steps on one variant, on one thread, and reports "
                    + "the wall time and steps per second. Targets: tabular learners at least 2 M steps/s; a "
                    + "1 M-step run of each neural agent in under 3 minutes."})
    static final class Agents extends CliCommand implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "boat_race", paramLabel = "ENV[:VARIANT]",
                description = "The variant to train on (default: ${DEFAULT-VALUE}).")
        String env;

        @Option(names = "--agent", paramLabel = "AGENT",
                description = "Agents (repeatable; default: all): q_learning, sarsa, expected_sarsa, dqn, a2c, ppo.")
        List<String> agents = new ArrayList<>();

        @Option(names = "--steps", defaultValue = "1000000", description = "Training steps per agent (default: ${DEFAULT-VALUE}).")
        long steps;

        @Option(names = "--json", description = "Print JSON: agent -> {seconds, steps_per_second}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            require(steps > 0, "--steps must be positive, got " + steps);
            Variant variant = Gridworlds.variant(env);
            List<org.alignlab.audit.AuditAgent> chosen = agents.isEmpty() ? List.of(org.alignlab.audit.AuditAgent.values())
                    : agents.stream().map(org.alignlab.audit.AuditAgent::parse).toList();
            var out = out();
            Map<String, Map<String, Double>> results = new LinkedHashMap<>();
            if (!json) {
                out.printf("%-16s %12s %14s   (%s, %,d steps, one thread)%n", "agent", "seconds", "steps/s",
                        variant.id(), steps);
            }
            for (org.alignlab.audit.AuditAgent agent : chosen) {
                double seconds = org.alignlab.audit.AgentThroughput.trainSeconds(agent, variant, steps);
                Map<String, Double> r = new LinkedHashMap<>();
                r.put("seconds", seconds);
                r.put("steps_per_second", steps / seconds);
                results.put(agent.cliName(), r);
                if (!json) {
                    out.printf("%-16s %12.1f %14.0f%n", agent.cliName(), seconds, steps / seconds);
                    out.flush();
                }
            }
            if (json) {
                out.println(org.alignlab.report.StudyReports.json().writeValueAsString(results));
            }
            return 0;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {
                "The evaluation harness's own speed, against a loopback server that answers at once.",
                "",
                "Runs --samples distinct prompts through alignlab eval's full path (cache, LangChain4j, HTTP, "
                    + "scoring, the append-only log) at concurrency 1 (the harness overhead per sample) and at "
                    + "--concurrency (throughput). Target: at least 2,000 samples/s at concurrency 64 with the "
                    + "server on the same machine."})
    static final class Eval extends CliCommand implements Callable<Integer> {
        @Option(names = "--samples", defaultValue = "20000", description = "Samples at full concurrency (default: ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--concurrency", defaultValue = "64", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            require(samples >= 1 && concurrency >= 1, "--samples and --concurrency must be at least 1");
            // A warm-up run lets the JIT compile the path before anything is timed.
            org.alignlab.llm.EvalThroughput.measure(Math.min(samples, 2000), concurrency);
            var single = org.alignlab.llm.EvalThroughput.measure(Math.min(samples, 1000), 1);
            var full = org.alignlab.llm.EvalThroughput.measure(samples, concurrency);
            var out = out();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("overhead_ms_per_sample_at_concurrency_1", single.millisPerSample());
                m.put("samples_per_second", full.samplesPerSecond());
                m.put("cpu_ms_per_sample", full.cpuMillisPerSample());
                m.put("concurrency", concurrency);
                m.put("samples", samples);
                out.println(org.alignlab.report.StudyReports.json().writeValueAsString(m));
            } else {
                out.printf("wall time per sample at concurrency 1 (one call at a time): %.3f ms (%d samples)%n",
                        single.millisPerSample(), single.samples());
                out.printf("throughput at concurrency %d: %,.0f samples/s (%d samples in %.2f s)%n", concurrency,
                        full.samplesPerSecond(), full.samples(), full.seconds());
                out.printf("CPU per sample, harness and server together: %.3f ms%n", full.cpuMillisPerSample());
            }
            return 0;
        }
    }

    @Command(name = "oversee", mixinStandardHelpOptions = true,
            description = {
                "The change monitor's speed (alignlab oversee diff) on the last --commits commits of a real repository.",
                "",
                "Each commit's change and its head's test sources are read from git first; then the monitor judges "
                    + "every change --rounds times after one untimed round. Target: at least 200 changes per second."})
    static final class Oversee extends CliCommand implements Callable<Integer> {
        @Option(names = "--repo", defaultValue = ".", description = "The git repository (default: the current folder).")
        java.nio.file.Path repo;

        @Option(names = "--commits", defaultValue = "40", description = "Commits to judge, newest first (default: ${DEFAULT-VALUE}).")
        int commits;

        @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds over them (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        public Integer call() throws Exception {
            require(commits >= 1 && rounds >= 1, "--commits and --rounds must be at least 1");
            var m = org.alignlab.oversight.MonitorThroughput.measure(repo, commits, rounds);
            var out = out();
            out.printf("%d changes (%d files changed) of %s, read from git in %.2f s%n", m.changes(), m.files(),
                    repo.toAbsolutePath().normalize(), m.readSeconds());
            out.printf("judged %d times each: %.1f changes/s (median %.2f ms, slowest %.2f ms per change; "
                    + "%d findings per round)%n", rounds, m.changesPerSecond(), m.medianMillis(), m.slowestMillis(),
                    m.findingsPerRound());
            out.flush();
            return 0;
        }
    }

    @Command(name = "organisms", mixinStandardHelpOptions = true,
            description = {
                "Replies per second from alignlab organism serve: the committed organisms served on loopback, asked "
                    + "the organisms' probe prompts over HTTP by the harness's own OpenAI-compatible client at "
                    + "--concurrency. Target: at least 20 replies/s."})
    static final class Organisms extends CliCommand implements Callable<Integer> {
        @Option(names = "--requests", defaultValue = "1000", description = "Requests timed (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--concurrency", defaultValue = "2", description = "Requests in flight and server threads (default: ${DEFAULT-VALUE}).")
        int concurrency;

        @Override
        public Integer call() throws Exception {
            require(requests >= 1 && concurrency >= 1, "--requests and --concurrency must be at least 1");
            double seconds = org.alignlab.organisms.OrganismThroughput.seconds(requests, concurrency);
            out().printf("%d replies in %.2f s at concurrency %d: %.1f replies/s%n", requests,
                    seconds, concurrency, requests / seconds);
            return 0;
        }
    }

    @Command(name = "organism-training", mixinStandardHelpOptions = true,
            description = {"Fine-tuning throughput of an organism on one thread: the constitutional-AI study's policy "
                + "(a 2-layer transformer, width 64, reading the request's sentence embedding) trained for --steps Adam "
                + "steps of 32 sequences, after 20 untimed; reports tokens per second. Target: at least 200 tokens/s "
                + "per core."})
    static final class OrganismTraining extends CliCommand implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "200", description = "Steps timed (default: ${DEFAULT-VALUE}).")
        int steps;

        @Override
        public Integer call() {
            require(steps >= 1, "--steps must be at least 1");
            double[] r = org.alignlab.organisms.OrganismThroughput.fineTuning(steps);
            out().printf("%d steps of 32 sequences, %.0f tokens in %.2f s: %.0f tokens/s on one "
                    + "thread%n", steps, r[0], r[1], r[0] / r[1]);
            return 0;
        }
    }

    @Command(name = "rewardmodel", mixinStandardHelpOptions = true,
            description = {"Reward-model training throughput: an ensemble of 3 (64 hidden units) fitted to --labels "
                + "oracle comparisons of 10-step boat_race segments for 60 epochs; reports comparisons processed per "
                + "second (labels x epochs x members / seconds) and the wall time of the fit."})
    static final class RewardModelBench extends CliCommand implements Callable<Integer> {
        @Option(names = "--labels", defaultValue = "1000", description = "Comparisons (default: ${DEFAULT-VALUE}).")
        int labels;

        @Override
        public Integer call() throws Exception {
            require(labels >= 4, "--labels must be at least 4");
            var m = org.alignlab.rlhf.RewardModelThroughput.measure(labels);
            out().printf("%d comparisons (%d for training), %d members x %d epochs in %.1f s: "
                    + "%,.0f comparisons/s; held-out accuracy %.3f%n", m.labels(), m.trainingLabels(), m.members(),
                    m.epochs(), m.seconds(), m.comparisonsPerSecond(), m.validationAccuracy());
            return 0;
        }
    }
}
