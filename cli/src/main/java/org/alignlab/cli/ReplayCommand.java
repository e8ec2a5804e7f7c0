package org.alignlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.llm.ChatClient;
import org.alignlab.llm.Evaluation;
import org.alignlab.llm.SampleResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alignlab replay}: send a recorded conversation again. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay one recorded sample of an evaluation: send exactly the conversation that was sent (every turn "
                + "of a multi-turn attack included) to the same model, or to --model, bypassing the cache, and show "
                + "the recorded reply next to the new one.",
            "",
            "SAMPLE is a sample id, optionally with its attack lineage as SAMPLE/LINEAGE (e.g. probe-iwp-harm-1/"
                + "roleplay+base64); without a lineage the sample must have been run under one attack only."})
final class ReplayCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "The evaluation's output folder.")
    Path out;

    @Parameters(index = "1", paramLabel = "SAMPLE", description = "The sample id, or SAMPLE/LINEAGE.")
    String sample;

    @Option(names = "--model", paramLabel = "SPEC", description = "Send to this model instead of the recorded one.")
    String model;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds for the call. Default: ${DEFAULT-VALUE}.")
    double timeout;

    @Override
    public Integer call() throws Exception {
        int slash = sample.indexOf('/');
        String id = slash < 0 ? sample : sample.substring(0, slash);
        String lineage = slash < 0 ? null : sample.substring(slash + 1);
        List<SampleResult> matches = Evaluation.records(out).stream()
                .filter(r -> r.sampleId().equals(id) && (lineage == null || r.lineage().equals(lineage))).toList();
        require(!matches.isEmpty(), "no sample '" + sample + "' in " + out);
        if (matches.size() > 1) {
            throw new IllegalArgumentException("sample '" + id + "' was run under several attacks ("
                    + String.join(", ", matches.stream().map(SampleResult::lineage).toList())
                    + "); name one as " + id + "/LINEAGE");
        }
        SampleResult r = matches.get(0);
        require(r.messages() != null && !r.messages().isEmpty(), "sample '" + sample + "' has no recorded conversation "
                + "(its call failed before anything was sent, or the log predates recorded conversations)");
        String target = model == null ? r.model() : model;
        ChatClient client = ChatClient.of(target, Duration.ofMillis((long) (timeout * 1000)), 512, System.getenv());
        String reply = client.complete(r.messages());
        var o = spec.commandLine().getOut();
        o.printf("Sample %s under %s, %d message(s) sent to %s.%n%n", r.sampleId(), r.lineage(), r.messages().size(),
                target);
        o.printf("Recorded reply (%s):%n%s%n%nReply now:%n%s%n", r.outcome(), r.reply(), reply);
        return 0;
    }
}
