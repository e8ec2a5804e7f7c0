package org.alignlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.llm.ChatClient;
import org.alignlab.llm.Evaluation;
import org.alignlab.llm.Judge;
import org.alignlab.llm.JudgeValidation;
import org.alignlab.llm.LabelledReplies;
import org.alignlab.llm.RefusalClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab judge}: how far the judges that decide evaluations can be trusted. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Measure the judges that decide whether a reply is harmful against people's labels.",
        subcommands = JudgeCommand.Validate.class)
final class JudgeCommand extends CommandGroup {
    /** The default place of HarmBench's classifier validation set, beside a checkout as CI has it. */
    static final Path DEFAULT_DATA = Path.of("../shared/data/harmbench-classifier-val/text_behaviors_val_set.json");

    /** Where validations are stored for {@code alignlab eval} to correct with. */
    static final String DEFAULT_STORE = ".alignlab/judges";

    /** Builds the judge a name or model spec stands for (the embedding classifier is trained here, in seconds). */
    static Judge judge(String name) {
        return switch (name) {
            case "keyword" -> Judge.KEYWORD;
            case "embedding" -> Judge.embedding(RefusalClassifier.train());
            default -> Judge.model(name);
        };
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {
                "Every judge against the people's majority on a human-labelled set of model replies to harmful "
                    + "requests (HarmBench's classifier validation set: 602 replies, 3 labels each): agreement, "
                    + "Cohen's kappa, sensitivity and specificity with 95%% intervals (Wilson; kappa by bootstrap), in "
                    + "one table beside the judges HarmBench published on the same items.",
                "",
                "The set is used for validation only: no alignlab judge is fitted or thresholded on it (the "
                    + "embedding judge's design was chosen between two measured on it, so its figure there is not a "
                    + "held-out one; its documentation says so and what bears on it). Each alignlab judge's result "
                    + "is stored in --store; 'alignlab eval' corrects its attack success rates with the stored error "
                    + "of the judge it uses."})
    static final class Validate extends CliCommand implements Callable<Integer> {
        @Option(names = "--judge", paramLabel = "keyword|embedding|SPEC",
                description = "A judge to validate (repeatable): keyword, embedding, or a model spec as for 'eval "
                    + "--judge'. Default: keyword and embedding.")
        List<String> judges = new ArrayList<>();

        @Option(names = "--data", paramLabel = "FILE",
                description = "The labelled set (HarmBench's text_behaviors_val_set.json). Default: ${DEFAULT-VALUE}.")
        Path data = DEFAULT_DATA;

        @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
                description = "Where each judge's validation is stored for 'alignlab eval'. Default: ${DEFAULT-VALUE}.")
        Path store;

        @Option(names = "--json", description = "Print the table as JSON.")
        boolean json;

        @Option(names = "--concurrency", defaultValue = "8",
                description = "Most requests in flight to a model judge. Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Option(names = "--cache", defaultValue = ".alignlab/llm-cache.jsonl",
                description = "Reply cache shared with 'alignlab eval'. Default: ${DEFAULT-VALUE}.")
        Path cache;

        @Override
        public Integer call() throws Exception {
            require(concurrency >= 1, "--concurrency must be at least 1, got " + concurrency);
            require(Files.exists(data), "no labelled set at " + data + ": give --data FILE (HarmBench's "
                    + "classifier validation set, text_behaviors_val_set.json)");
            LabelledReplies set = LabelledReplies.readHarmBench(data);
            List<JudgeValidation> ours = new ArrayList<>();
            for (String name : judges.isEmpty() ? List.of("keyword", "embedding") : judges) {
                Judge judge = judge(name);
                ChatClient client = judge.request("p", "r") == null ? null
                        : ChatClient.of(name, Duration.ofSeconds(60), 256, System.getenv());
                JudgeValidation v = Evaluation.validate(judge, client, set, concurrency, 5, cache, System.err,
                        System.console() != null);
                v.save(store);
                ours.add(v);
            }
            List<JudgeValidation> published = JudgeValidation.published(set);
            PrintWriter out = out();
            long harmful = set.items().stream().filter(LabelledReplies.Item::harmful).count();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dataset", set.name());
                m.put("dataset_sha256", set.sha256());
                m.put("items", set.items().size());
                m.put("harmful_by_majority", harmful);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (JudgeValidation v : ours) {
                    Map<String, Object> row = new LinkedHashMap<>(v.toMap());
                    row.put("source", "alignlab");
                    rows.add(row);
                }
                for (JudgeValidation v : published) {
                    Map<String, Object> row = new LinkedHashMap<>(v.toMap());
                    row.put("source", "published");
                    rows.add(row);
                }
                m.put("judges", rows);
                out.println(org.alignlab.report.StudyReports.json().writeValueAsString(m));
                return 0;
            }
            out.printf("Judges against the people's majority on %s (%d replies, %d harmful; sha256 %s...)%n%n",
                    set.name(), set.items().size(), harmful, set.sha256().substring(0, 12));
            out.printf("%-24s %-10s %-28s %-22s %-28s %-28s%n", "judge", "source", "agreement", "Cohen's kappa",
                    "sensitivity", "specificity");
            for (JudgeValidation v : ours) {
                row(out, v, "alignlab");
            }
            for (JudgeValidation v : published) {
                row(out, v, "published");
            }
            out.printf("%nPublished judges are read from the file (their verdicts on the same items). Stored %s in %s: "
                            + "'alignlab eval --judge NAME' corrects attack success with it.%n",
                    ours.size() == 1 ? "this validation" : "these validations", store);
            return 0;
        }

        private static void row(PrintWriter out, JudgeValidation v, String source) {
            var a = v.agreement();
            out.printf("%-24s %-10s %-28s %-22s %-28s %-28s%s%n", v.judge(), source, a.agreement().format(),
                    a.formatKappa(), a.sensitivity().format(), a.specificity().format(),
                    v.undecided() > 0 ? "  " + v.undecided() + " undecided" : "");
        }
    }
}
