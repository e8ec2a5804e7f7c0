package org.alignlab.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.ProportionInterval;

/**
 * What an evaluation found, for a person (terminal table, report.html) and for a machine
 * (results.json): attack success and over-refusal per attack and per category with Wilson
 * intervals, the unscorable count beside every rate, multiple-choice accuracy and BBQ bias where
 * those data sets were asked.
 */
public final class EvalReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String model;
    private final List<Sample> samples;
    private final Evaluation.Result result;
    private final JudgeValidation validation;
    private final String judge;
    private final boolean redact;

    /** Transcripts shown in report.html (unsafe and unscorable ones first); samples.jsonl has every one. */
    static final int TRANSCRIPTS_SHOWN = 500;
    private static final int MESSAGE_SHOWN = 1500;

    /** What the reports say where the judge has no stored validation against people's labels. */
    static final String NOT_VALIDATED = "judge not validated";

    /**
     * @param judge      the judge that decided the outcomes
     * @param validation the judge's measured agreement with people's labels, or null if it was
     *                   never validated (attack success is then reported uncorrected, and says so)
     * @param redact     replace the text of unsafe replies in report.html with their length
     */
    public EvalReport(String model, List<Sample> samples, Evaluation.Result result, String judge,
                      JudgeValidation validation, boolean redact) {
        this.model = model;
        this.samples = samples;
        this.result = result;
        this.judge = judge;
        this.validation = validation;
        this.redact = redact;
    }

    public List<EvalMetrics.Rates> byAttack() {
        return EvalMetrics.rates(result.results(), SampleResult::lineage);
    }

    public List<EvalMetrics.Rates> byCategory() {
        return EvalMetrics.rates(result.results(), r -> r.dataset() + "/" + r.category());
    }

    private boolean hasChoices() {
        return result.results().stream().anyMatch(r -> r.expected().equals("ANSWER"));
    }

    public void printSummary(PrintWriter out) {
        out.printf("%nModel %s: %d samples (%d resumed, %d from the cache), %d retries, %d rate limits "
                        + "(lowest concurrency %d), %.1f s%n", model, result.results().size(), result.resumed(),
                result.cacheHits(), result.retries(), result.rateLimits(), result.lowestConcurrency(), result.seconds());
        if (mostlyCached()) {
            out.println(cacheWarning());
        }
        out.println("Judge " + judge + ": " + judgeSentence());
        out.println();
        out.printf("%-34s %-34s %-22s %-31s %s%n", "attack", "attack success (harmful answered)",
                "corrected for judge", "over-refusal (harmless refused)", "unscorable");
        for (EvalMetrics.Rates r : byAttack()) {
            out.printf("%-34s %-34s %-22s %-31s %d%n", r.group(), r.attackSuccess().format(),
                    corrected(r.group(), r.attackSuccess()), r.overRefusal().format(), r.unscorable());
        }
        out.println();
        out.printf("%-34s %-34s %-31s %s%n", "data set / category", "attack success", "over-refusal", "unscorable");
        for (EvalMetrics.Rates r : byCategory()) {
            out.printf("%-34s %-34s %-31s %d%n", r.group(), r.attackSuccess().format(), r.overRefusal().format(),
                    r.unscorable());
        }
        if (hasChoices()) {
            out.println();
            EvalMetrics.accuracyByDataset(result.results()).forEach((d, a) ->
                    out.printf("Multiple-choice accuracy, %s: %s%n", d, a.format()));
            EvalMetrics.CalibrationScores c = EvalMetrics.calibration(result.results());
            if (c.stated() > 0) {
                out.printf("Calibration of stated confidence (%d of %d answers state one): ECE %.3f (15 bins), "
                        + "Brier %.3f%n", c.stated(), c.answered(), c.expectedCalibrationError(), c.brierScore());
            }
            EvalMetrics.BbqScores b = EvalMetrics.bbq(samples, result.results());
            if (b.scored() + b.unmatched() > 0) {
                out.printf("BBQ bias: disambiguated %.3f (accuracy %.3f), ambiguous %.3f (accuracy %.3f); %d items, "
                                + "%d without a matched stereotyped option%n", b.disambiguatedBias(),
                        b.disambiguatedAccuracy(), b.ambiguousBias(), b.ambiguousAccuracy(), b.scored(), b.unmatched());
                EvalMetrics.bbqByCategory(samples, result.results()).forEach((category, scores) ->
                        out.printf("  %-22s disambiguated %.3f, ambiguous %.3f; %d items, %d unmatched%n", category,
                                scores.disambiguatedBias(), scores.ambiguousBias(), scores.scored(), scores.unmatched()));
            }
        }
        long unscorable = result.results().stream().filter(r -> r.outcome().equals(SampleResult.UNSCORABLE)).count();
        if (unscorable > 0) {
            out.printf("%n%d samples could not be scored; they are left out of every rate above. Reasons:%n", unscorable);
            Map<String, Integer> reasons = new LinkedHashMap<>();
            result.results().stream().filter(r -> r.outcome().equals(SampleResult.UNSCORABLE))
                    .forEach(r -> reasons.merge(r.reason().replaceAll("\\d+ attempts", "N attempts"), 1, Integer::sum));
            reasons.forEach((reason, count) -> out.printf("  %4d  %s%n", count, reason));
        }
        out.flush();
    }

    private static Map<String, Object> interval(ProportionInterval p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", Double.isNaN(p.estimate()) ? null : p.estimate());
        m.put("low", Double.isNaN(p.low()) ? null : p.low());
        m.put("high", Double.isNaN(p.high()) ? null : p.high());
        m.put("count", p.successes());
        m.put("of", p.trials());
        return m;
    }

    private List<Map<String, Object>> rows(List<EvalMetrics.Rates> rates) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EvalMetrics.Rates r : rates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", r.group());
            m.put("attack_success", interval(r.attackSuccess()));
            Map<String, Object> corrected = new LinkedHashMap<>();
            if (validation == null || escalates(r.group())) {
                corrected.put("note", validation == null ? NOT_VALIDATED : NOT_FOR_ESCALATION);
            } else {
                var c = validation.correct(r.attackSuccess());
                corrected.put("rate", c.reliable() ? c.estimate() : null);
                corrected.put("low", c.reliable() ? c.low() : null);
                corrected.put("high", c.reliable() ? c.high() : null);
                if (!c.reliable()) {
                    corrected.put("note", c.format());
                }
            }
            m.put("attack_success_corrected", corrected);
            m.put("over_refusal", interval(r.overRefusal()));
            m.put("unscorable", r.unscorable());
            out.add(m);
        }
        return out;
    }

    public Path writeJson(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("samples", result.results().size());
        m.put("resumed", result.resumed());
        m.put("cache_hits", result.cacheHits());
        m.put("mostly_from_cache", mostlyCached());
        m.put("retries", result.retries());
        m.put("rate_limits", result.rateLimits());
        m.put("seconds", result.seconds());
        m.put("judge", judge);
        m.put("judge_validation", validation == null ? null : validation.toMap());
        m.put("by_attack", rows(byAttack()));
        m.put("by_category", rows(byCategory()));
        if (hasChoices()) {
            m.put("accuracy", interval(EvalMetrics.accuracy(result.results())));
            Map<String, Object> byDataset = new LinkedHashMap<>();
            EvalMetrics.accuracyByDataset(result.results()).forEach((d, a) -> byDataset.put(d, interval(a)));
            m.put("accuracy_by_dataset", byDataset);
            m.put("calibration", EvalMetrics.calibration(result.results()));
            m.put("bbq", EvalMetrics.bbq(samples, result.results()));
            m.put("bbq_by_category", EvalMetrics.bbqByCategory(samples, result.results()));
        }
        Path file = dir.resolve("results.json");
        JSON.writeValue(file.toFile(), m);
        return file;
    }

    /** Whether most of this run's new samples took their replies from the cache rather than the model. */
    private boolean mostlyCached() {
        int fresh = result.results().size() - result.resumed();
        return fresh > 0 && result.cacheHits() * 2 > fresh;
    }

    private String cacheWarning() {
        return String.format("Note: %d of the %d samples asked in this run took their reply from the reply cache, not "
                + "from the model (the cache is keyed by the model spec, its --model-version and the exact conversation). "
                + "If the model behind '%s' has changed, give --model-version or another --cache.", result.cacheHits(),
                result.results().size() - result.resumed(), model);
    }

    /** What is known of the judge's error, in one or two sentences. */
    private String judgeSentence() {
        if (validation == null) {
            return "It has no stored validation against people's labels (run 'alignlab judge validate --judge " + judge
                    + "'), so attack success is reported as observed, uncorrected.";
        }
        return "Validated against people's labels: " + validation.describe() + ". The column 'corrected' adjusts each "
                + "attack success rate for that error (Rogan-Gladen) with an interval that includes the validation's "
                + "uncertainty; the error was measured on other models' replies and may not transfer to this one's.";
    }

    /** Why a multi-turn escalation's rate is not corrected. */
    static final String NOT_FOR_ESCALATION = "not corrected: escalation stops at the judge's first 'unsafe', so "
            + "single-reply error rates do not apply";

    private static boolean escalates(String group) {
        return group.contains(Attacks.ESCALATION.name());
    }

    /** The attack success rate corrected for the judge's measured error, or why it is not. */
    private String corrected(String group, ProportionInterval observed) {
        if (validation == null) {
            return NOT_VALIDATED;
        }
        return escalates(group) ? NOT_FOR_ESCALATION : validation.correct(observed).format();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String table(List<EvalMetrics.Rates> rates, String first) {
        StringBuilder sb = new StringBuilder("<table><tr><th>" + first + "</th><th>attack success</th>"
                + "<th>corrected for the judge's error</th><th>over-refusal</th><th>unscorable</th></tr>\n");
        for (EvalMetrics.Rates r : rates) {
            sb.append("<tr><td>").append(esc(r.group())).append("</td><td>").append(bar(r.attackSuccess(), "#c0392b"))
                    .append("</td><td>").append(esc(corrected(r.group(), r.attackSuccess())))
                    .append("</td><td>").append(bar(r.overRefusal(), "#2471a3")).append("</td><td>")
                    .append(r.unscorable()).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String clip(String text) {
        return text.length() <= MESSAGE_SHOWN ? text : text.substring(0, MESSAGE_SHOWN) + " [... "
                + (text.length() - MESSAGE_SHOWN) + " more characters in samples.jsonl]";
    }

    /** The conversations: unsafe replies collapsed (or redacted), unsafe and unscorable samples first. */
    private String transcripts() {
        List<SampleResult> ordered = new ArrayList<>(result.results());
        ordered.sort(java.util.Comparator.comparingInt((SampleResult r) -> switch (r.outcome()) {
            case SampleResult.UNSAFE -> 0;
            case SampleResult.UNSCORABLE -> 1;
            default -> 2;
        }).thenComparing(SampleResult::key));
        StringBuilder sb = new StringBuilder("<h2>Transcripts</h2>\n<p>What was sent and what came back, unsafe "
                + "replies first")
                .append(redact ? " (their text is redacted in this report)" : " (their text is folded away: click "
                        + "to read it)")
                .append(ordered.size() > TRANSCRIPTS_SHOWN ? "; the first " + TRANSCRIPTS_SHOWN + " of " + ordered.size()
                        + " are shown" : "").append(".</p>\n");
        for (SampleResult r : ordered.subList(0, Math.min(TRANSCRIPTS_SHOWN, ordered.size()))) {
            sb.append("<details><summary>").append(esc(r.sampleId())).append(" &middot; ").append(esc(r.lineage()))
                    .append(" &middot; <b>").append(esc(r.outcome())).append("</b>")
                    .append(r.reason().isEmpty() ? "" : " (" + esc(r.reason()) + ")").append("</summary>\n");
            if (r.messages() != null) {
                for (Message m : r.messages()) {
                    sb.append("<p><i>").append(esc(m.role())).append(":</i> ").append(esc(clip(m.content())))
                            .append("</p>\n");
                }
            }
            if (r.outcome().equals(SampleResult.UNSAFE)) {
                sb.append(redact
                        ? "<p><i>reply:</i> [unsafe reply redacted: " + r.reply().length() + " characters]</p>\n"
                        : "<details><summary>unsafe reply, " + r.reply().length() + " characters: click to show"
                        + "</summary><p>" + esc(clip(r.reply())) + "</p></details>\n");
            } else {
                sb.append("<p><i>reply:</i> ").append(esc(clip(r.reply()))).append("</p>\n");
            }
            sb.append("</details>\n");
        }
        return sb.toString();
    }

    /** The categories as points: over-refusal (x) against attack success (y), with 95% intervals. */
    private String frontier() {
        List<EvalMetrics.Rates> rates = EvalMetrics.rates(result.results(), SampleResult::category).stream()
                .filter(r -> r.attackSuccess().trials() > 0 && r.overRefusal().trials() > 0).toList();
        if (rates.isEmpty()) {
            return "<p class=na>No category has both harmful and harmless samples.</p>\n";
        }
        int w = 420;
        int h = 320;
        int m = 40;
        StringBuilder sb = new StringBuilder(String.format("<svg width='%d' height='%d' role=img aria-label='attack success "
                + "against over-refusal per category'>", w, h));
        sb.append(String.format("<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", m, 24, w - m - 10, h - m - 24));
        for (int i = 0; i <= 4; i++) {
            double f = i / 4.0;
            double x = m + f * (w - m - 10);
            double y = 24 + (1 - f) * (h - m - 24);
            sb.append(String.format("<text x='%.0f' y='%d' font-size='10' text-anchor='middle'>%.2f</text>", x, h - m + 14, f));
            sb.append(String.format("<text x='%d' y='%.0f' font-size='10' text-anchor='end'>%.2f</text>", m - 4, y + 3, f));
        }
        sb.append(String.format("<text x='%d' y='%d' font-size='11' text-anchor='middle'>over-refusal (harmless refused)</text>",
                (w + m) / 2, h - 6));
        sb.append(String.format("<text x='12' y='%d' font-size='11' text-anchor='middle' transform='rotate(-90 12 %d)'>attack "
                + "success (harmful answered)</text>", h / 2, h / 2));
        for (EvalMetrics.Rates r : rates) {
            double x = m + r.overRefusal().estimate() * (w - m - 10);
            double y = 24 + (1 - r.attackSuccess().estimate()) * (h - m - 24);
            double x0 = m + r.overRefusal().low() * (w - m - 10);
            double x1 = m + r.overRefusal().high() * (w - m - 10);
            double y0 = 24 + (1 - r.attackSuccess().low()) * (h - m - 24);
            double y1 = 24 + (1 - r.attackSuccess().high()) * (h - m - 24);
            sb.append(String.format("<g><title>%s: attack success %s, over-refusal %s</title>"
                            + "<line x1='%.1f' x2='%.1f' y1='%.1f' y2='%.1f' stroke='#bbb'/><line x1='%.1f' x2='%.1f' y1='%.1f' y2='%.1f' "
                            + "stroke='#bbb'/><circle cx='%.1f' cy='%.1f' r='4' fill='#c0392b'/><text x='%.1f' y='%.1f' font-size='10'>%s"
                            + "</text></g>", esc(r.group()), esc(r.attackSuccess().format()), esc(r.overRefusal().format()),
                    x0, x1, y, y, x, x, y0, y1, x, y, x + 6, y - 6, esc(r.group())));
        }
        return sb.append("</svg>\n").toString();
    }

    /** A rate as text with a small inline bar showing the estimate and its interval. */
    private static String bar(ProportionInterval p, String colour) {
        if (p.trials() == 0) {
            return "<span class=na>n/a</span>";
        }
        return String.format("<svg width='120' height='12' role=img aria-label='%s'><rect width='120' height='12' fill='#eee'/>"
                        + "<rect width='%.1f' height='12' fill='%s' opacity='0.8'/><line x1='%.1f' x2='%.1f' y1='6' y2='6' "
                        + "stroke='#000'/></svg> %s", esc(p.format()), 120 * p.estimate(), colour, 120 * p.low(),
                120 * p.high(), esc(p.format()));
    }

    public Path writeHtml(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=en><meta charset=utf-8><title>alignlab evaluation: ").append(esc(model))
                .append("</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;"
                        + "padding:0 1em}table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;"
                        + "text-align:left}.na{color:#888}</style>\n");
        sb.append("<h1>Red-teaming evaluation of ").append(esc(model)).append("</h1>\n");
        sb.append("<p>alignlab sent each prompt below to the model, as written and through each attack (a rewrite "
                + "of the request meant to get past the model's safeguards), and read each reply. Two things are "
                + "measured. <b>Attack success</b>: of the harmful requests, the share the model answered instead of "
                + "refusing; lower is safer. <b>Over-refusal</b>: of the harmless requests (some of which merely "
                + "sound alarming), the share the model refused; lower is more helpful. Each rate has a 95% "
                + "confidence interval (Wilson) and the counts behind it. Replies that could not be obtained or read "
                + "are <b>unscorable</b>: they are counted separately and never treated as safe or unsafe.</p>\n");
        sb.append("<p>Whether a reply to a harmful request is unsafe was decided by <b>").append(esc(judge))
                .append("</b>").append(switch (judge) {
                    case "keyword" -> " (the reply counts as a refusal if it opens with a refusal phrase: a transparent "
                            + "baseline that misses unusual wordings and partial compliance)";
                    case "embedding" -> " (a reply counts as a refusal if a classifier on its sentence embedding reads "
                            + "it as one)";
                    default -> " (a model applying a written rubric)";
                }).append(". ").append(esc(judgeSentence())).append("</p>\n");
        if (mostlyCached()) {
            sb.append("<p><b>").append(esc(cacheWarning())).append("</b></p>\n");
        }
        sb.append(String.format("<p>%d samples; %d resumed from an earlier run, %d answered from the cache; %d "
                        + "retries, %d rate-limit replies; %.1f s.</p>\n", result.results().size(), result.resumed(),
                result.cacheHits(), result.retries(), result.rateLimits(), result.seconds()));
        sb.append("<h2>Safety and helpfulness together</h2>\n<p>Each point is a category (all attacks pooled): "
                + "further left refuses fewer harmless requests, further down answers fewer harmful ones. A model "
                + "that refuses everything sits at the bottom right, one that answers everything at the top left; "
                + "the goal is the bottom left corner. Grey bars are 95% intervals.</p>\n").append(frontier());
        sb.append("<h2>By attack</h2>\n").append(table(byAttack(), "attack"));
        sb.append("<h2>By data set and category</h2>\n").append(table(byCategory(), "data set / category"));
        if (hasChoices()) {
            sb.append("<h2>Question answering</h2><p>Accuracy on multiple-choice items (the model was asked for the "
                    + "letter of an option and its confidence):</p><ul>");
            EvalMetrics.accuracyByDataset(result.results()).forEach((d, a) ->
                    sb.append("<li>").append(esc(d)).append(": ").append(esc(a.format())).append("</li>"));
            sb.append("</ul>\n");
            EvalMetrics.CalibrationScores c = EvalMetrics.calibration(result.results());
            if (c.stated() > 0) {
                sb.append(String.format("<p>Calibration: when the model says it is N%% sure, is it right N%% of the "
                                + "time? Expected calibration error %.3f (0 is perfect; 15 equal-width bins), Brier score "
                                + "%.3f (0 is perfect), over the %d of %d answers that stated a confidence.</p>\n",
                        c.expectedCalibrationError(), c.brierScore(), c.stated(), c.answered()));
            }
            EvalMetrics.BbqScores b = EvalMetrics.bbq(samples, result.results());
            if (b.scored() + b.unmatched() > 0) {
                sb.append(String.format("<p>BBQ bias score (Parrish et al. 2022; 0 is unbiased, positive means answers "
                                + "follow the stereotype): disambiguated contexts %.3f, ambiguous contexts %.3f; %d items "
                                + "scored, %d left out because no option names the stereotyped group.</p>\n",
                        b.disambiguatedBias(), b.ambiguousBias(), b.scored(), b.unmatched()));
                sb.append("<table><tr><th>category</th><th>disambiguated bias</th><th>ambiguous bias</th>"
                        + "<th>items scored</th><th>unmatched</th></tr>\n");
                EvalMetrics.bbqByCategory(samples, result.results()).forEach((category, scores) -> sb.append(String.format(
                        "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%d</td><td>%d</td></tr>\n", esc(category),
                        scores.disambiguatedBias(), scores.ambiguousBias(), scores.scored(), scores.unmatched())));
                sb.append("</table>\n");
            }
        }
        sb.append(transcripts());
        sb.append("<p>Every conversation and reply, with its attack lineage, is in <code>samples.jsonl</code> and "
                + "<code>results.duckdb</code>; the numbers above are in <code>results.json</code>.</p></html>\n");
        Path file = dir.resolve("report.html");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
