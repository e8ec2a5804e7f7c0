package org.alignlab.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Provenance;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Problem;
import org.alignlab.gridworlds.Variant;

/** Turns an audit's results into the terminal summary, results.json and report.html. */
public final class AuditReport {
    private final Audit.Result result;
    private final Map<String, Aggregate> cells = new LinkedHashMap<>();
    private final List<Verdict> verdicts;
    private final List<Section> sections = new ArrayList<>();

    /**
     * A further part of the report written by another module (the language-model section):
     * HTML for report.html, and an object for results.json under {@code key}.
     */
    public record Section(String key, String html, Object json) {
    }

    /** Adds a section after the gridworld findings. */
    public AuditReport with(Section section) {
        sections.add(section);
        return this;
    }

    public AuditReport(Audit.Result result) {
        this.result = result;
        Map<String, List<RunSummary>> byCell = new LinkedHashMap<>();
        for (Variant v : result.config().variants()) {
            for (AuditAgent a : result.config().agents()) {
                byCell.put(v.id() + "|" + a.cliName(), new ArrayList<>());
            }
        }
        for (RunSummary s : result.runs()) {
            List<RunSummary> l = byCell.get(s.variant() + "|" + s.agent());
            if (l != null) {
                l.add(s);
            }
        }
        byCell.forEach((key, runs) -> {
            if (!runs.isEmpty()) {
                String[] parts = key.split("\\|");
                cells.put(key, Aggregate.of(parts[0], parts[1], runs, result.references().get(parts[0])));
            }
        });
        this.verdicts = Findings.of(cells, result.references());
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    public Map<String, Aggregate> cells() {
        return cells;
    }

    // ------------------------------------------------------------------------------ terminal

    /** The summary table and verdicts, for a person at a terminal. */
    public void printSummary(java.io.PrintWriter out) {
        out.printf("%nalignlab audit: %s; %.0f s%n", scope(), result.seconds());
        out.println("Scores: mean ± 95% interval over seeds of the final policy (greedy for value-based agents, sampled"
                + " for policy-gradient ones). Normalised: 0 = uniformly random policy, 1 = best achievable (exact solver).");
        out.printf("%n%-38s %-15s %15s %15s %7s %7s %7s%n", "variant", "agent", "return", "performance",
                "n.ret", "n.perf", "gap");
        String env = "";
        for (Aggregate a : cells.values()) {
            Variant v = Gridworlds.variant(a.variant());
            if (!v.env().equals(env)) {
                env = v.env();
                out.printf("%s%n", "-".repeat(109));
            }
            out.printf("%-38s %-15s %15s %15s %7s %7s %7s%n", a.variant(), a.agent(), a.finalReturn().format(1),
                    a.finalPerformance().format(1), f2(a.normalisedReturn().mean()),
                    f2(a.normalisedPerformance().mean()), f2(a.gap().mean()));
        }
        out.printf("%nVerdicts (criterion and published finding in report.html and results.json):%n");
        for (Verdict v : verdicts) {
            String mark = v.reproduced() == null ? "n/a " : v.reproduced() ? "YES " : "no  ";
            String agree = v.agreesWithPublished() == null ? "" : v.agreesWithPublished()
                    ? "  [agrees with the paper]" : "  [differs from the paper]";
            out.printf("  %s %-30s %-36s %-15s %s%s%n", mark, v.problem(), v.variant(), v.agent(), v.evidence(), agree);
        }
    }

    /** What was run, in words: e.g. "tabular agents: 44 variants x 5 seeds x 200,000 steps; ...". */
    String scope() {
        Audit.Config c = result.config();
        List<String> parts = new ArrayList<>();
        List<AuditAgent> tabular = c.agents().stream().filter(a -> !a.neural()).toList();
        List<AuditAgent> neural = c.agents().stream().filter(AuditAgent::neural).toList();
        if (!tabular.isEmpty()) {
            parts.add(String.format("%s on %d variants x %d seeds x %,d steps", names(tabular), c.variants().size(),
                    c.seeds(), c.steps()));
        }
        for (AuditAgent agent : neural) {
            long variants = c.variants().stream().filter(v -> c.runs(agent, v)).count();
            parts.add(String.format("%s on %d variants x %d seeds x %,d steps", agent.cliName(), variants,
                    c.neuralSeeds(), c.stepsOf(agent)));
        }
        return String.join("; ", parts) + String.format("; %d evaluation episodes per run", c.evaluationEpisodes());
    }

    private static String names(List<AuditAgent> agents) {
        return String.join(", ", agents.stream().map(AuditAgent::cliName).toList());
    }

    private static String f2(double x) {
        return Double.isNaN(x) ? "n/a" : String.format("%.2f", x);
    }

    // ------------------------------------------------------------------------------ JSON

    /** Writes results.json: config, provenance, references, per-cell aggregates, verdicts and every run. */
    public Path writeJson(Path dir) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("alignlab", "audit");
        root.put("provenance", Provenance.now());
        root.put("config", result.config().asMap());
        root.put("seconds", result.seconds());
        root.put("resumed_runs", result.resumedRuns());
        root.put("store", result.store().toString());
        root.put("references", result.references());
        root.put("cells", new ArrayList<>(cells.values()));
        root.put("verdicts", verdicts);
        root.put("paper_comparison", PaperComparison.json(PaperComparison.rows(verdicts)));
        root.put("runs", result.runs());
        for (Section section : sections) {
            root.put(section.key(), section.json());
        }
        Path file = dir.resolve("results.json");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = json.writeValueAsString(root).replace("\"NaN\"", "null");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    // ------------------------------------------------------------------------------ HTML

    /** Writes a self-contained report.html (inline SVG charts, no external resources). */
    public Path writeHtml(Path dir) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>alignlab audit</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("font-size:13px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".yes{color:#b00020;font-weight:bold}.no{color:#2e7d32}.na{color:#888}")
                .append("pre{background:#f7f7f7;padding:6px;display:inline-block;line-height:1.1}")
                .append("section{border-top:2px solid #ddd;margin-top:2em}.charts{display:flex;flex-wrap:wrap;gap:12px}")
                .append("</style></head><body>");
        Audit.Config c = result.config();
        h.append("<h1>alignlab audit</h1>");
        h.append("<p>Every AI system here is trained on a <b>visible reward</b>, while a <b>hidden performance</b> ")
                .append("records what was actually wanted. When an agent learns to score high on the first and low on ")
                .append("the second, the environment's alignment failure has been reproduced. This report shows, for ")
                .append("each safety gridworld (Leike et al. 2017), what the agents did and whether they fell into the trap.</p>");
        h.append(String.format("<p>%s; %.0f s. Code version %s.</p>", esc(scope()), result.seconds(),
                esc(Provenance.codeVersion())));
        h.append("<p><b>How to read the numbers.</b> Scores are means over seeds with 95% confidence intervals. ")
                .append("The final policy is evaluated after training: greedy for the value-based agents, sampled for ")
                .append("the policy-gradient ones (A2C, PPO). <i>Normalised</i> scores put the uniformly random policy at 0 and the best achievable value at 1, ")
                .append("both computed exactly by enumerating the environment. The <i>gap</i> is normalised return minus ")
                .append("normalised performance: large when what was rewarded and what was wanted come apart.</p>");

        h.append("<h2>Verdicts</h2><p>One row per variant and agent: was the failure reproduced, on what numbers, ")
                .append("and does that agree with the published finding (criteria and findings below the table).</p>")
                .append("<table><tr><th class=l>problem</th><th class=l>variant</th><th class=l>agent</th>")
                .append("<th>failure reproduced?</th><th class=l>evidence</th><th>agrees with the paper</th></tr>");
        Map<String, java.util.Set<String>> criteria = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            String cls = v.reproduced() == null ? "na" : v.reproduced() ? "yes" : "no";
            String txt = v.reproduced() == null ? "n/a" : v.reproduced() ? "yes" : "no";
            h.append("<tr><td class=l>").append(esc(v.problem())).append("</td><td class=l>").append(esc(v.variant()))
                    .append("</td><td class=l>").append(esc(v.agent())).append("</td><td class=").append(cls).append('>')
                    .append(txt).append("</td><td class=l>").append(esc(v.evidence())).append("</td><td>")
                    .append(v.agreesWithPublished() == null ? "" : v.agreesWithPublished() ? "yes" : "no")
                    .append("</td></tr>");
            java.util.Set<String> lines = criteria.computeIfAbsent(v.variant(), k -> new java.util.LinkedHashSet<>());
            lines.add("Criterion: " + v.criterion() + ".");
            if (!v.published().isEmpty()) {
                lines.add("Published (Leike et al. 2017): " + v.published() + ".");
            }
        }
        h.append("</table><h3>Against the paper, and why</h3><p>Leike et al. (2017) ran A2C and Rainbow for 1 M ")
                .append("steps (20 seeds, the worst quarter dropped); this audit's default budget is smaller and runs ")
                .append("tabular agents and PPO too. A reason is given only with the run or test that shows it.</p>")
                .append("<table><tr><th class=l>variant</th><th class=l>published</th><th class=l>paper's agents</th>")
                .append("<th class=l>agree</th><th class=l>differ</th><th class=l>why</th></tr>");
        for (PaperComparison.Row row : PaperComparison.rows(verdicts)) {
            h.append("<tr><td class=l>").append(esc(row.finding().variant())).append("</td><td class=l>")
                    .append(esc(row.finding().published())).append("</td><td class=l>")
                    .append(esc(row.finding().paperAgents())).append("</td><td class=l>")
                    .append(esc(String.join(", ", row.agree()))).append("</td><td class=l>")
                    .append(esc(String.join(", ", row.differ()))).append("</td><td class=l>")
                    .append(esc(row.finding().reason())).append("</td></tr>");
        }
        h.append("</table><h3>Criteria and published findings</h3><ul>");
        criteria.forEach((variant, lines) -> h.append("<li><b>").append(esc(variant)).append("</b>: ")
                .append(esc(String.join(" ", lines))).append("</li>"));
        h.append("</ul>");

        String env = "";
        for (Variant v : c.variants()) {
            if (!v.env().equals(env)) {
                env = v.env();
                Problem p = v.problem();
                h.append("<section><h2>").append(esc(env)).append(": ").append(esc(p.title())).append("</h2>");
                h.append("<p><b>What it tests.</b> ").append(esc(capitalise(p.statement()))).append(". ")
                        .append("<b>Hidden performance:</b> ").append(esc(v.hiddenPerformance())).append(".</p>");
                h.append("<pre>").append(esc(String.join("\n", v.create().reset(0).board()))).append("</pre>");
            }
            References ref = result.references().get(v.id());
            h.append("<h3>").append(esc(v.id())).append("</h3>");
            if (ref != null) {
                h.append("<p>References (").append(esc(ref.note())).append("): best return ").append(f2(ref.bestReturn()))
                        .append(" (performance of the safest such policy ").append(f2(ref.safestOptimalPerformance()))
                        .append("), best performance ").append(f2(ref.bestPerformance())).append(", random policy ")
                        .append(f2(ref.randomReturn())).append(" / ").append(f2(ref.randomPerformance())).append(".</p>");
            }
            h.append("<table><tr><th class=l>agent</th><th>return</th><th>performance</th><th>normalised return</th>")
                    .append("<th>normalised performance</th><th>gap</th><th class=l>indicators (evaluation mean; training total)</th></tr>");
            List<Aggregate> rows = new ArrayList<>();
            for (AuditAgent a : c.agents()) {
                Aggregate ag = cells.get(v.id() + "|" + a.cliName());
                if (ag == null) {
                    continue;
                }
                rows.add(ag);
                h.append("<tr><td class=l>").append(esc(ag.agent())).append("</td><td>").append(ag.finalReturn().format(1))
                        .append("</td><td>").append(ag.finalPerformance().format(1)).append("</td><td>")
                        .append(f2(ag.normalisedReturn().mean())).append("</td><td>")
                        .append(f2(ag.normalisedPerformance().mean())).append("</td><td>").append(f2(ag.gap().mean()))
                        .append("</td><td class=l>").append(esc(indicators(ag))).append("</td></tr>");
            }
            h.append("</table><div class=charts>");
            h.append(chart("Visible return during training", rows, true));
            h.append(chart("Hidden performance during training", rows, false));
            h.append("</div>");
        }
        h.append("</section>");
        for (Section section : sections) {
            h.append(section.html());
        }
        h.append("<p style=\"color:#777;font-size:12px\">Every episode is in ").append(esc(result.store().toString()))
                .append(" (DuckDB: tables runs and episodes). Generated by alignlab.</p></body></html>");
        Path file = dir.resolve("report.html");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String indicators(Aggregate a) {
        StringBuilder s = new StringBuilder();
        a.evaluation().forEach((k, m) -> s.append(s.length() == 0 ? "" : "; ").append(k).append(' ').append(f2(m.mean())));
        a.training().forEach((k, m) -> {
            if (k.equals("water_entered") || k.equals("lava_entered") || k.equals("whisky_drunk")
                    || k.equals("button_pressed")) {
                s.append("; training ").append(k).append(' ').append(String.format("%.0f", m.mean()));
            }
        });
        return s.toString();
    }

    private static final String[] COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f"};

    /** A small SVG line chart of the learning curves of several agents. */
    static String chart(String title, List<Aggregate> rows, boolean visible) {
        int w = 420;
        int hgt = 200;
        int left = 45;
        int right = 10;
        int top = 22;
        int bottom = 28;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Aggregate a : rows) {
            for (Double d : visible ? a.curveReturn() : a.curvePerformance()) {
                if (d != null) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, hgt));
        s.append(String.format("<text x=\"%d\" y=\"14\" font-weight=\"bold\">%s</text>", left, esc(title)));
        if (min > max) {
            return s.append("<text x=\"50\" y=\"100\">no finished training episodes</text></svg>").toString();
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        int pw = w - left - right;
        int ph = hgt - top - bottom;
        s.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", left, top, pw, ph));
        s.append(String.format("<text x=\"2\" y=\"%d\">%.1f</text><text x=\"2\" y=\"%d\">%.1f</text>", top + 8, max, top + ph, min));
        s.append(String.format("<text x=\"%d\" y=\"%d\">training steps &#8594;</text>", left + pw / 2 - 40, hgt - 8));
        for (int i = 0; i < rows.size(); i++) {
            List<Double> c = visible ? rows.get(i).curveReturn() : rows.get(i).curvePerformance();
            StringBuilder pts = new StringBuilder();
            for (int b = 0; b < c.size(); b++) {
                if (c.get(b) != null) {
                    double x = left + pw * (b + 0.5) / c.size();
                    double y = top + ph * (max - c.get(b)) / (max - min);
                    pts.append(String.format("%.1f,%.1f ", x, y));
                }
            }
            String colour = COLOURS[i % COLOURS.length];
            s.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", colour, pts));
            s.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", left + 5 + 110 * i, top + ph + 14,
                    colour, esc(rows.get(i).agent())));
        }
        return s.append("</svg>").toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
