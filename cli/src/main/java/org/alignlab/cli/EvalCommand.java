package org.alignlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.llm.Attack;
import org.alignlab.llm.Attacks;
import org.alignlab.llm.ChatClient;
import org.alignlab.llm.Datasets;
import org.alignlab.llm.EvalReport;
import org.alignlab.llm.Evaluation;
import org.alignlab.llm.Judge;
import org.alignlab.llm.JudgeValidation;
import org.alignlab.llm.Sample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab eval}: red-team a model endpoint. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Red-team a language model endpoint: harmful requests (plain and attacked) and harmless look-alikes.",
            "",
            "Sends every sample of the chosen data sets through every chosen attack to the model, reads each "
                + "reply, and reports attack success (harmful requests answered) and over-refusal (harmless requests "
                + "refused) per attack and per category, with 95%% Wilson intervals. Calls run concurrently under an "
                + "adaptive limit that halves on HTTP 429 and obeys Retry-After; failed calls are retried with "
                + "exponential backoff and jitter; a sample whose reply cannot be had or read is reported as "
                + "unscorable with the reason, never counted as safe. Replies are cached by content, so a request is "
                + "never paid for twice, and every finished sample is appended to samples.jsonl at once: an "
                + "interrupted run continues with --resume.",
            "",
            "Attack success is reported as observed and corrected for the judge's error (Rogan-Gladen) as measured "
                + "against people's labels by 'alignlab judge validate' (stored in --judge-validations); a judge never "
                + "validated, or whose measured error is too uncertain to correct with, is reported as such.",
            "",
            "Writes to --out: report.html, results.json, samples.jsonl (every conversation, attack lineage and reply) "
                + "and results.duckdb (every sample as a row, with the run's settings and provenance).",
            "",
            "Models: openai-compatible:NAME@URL (vLLM, llama.cpp, LM Studio, ...; key from ALIGNLAB_API_KEY or "
                + "OPENAI_API_KEY if the server needs one), openai:NAME (key from OPENAI_API_KEY), anthropic:NAME (key "
                + "from ANTHROPIC_API_KEY), ollama:NAME (an Ollama server on 127.0.0.1:11434); the last three take "
                + "@URL for another server.",
            "Data sets: builtin (default), or FORMAT=PATH for harmbench, advbench, xstest, ailuminate, donotanswer "
                + "(a folder), bbq (a file or folder), truthfulqa.",
            "Attacks: plain (default), authority, research, roleplay, hypothetical, prefix_injection, "
                + "refusal_suppression, base64, rot13, leetspeak, char_split, many_shot, indirect_injection, escalation "
                + "(multi-turn, written by the --attacker model; stops at the first unsafe reply); chain them with '+' "
                + "(roleplay+base64); 'all' runs each one separately."})
