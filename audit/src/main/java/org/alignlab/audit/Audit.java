package org.alignlab.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignlab.core.Progress;
import org.alignlab.core.Provenance;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.Sha256;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;

/**
 * The alignment audit: trains every agent on every chosen variant for every seed, evaluates the
 * final policies, and records every episode with provenance in the results store. Runs are
 * independent and run in parallel; each is recorded atomically, so an interrupted audit resumes
 * with exactly the unfinished runs.
 */
public final class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Audit() {
    }

    /**
     * Where neural agents run by default: one variant per environment, the one behind the paper's
     * finding where there is one. Neural agents on all 46 variants do not fit the default budget's
     * 10 minutes on two cores (a neural run costs 10 to 50 times a tabular one per step).
     */
    public static final List<String> MAIN_VARIANTS = List.of("boat_race:default", "tomato_watering:default",
            "tomato_crmdp:default", "absent_supervisor:random", "safe_interruptibility:level1",
            "side_effects_sokoban:level0", "conveyor_belt:vase", "distributional_shift:test_level1",
            "island_navigation:default", "whisky_gold:default", "friend_foe:adversary_persistent",
            "rocks_diamonds:level1");

    /**
     * @param variants           the variants to evaluate
     * @param agents             the agents to train
     * @param seeds              seeds per (variant, tabular agent): 0 .. seeds-1
     * @param steps              training steps per tabular run
     * @param neuralSeeds        seeds per (variant, neural agent)
     * @param neuralSteps        training steps per DQN run
     * @param policyGradientSteps training steps per A2C or PPO run
     * @param neuralVariants     the variants neural agents run on (null: all of {@code variants})
     * @param evaluationEpisodes evaluation episodes per run
     * @param threads            runs in parallel
     * @param out                output folder
     * @param resume             continue an interrupted audit in {@code out}
     * @param entropy            A2C's and PPO's entropy weight (empty: their default, a constant 0.01; one value: a
     *                           constant; two: falling linearly from the first to the second over 85% of the run, as
     *                           {@link org.alignlab.rl.neural.PpoConfig#exploring()}): how much they explore, on which
     *                           several of the paper's findings turn
     */
    public record Config(List<Variant> variants, List<AuditAgent> agents, int seeds, long steps, int neuralSeeds,
                         long neuralSteps, long policyGradientSteps, List<String> neuralVariants,
                         int evaluationEpisodes, int threads,
                         Path out, boolean resume, List<Double> entropy) {
        public Config {
            entropy = entropy == null ? List.of() : List.copyOf(entropy);
            if (entropy.size() > 2 || entropy.stream().anyMatch(w -> !(w >= 0 && w <= 1))) {
                throw new IllegalArgumentException("the entropy weight is one value (constant) or two (start, end), each "
                        + "from 0 to 1, got " + entropy);
            }
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("no environments chosen");
            }
            if (agents.isEmpty()) {
                throw new IllegalArgumentException("no agents chosen");
            }
            org.alignlab.core.study.Seeds.check(seeds);
            org.alignlab.core.study.Seeds.check(neuralSeeds);
            long fewest = Math.min(steps, Math.min(neuralSteps, policyGradientSteps));
            if (fewest < 1) {
                throw new IllegalArgumentException("steps must be at least 1, got " + fewest);
            }
            if (evaluationEpisodes < 1) {
                throw new IllegalArgumentException("evaluation episodes must be at least 1, got " + evaluationEpisodes);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /**
         * Runs with the same job name are interchangeable, so a resume may reuse them. "tabular-rows-kept" marks runs
         * made after the tabular agents' action-value table stopped moving rows as it grew: a resume does not mix in
         * runs from before that fix.
         */
        String job() {
            return "audit/tabular-rows-kept/steps=" + steps + "/dqn-steps=" + neuralSteps + "/pg-steps=" + policyGradientSteps
                    + "/eval=" + evaluationEpisodes + (entropy.isEmpty() ? "" : "/entropy=" + entropy);
        }

        /** Whether {@code agent} runs on {@code v}. */
        boolean runs(AuditAgent agent, Variant v) {
            return !agent.neural() || neuralVariants == null || neuralVariants.contains(v.id());
        }

        int seedsOf(AuditAgent agent) {
            return agent.neural() ? neuralSeeds : seeds;
        }

        long stepsOf(AuditAgent agent) {
            if (!agent.neural()) {
                return steps;
            }
            return agent == AuditAgent.DQN ? neuralSteps : policyGradientSteps;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variants", variants.stream().map(Variant::id).toList());
            m.put("agents", agents.stream().map(AuditAgent::cliName).toList());
            m.put("seeds", seeds);
            m.put("steps", steps);
            m.put("neural_seeds", neuralSeeds);
            m.put("dqn_steps", neuralSteps);
            m.put("policy_gradient_steps", policyGradientSteps);
            m.put("neural_variants", neuralVariants);
            m.put("evaluation_episodes", evaluationEpisodes);
            m.put("threads", threads);
            if (!entropy.isEmpty()) {
                m.put("entropy", entropy);
            }
            return m;
        }
    }

    /** One run still to do. */
    private record RunSpec(Variant variant, AuditAgent agent, int seed) {
    }

    /** Everything an audit produced. */
    public record Result(Config config, Map<String, References> references, List<RunSummary> runs,
                         int resumedRuns, double seconds, Path store) {
    }

    /** The variant an agent trains on to be evaluated on {@code v}: test levels train on the training level. */
    static Variant trainingVariant(Variant v) {
        if (v.env().equals("distributional_shift") && v.name().startsWith("test")) {
            return Gridworlds.variant("distributional_shift:train");
        }
        return v;
    }

    /**
     * Runs the audit.
     *
     * @throws IllegalArgumentException if the output folder cannot be used (before any work)
     */
    public static Result run(Config config, PrintStream log, boolean terminal) throws IOException, SQLException,
            InterruptedException, ExecutionException {
        long start = System.nanoTime();
        Path storeFile = preflight(config);
        try (ResultsStore store = openStore(storeFile)) {
            Map<String, String> finished = store.summaries(config.job(), RUN_KIND);
            log.printf("Solving %d variants exactly for the reference points ...%n", config.variants().size());
            Map<String, References> references = references(config);

            List<RunSpec> todo = new ArrayList<>();
            List<RunSummary> runs = new ArrayList<>();
            int resumed = 0;
            for (Variant v : config.variants()) {
                for (AuditAgent agent : config.agents()) {
                    if (!config.runs(agent, v)) {
                        continue;
                    }
                    for (int seed = 0; seed < config.seedsOf(agent); seed++) {
                        String key = runKey(config, v, agent, seed);
                        String done = finished.get(key);
                        if (done != null) {
                            runs.add(JSON.readValue(done, RunSummary.class));
                            resumed++;
                        } else {
                            todo.add(new RunSpec(v, agent, seed));
                        }
                    }
                }
            }
            if (resumed > 0) {
                log.printf("Resuming: %d runs already recorded, %d to go.%n", resumed, todo.size());
            }
            Progress progress = new Progress(log, "audit", todo.size(), terminal);
            String configJson = JSON.writeValueAsString(config.asMap());
            ExecutorService pool = Executors.newFixedThreadPool(config.threads());
            try {
                // The neural runs, each hundreds of times a tabular one, start first, so that the short ones fill
                // the pool's last minutes instead of a lone long run; results are still gathered in the listed order.
                List<Future<RunSummary>> futures = new ArrayList<>(java.util.Collections.nCopies(todo.size(), null));
                List<Integer> longestFirst = new ArrayList<>(java.util.stream.IntStream.range(0, todo.size()).boxed()
                        .toList());
                longestFirst.sort(java.util.Comparator.comparing(i -> !todo.get(i).agent().neural()));
                for (int i : longestFirst) {
                    RunSpec t = todo.get(i);
                    futures.set(i, pool.submit(() -> {
                        RunSummary s = runOne(config, t.variant(), t.agent(), t.seed(), store, configJson);
                        progress.step(t.variant().id() + " " + t.agent().cliName() + " seed " + t.seed());
                        return s;
                    }));
                }
                for (Future<RunSummary> f : futures) {
                    runs.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            return new Result(config, references, runs, resumed, (System.nanoTime() - start) / 1e9, storeFile);
        }
    }

    /**
     * Checks, before any work, that the output folder can be used: it can be made and written, its
     * store is of a version this code reads, and it holds no finished run unless the audit resumes.
     * Returns the store's file.
     *
     * @throws IllegalArgumentException if it cannot
     */
    public static Path preflight(Config config) throws SQLException {
        Path storeFile = prepareOutput(config);
        try (ResultsStore store = openStore(storeFile)) {
            int finished = store.summaries(config.job(), RUN_KIND).size();
            if (finished > 0 && !config.resume()) {
                throw new IllegalArgumentException(config.out() + " already holds " + finished
                        + " finished runs of this audit; pass --resume to continue it, or choose another --out");
            }
        }
        return storeFile;
    }

    private static Path prepareOutput(Config config) {
        Path out = config.out();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + out + ": " + e.getMessage());
        }
        if (!Files.isWritable(out)) {
            throw new IllegalArgumentException("output folder " + out + " is not writable");
        }
        return out.resolve("results.duckdb");
    }

    private static Map<String, References> references(Config config) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            Map<String, Future<References>> futures = new LinkedHashMap<>();
            for (Variant v : config.variants()) {
                futures.put(v.id(), pool.submit(() -> References.of(v)));
            }
            Map<String, References> out = new LinkedHashMap<>();
            for (Map.Entry<String, Future<References>> e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static String runKey(Config config, Variant v, AuditAgent agent, int seed) {
        return config.job() + "|" + v.id() + "|" + agent.cliName() + "|" + seed;
    }

    private static RunSummary runOne(Config config, Variant v, AuditAgent agent, int seed, ResultsStore store,
                                     String configJson) throws IOException, SQLException {
        long t0 = System.nanoTime();
        Variant train = trainingVariant(v);
        EpisodeLog training = new EpisodeLog();
        EpisodeLog evaluation = new EpisodeLog().keepActions(1); // the first episode, to replay
        long steps = config.stepsOf(agent);
        // The final policy is kept under policies/, named by the run, to be played again from any seed.
        String policy = "policies/" + Sha256.hex(runKey(config, v, agent, seed)).substring(0, 16) + ".policy";
        Path policyFile = config.out().resolve(policy);
        int states = agent.run(train, v, steps, seed, config.entropy(), config.evaluationEpisodes(), training, evaluation,
                policyFile);
        double seconds = (System.nanoTime() - t0) / 1e9;
        RunSummary summary = RunSummary.of(v.id(), train.id(), agent.cliName(), seed, steps, seconds,
                training, evaluation, states, policy, Sha256.hex(Files.readAllBytes(policyFile)));
        List<ResultsStore.Sample> episodes = new ArrayList<>(training.size() + evaluation.size());
        addEpisodes(episodes, "train", training);
        addEpisodes(episodes, "eval", evaluation);
        store.recordRun(new ResultsStore.Run(runKey(config, v, agent, seed), config.job(), RUN_KIND, seed, configJson,
                JSON.writeValueAsString(Provenance.now()), JSON.writeValueAsString(summary)), episodes);
        return summary;
    }

    /** Each episode as a sample: scored on the visible return (specified) and the hidden performance (intended). */
    private static void addEpisodes(List<ResultsStore.Sample> out, String phase, EpisodeLog log) throws IOException {
        List<String> names = new ArrayList<>();
        log.indicatorNames().forEach(names::add);
        for (int i = 0; i < log.size(); i++) {
            // Written field by field: an audit records millions of episodes, and building a map for each was a
            // tenth of the gridworld part's time. The text is what serialising the map gave.
            StringWriter payload = new StringWriter(96);
            try (JsonGenerator g = JSON.getFactory().createGenerator(payload)) {
                g.writeStartObject();
                g.writeStringField("phase", phase);
                g.writeNumberField("episode", i);
                g.writeNumberField("end_step", log.endStep(i));
                g.writeNumberField("length", log.length(i));
                g.writeObjectFieldStart("indicators");
                for (String name : names) {
                    g.writeNumberField(name, log.indicator(name, i));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            out.add(new ResultsStore.Sample(out.size(), phase + "/" + i, log.visibleReturn(i), log.performance(i),
                    payload.toString()));
        }
    }

    /** The kind of the audit's runs in the results store: each an agent trained and evaluated on a variant. */
    public static final String RUN_KIND = "gridworld.run";

    /**
     * Opens the results store at {@code file} with the audit's views: {@code gridworld_runs} (one row a
     * run) and {@code gridworld_episodes} (one row an episode, training then evaluation).
     */
    public static ResultsStore openStore(Path file) throws SQLException {
        return ResultsStore.open(file, "CREATE OR REPLACE VIEW gridworld_runs AS SELECT run_id, study AS job, "
                + "summary->>'variant' AS variant, summary->>'agent' AS agent, seed, config, provenance, summary, "
                + "recorded_at FROM runs WHERE kind = '" + RUN_KIND + "'",
                "CREATE OR REPLACE VIEW gridworld_episodes AS SELECT s.run_id, s.payload->>'phase' AS phase, "
                + "CAST(s.payload->>'episode' AS INTEGER) AS episode, CAST(s.payload->>'end_step' AS BIGINT) AS end_step, "
                + "s.specified AS visible_return, s.intended AS performance, "
                + "CAST(s.payload->>'length' AS INTEGER) AS length, s.payload->'indicators' AS indicators "
                + "FROM samples s JOIN runs r USING (run_id) WHERE r.kind = '" + RUN_KIND + "'");
    }
}
