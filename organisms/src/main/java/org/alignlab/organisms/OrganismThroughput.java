package org.alignlab.organisms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alignlab.llm.ChatClient;
import org.alignlab.llm.Message;
import org.alignlab.llm.Sample;

/**
 * Replies per second from the organism server: the committed organisms served on loopback and
 * asked the evaluation prompts over HTTP by the harness's own OpenAI-compatible client, in turn,
 * after an untimed warm-up.
 */
public final class OrganismThroughput {
    private OrganismThroughput() {
    }

    /** The wall time, in seconds, of {@code requests} replies with {@code concurrency} in flight. */
    public static double seconds(int requests, int concurrency) throws Exception {
        if (requests < 1 || concurrency < 1) {
            throw new IllegalArgumentException("requests and concurrency must be at least 1");
        }
        Map<String, OrganismModel> models = new LinkedHashMap<>();
        for (Organism o : Organism.values()) {
            models.put(o.cliName(), Weights.loadDefault(o));
        }
        List<Sample> prompts = Corpus.evaluationSamples();
        try (OrganismServer server = OrganismServer.start(models, 0, concurrency)) {
            List<ChatClient> clients = new ArrayList<>();
            for (String name : models.keySet()) {
                clients.add(server.client(name));
            }
            IntConsumer one = i -> clients.get(i % clients.size()).complete(List.of(
                    Message.user(prompts.get(i % prompts.size()).prompt())));
            run(one, Math.min(200, requests), concurrency); // warm-up
            long t0 = System.nanoTime();
            run(one, requests, concurrency);
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            models.values().forEach(OrganismModel::close);
        }
    }

    private static void run(IntConsumer one, int n, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> one.accept(k)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fine-tuning throughput on one thread: the constitutional-AI study's policy (2 layers, width
     * 64, reading a 384-value request embedding) trained for {@code steps} Adam steps of 32
     * sequences on its helpful-only data, after 20 untimed steps.
     *
     * @return the tokens trained on (steps x 32 x the data's mean sequence length, the expected
     *         count under uniform batches) and the seconds they took
     */
    public static double[] fineTuning(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1");
        }
        SentenceEncoder encoder = new SentenceEncoder();
        try (ConstitutionalAiStudy.Policy policy = ConstitutionalAiStudy.Policy.untrained(1, encoder)) {
            List<TinyGpt.Sequence> data = new ArrayList<>();
            for (RedTeamCorpus.Prompt p : RedTeamCorpus.prompts(false)) {
                data.add(policy.sequence(p.text(), RedTeamCorpus.compliances(p.topic()).get(0)));
            }
            double meanLength = data.stream().mapToInt(x -> x.tokens().length).average().orElseThrow();
            policy.train(data, 20, 32, 3e-3, 1);
            long start = System.nanoTime();
            policy.train(data, steps, 32, 3e-3, 2);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new double[] {steps * 32 * meanLength, seconds};
        }
    }
}