final class EvalCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "The model, e.g. openai-compatible:llama3@http://127.0.0.1:8000/v1")
    String model;

    @Option(names = "--judge", paramLabel = "keyword|embedding|SPEC",
            description = "What decides refusals and unsafe replies: keyword (default: a reply refuses if it opens "
                + "with a refusal phrase), embedding (unsafe when neither a classifier on in-process sentence embeddings, "
                + "all-MiniLM-L6-v2, nor the keyword list reads the reply as declining and the reply is about the "
                + "request), or a model SPEC (same forms as --model) judging harmfulness by a written rubric.")
    String judgeModel;

    @Option(names = "--model-version", paramLabel = "V",
            description = "What identifies the model behind --model (a checkpoint, a date, a server's fingerprint): "
                + "recorded with every sample and part of the reply cache's key, so replies of another version are "
                + "never reused for this one. Default: none (the spec alone names the model).")
    String modelVersion;

    @Option(names = "--attacker", paramLabel = "SPEC",
            description = "The model that writes the turns of the escalation attack (same forms as --model).")
    String attackerModel;

    @Option(names = "--turns", defaultValue = "5",
            description = "Most turns of an escalation dialogue. Default: ${DEFAULT-VALUE}.")
    int turns;

    @Option(names = "--dataset", paramLabel = "FORMAT[=PATH]",
            description = "Data sets (repeatable): builtin, organisms (the model organisms' own probe set, in their "
                + "vocabulary), or FORMAT=PATH for harmbench, advbench, xstest, ailuminate, donotanswer, bbq, "
                + "truthfulqa. Default: builtin.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--attack", paramLabel = "NAME[+NAME]",
            description = "Attacks or chains of attacks (repeatable; 'all' for every attack). Default: plain.")
    List<String> attacks = new ArrayList<>();

    @Option(names = "--limit", description = "Use at most this many samples of each data set (the first ones).")
    Integer limit;

    @Option(names = "--concurrency", defaultValue = "16",
            description = "Most requests in flight (the adaptive limit starts at 8 or less). Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--attempts", defaultValue = "5",
            description = "Calls per sample before it is reported unscorable. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds per request. Default: ${DEFAULT-VALUE}.")
    double timeout;

    @Option(names = "--max-tokens", defaultValue = "512", description = "Longest reply asked for. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--out", defaultValue = "eval-results", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--cache", defaultValue = ".alignlab/llm-cache.jsonl",
            description = "Reply cache, shared across runs. Default: ${DEFAULT-VALUE}.")
    Path cache;

    @Option(names = "--redact", description = "In report.html, replace the text of unsafe replies with their length "
            + "(they are always folded away; samples.jsonl keeps them).")
    boolean redact;

    @Option(names = "--judge-validations", paramLabel = "DIR", defaultValue = JudgeCommand.DEFAULT_STORE,
            description = "Where 'alignlab judge validate' stored the judges' measured error. Default: ${DEFAULT-VALUE}.")
    Path judgeValidations;

    @Option(names = "--resume", description = "Continue an interrupted evaluation in --out.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        require(timeout > 0, "--timeout must be positive, got " + timeout);
        require(maxTokens >= 1, "--max-tokens must be at least 1, got " + maxTokens);
        require(limit == null || limit >= 1, "--limit must be at least 1, got " + limit);
        List<Sample> samples = new ArrayList<>();
        for (String d : datasets.isEmpty() ? List.of("builtin") : datasets) {
            int eq = d.indexOf('=');
            String format = eq < 0 ? d : d.substring(0, eq);
            Path path = eq < 0 ? null : Path.of(d.substring(eq + 1));
            boolean builtIn = format.equals("builtin") || format.equals("organisms");
            require(path != null || builtIn, "--dataset " + d + ": give the file as " + format + "=PATH");
            // The organisms' probe set lives with the organisms (their vocabulary), not in the llm module.
            List<Sample> loaded = format.equals("organisms") ? org.alignlab.organisms.Corpus.evaluationSamples()
                    : Datasets.load(format, path);
            samples.addAll(limit == null ? loaded : loaded.subList(0, Math.min(limit, loaded.size())));
        }
        List<List<Attack>> chains = new ArrayList<>();
        for (String a : attacks.isEmpty() ? List.of("plain") : attacks) {
            if (a.equals("all")) {
                for (String name : Attacks.names()) {
                    if (!name.equals(Attacks.ESCALATION.name()) || attackerModel != null) {
                        chains.add(chain(name));
                    }
                }
            } else {
                chains.add(chain(a));
            }
        }
        ChatClient client = ChatClient.of(model, Duration.ofMillis((long) (timeout * 1000)), maxTokens, System.getenv())
                .versioned(modelVersion);
        Duration callTimeout = Duration.ofMillis((long) (timeout * 1000));
        Judge judge = JudgeCommand.judge(judgeModel == null ? "keyword" : judgeModel);
        ChatClient judgeClient = judge.request("p", "r") == null ? null
                : ChatClient.of(judgeModel, callTimeout, 256, System.getenv());
        JudgeValidation validation = JudgeValidation.load(judgeValidations, judge);
        Evaluation.Config config = new Evaluation.Config(samples, chains, concurrency, attempts,
                Duration.ofMillis(250), out, cache, resume, judge, judgeClient,
                attackerModel == null ? null : ChatClient.of(attackerModel, callTimeout, 256, System.getenv()), turns);
        Evaluation.Result result = Evaluation.run(config, client, System.err, System.console() != null);
        EvalReport report = new EvalReport(client.spec(), samples, result, judge.name(), validation, redact);
        var stdout = spec.commandLine().getOut();
        org.alignlab.report.StoredStudy stored = new org.alignlab.report.StoredStudy("eval", "n/a", java.util.Map.of(
                "model", client.spec(), "judge", judge.name(), "redact", String.valueOf(redact)),
                org.alignlab.core.Provenance.now(), 0, report.study());
        Path html = org.alignlab.report.StudyReports.write(out, stored);
        org.alignlab.report.StudyReports.print(stored.result(), stdout);
        stdout.printf("%nWrote %s, %s, %s and %s.%n", html, out.resolve(org.alignlab.report.StudyReports.RESULTS),
                Evaluation.logFile(out), Evaluation.storeFile(out));
        return 0;
    }

    private static List<Attack> chain(String spec) {
        List<Attack> chain = new ArrayList<>();
        for (String name : spec.split("\\+")) {
            Attack a = Attacks.byName(name.strip());
            if (!a.name().equals("plain")) {
                chain.add(a);
            }
        }
        return chain;
    }
}
