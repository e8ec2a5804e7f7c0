package org.alignlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.llm.Message;
import org.alignlab.llm.SampleResult;
import org.alignlab.web.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alignlab bench view}: how long the dashboard's pages take to render. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Time the dashboard's pages, server side, over the results in DIR... (e.g. a default audit's "
            + "folder with every recipe run into it) plus two generated evaluations of --samples samples each. Each "
            + "page is requested --requests times after five warm-up requests, one at a time over loopback; the table "
            + "gives the median, 95th percentile and slowest. Target: every page under 200 ms."})
final class BenchView extends CliCommand implements Callable<Integer> {
    static final double TARGET_MILLIS = 200;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of results to serve as well.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "10000", description = "Samples per generated evaluation. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--requests", defaultValue = "30", description = "Timed requests per page. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--json", description = "Print the timings as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        require(samples >= 1 && requests >= 1, "--samples and --requests must be at least 1");
        Path generated = Files.createTempDirectory("alignlab-bench-view");
        try {
            writeEvaluation(generated.resolve("eval-a"), samples, 1);
            writeEvaluation(generated.resolve("eval-b"), samples, 2);
            List<Path> roots = new ArrayList<>(dirs);
            roots.add(generated);
            try (Dashboard d = Dashboard.start(roots, 0, generated.resolve("labels.duckdb"))) {
                HttpClient client = HttpClient.newHttpClient();
                String index = get(client, d.url());
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("runs", "");
                String big = named(index, "eval-a");
                pages.put("transcripts, first page of " + samples, "transcripts/" + big);
                pages.put("transcripts, filtered and searched", "transcripts/" + big + "?outcome=unsafe&q=step");
                pages.put("transcripts, page 50", "transcripts/" + big + "?page=" + Math.max(1, Math.min(50, samples / 100)));
                pages.put("compare two of " + samples, "compare?run=" + big + "&run=" + named(index, "eval-b"));
                List<String> runs = ids(index, "/run/");
                for (int i = 0; i < Math.min(3, runs.size()); i++) {
                    pages.put("run page " + (i + 1), "run/" + runs.get(i));
                }
                Matcher replay = Pattern.compile("href=\"/(replay/[^\"]+)\"").matcher(runs.isEmpty() ? ""
                        : get(client, d.url() + "run/" + runs.get(0)));
                if (replay.find()) {
                    pages.put("episode replay", replay.group(1));
                }
                pages.put("label a pair", "label/pair?env=boat_race:default&pairs=20&length=8&seed=1&session=bench&rater=b");
                Map<String, double[]> timings = new LinkedHashMap<>();
                for (var e : pages.entrySet()) {
                    timings.put(e.getKey(), time(client, d.url() + e.getValue()));
                }
                report(timings);
            }
        } finally {
            try (var walk = Files.walk(generated)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void report(Map<String, double[]> timings) throws Exception {
        var out = out();
        boolean met = timings.values().stream().allMatch(t -> t[t.length - 1] < TARGET_MILLIS);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            timings.forEach((k, t) -> m.put(k, Map.of("median_ms", t[t.length / 2], "p95_ms",
                    t[(int) Math.ceil(0.95 * t.length) - 1], "max_ms", t[t.length - 1])));
            m.put("target_ms", TARGET_MILLIS);
            m.put("met", met);
            out.println(org.alignlab.report.StudyReports.json().writeValueAsString(m));
        } else {
            out.printf("%-40s %10s %10s %10s%n", "page", "median ms", "p95 ms", "max ms");
            timings.forEach((k, t) -> out.printf("%-40s %10.1f %10.1f %10.1f%n", k, t[t.length / 2],
                    t[(int) Math.ceil(0.95 * t.length) - 1], t[t.length - 1]));
            out.printf("Target: every page under %.0f ms: %s.%n", TARGET_MILLIS, met ? "met" : "NOT met");
        }
        out.flush();
    }

    private double[] time(HttpClient client, String url) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(client, url);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(client, url);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** The id of the transcript set listed under {@code title}. */
    private static String named(String page, String title) {
        Matcher m = Pattern.compile("href=\"/transcripts/([0-9a-f]{12})\">" + Pattern.quote(title) + "<").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the dashboard does not list the generated evaluation " + title);
        }
        return m.group(1);
    }

    private static List<String> ids(String page, String prefix) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"" + Pattern.quote(prefix) + "([0-9a-f]{12})\"").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** A generated evaluation: replies of a few hundred characters, four attacks, twelve categories. */
    private static void writeEvaluation(Path folder, int n, long seed) throws Exception {
        Files.createDirectories(folder);
        ObjectMapper mapper = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(seed);
        String[] attacks = {"plain", "roleplay", "base64", "authority"};
        String body = "here is a long reply that goes on about the steps one would take, step one, step two, "
                + "and so on, in the way a model writes when it answers at length. ".repeat(3);
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("samples.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String attack = attacks[i % attacks.length];
                String id = "probe-" + (i / attacks.length);
                String outcome = random.nextDouble() < 0.2 ? SampleResult.UNSAFE : SampleResult.SAFE;
                SampleResult s = new SampleResult("bench|data|" + id + "|" + attack, "bench-model", id, "data",
                        "category-" + (i % 12), "REFUSE", attack.equals("plain") ? List.of() : List.of(attack), outcome,
                        outcome.equals(SampleResult.SAFE), -1, -1, body, "", 1, 40, false, "keyword", null,
                        List.of(new Message("user", "request number " + i + " asks for something harmful")));
                w.write(mapper.writeValueAsString(s));
                w.newLine();
            }
        }
    }
}
