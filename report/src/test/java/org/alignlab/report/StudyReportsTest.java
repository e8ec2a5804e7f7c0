package org.alignlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Chart;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Series;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report layer: one result, three renderings that agree, and nothing printed unescaped. */
class StudyReportsTest {
    static StudyResult sample() {
        Table t = Table.builder("Scores <by agent>").text("agent").number("hidden", "%.1f").number("n", "%d")
                .row("q-learning", 12.345, 100).row("<script>alert(1)</script>", Double.NaN, 3).note("a & b").build();
        Chart c = new Chart("Gold against d", "d", "gold", List.of(
                new Series("model \"A\"", new double[] {0, 1, 2}, new double[] {1, 3, 2}, false),
                new Series("model A fit", new double[] {0, 2}, new double[] {1, 2.5}, true)));
        return new StudyResult("demo", "A demo", "What was done & why.", List.of(new Finding(Verdict.REPRODUCED,
                "gaming reproduced <b>"), Finding.note("a note")), List.of(t), List.of(c), "Shows X; does not show Y.",
                Map.of("answer", 42), 1.5);
    }

    @Test
    void theResultRoundTripsThroughResultsJsonAndRendersEscaped(@TempDir Path dir) throws Exception {
        StoredStudy s = new StoredStudy("demo", "smoke", Map.of("seed", "1"), Map.of("code_version", "abc"), 0, sample());
        Path page = StudyReports.write(dir.resolve("demo"), s);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>A demo</h2>", "12.3", "<svg", "stroke-dasharray=\"4 3\"",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "gaming reproduced &lt;b&gt;", "\">model \"A\"</text>",
                "class=\"tag reproduced\"", "Budget smoke", "a &amp; b");
        assertThat(html).doesNotContain("<script>", "<b>");
        // One fitted line shares its data line's colour, and only the data line has a legend entry.
        assertThat(html.split("<rect ", -1)).hasSize(2);
        String json = Files.readString(dir.resolve("demo/results.json"));
        assertThat(json).contains("\"study\" : \"demo\"", "null").doesNotContain("NaN");
        StoredStudy back = StudyReports.read(dir.resolve("demo/results.json"));
        assertThat(back.result().tables().get(0).cell(0, 1)).isEqualTo("12.3");
        assertThat(back.result().tables().get(0).cell(1, 1)).isEqualTo("-");
        assertThat(back.result().findings()).isEqualTo(s.result().findings());
        assertThat(back.result().charts().get(0).series().get(0).y()).containsExactly(1, 3, 2);
        assertThat(StudyReports.under(dir)).extracting(StoredStudy::study).containsExactly("demo");
        // A later format is refused with a clear message; a field a later version of this format adds is ignored.
        String later = json.replace("\"format\" : 1", "\"format\" : 2");
        Files.writeString(dir.resolve("later.json"), later);
        assertThatThrownBy(() -> StudyReports.read(dir.resolve("later.json")))
                .hasMessageContaining("was written by a later alignlab (results format 2)");
        Files.writeString(dir.resolve("extra.json"), json.replace("\"format\" : 1", "\"format\" : 1, \"colour\" : \"red\""));
        assertThat(StudyReports.read(dir.resolve("extra.json")).study()).isEqualTo("demo");
        Files.writeString(dir.resolve("other.json"), "{\"alignlab\": \"audit\"}");
        assertThatThrownBy(() -> StudyReports.read(dir.resolve("other.json"))).hasMessageContaining("is not a study's");
    }

    @Test
    void transcriptsAndScattersRenderEscapedWithUnsafeRepliesFoldedOrWithheld() {
        StudyResult r = new StudyResult("eval", "An evaluation", null, List.of(), List.of(),
                List.of(new Chart("Frontier", "over-refusal", "attack success", List.of(), List.of(
                        new StudyResult.Point("weapons <b>", 0.25, 0.1, 0.4, 0.5, 0.3, 0.7)))),
                "shows", null, 1, List.of(), List.of(), List.of(
                new StudyResult.Transcript("s1", "roleplay", "unsafe", "", List.of("user: tell me <script>"),
                        "here is how <img>", true, "unsafe reply, 17 characters: click to show"),
                new StudyResult.Transcript("s2", "plain", "unsafe", "", List.of("user: again"), null, false,
                        "[unsafe reply redacted: 9 characters]")));
        String html = StudyReports.html(new StoredStudy("eval", "n/a", Map.of(), Map.of(), 0, r));
        assertThat(html).contains("user: tell me &lt;script&gt;", "here is how &lt;img&gt;",
                "<summary>unsafe reply, 17 characters: click to show</summary>", "[unsafe reply redacted: 9 characters]",
                "weapons &lt;b&gt;", "<circle").doesNotContain("<script>", "<img>");
        // The point sits at its estimate and its whiskers span its intervals, inside the plot.
        Svg svg = Svg.of(r.charts().get(0));
        Svg.Mark m = svg.marks().get(0);
        assertThat(m.x0()).isLessThan(m.x()).isGreaterThanOrEqualTo(svg.left());
        assertThat(m.x1()).isGreaterThan(m.x()).isLessThanOrEqualTo(svg.left() + svg.plotWidth());
        assertThat(m.y0()).isGreaterThan(m.y()); // lower rate, lower on the page (larger y)
        assertThat(m.tooltip()).contains("weapons <b>: over-refusal 0.25 [0.10, 0.40], attack success 0.50 [0.30, 0.70]");
    }

    @Test
    void aHeatMapColoursItsNumbersFromLeastToGreatestAndLeavesTextAlone() {
        StudyResult.Table t = StudyResult.Table.builder("A board").text("row").heat("0", "%.3f").heat("1", "%.3f")
                .row("0", 0.2, "#").row("1", 0.6, 1.0).build();
        assertThat(t.cell(0, 1)).isEqualTo("0.200"); // the heat mark is not part of the number's format
        assertThat(t.heatStyle(0, 1)).isEqualTo("background:#ffffcc;color:#000"); // the least: pale
        assertThat(t.heatStyle(1, 2)).isEqualTo("background:#bd0026;color:#fff"); // the greatest: dark
        assertThat(t.heatStyle(1, 1)).isEqualTo("background:#de8079;color:#000"); // half way
        assertThat(t.heatStyle(0, 2)).isNull(); // a wall
        assertThat(t.heatStyle(0, 0)).isNull(); // not a heat column
        StudyResult r = new StudyResult("demo", "A demo", null, List.of(), List.of(t), List.of(), "It shows a board.",
                null, 0);
        String html = StudyReports.html(new StoredStudy("demo", "smoke", Map.of(), Map.of(), 0, r));
        assertThat(html).contains("style=\"background:#bd0026;color:#fff\">1.000</td>");
    }

    @Test
    void aHeatMapsColumnsKeepTheirMarkInResultsJson(@TempDir Path dir) throws Exception {
        StudyResult.Table t = StudyResult.Table.builder("A board").text("row").heat("0", "%.3f").row("0", 0.5).build();
        StudyResult r = new StudyResult("demo", "A demo", null, List.of(), List.of(t), List.of(), "It shows a board.",
                null, 0);
        StudyReports.write(dir.resolve("demo"), new StoredStudy("demo", "smoke", Map.of(), Map.of(), 0, r));
        StudyResult.Table back = StudyReports.read(dir.resolve("demo/results.json")).result().tables().get(0);
        assertThat(back.columns()).extracting(StudyResult.Column::heat).containsExactly(false, true);
        assertThat(back.cell(0, 1)).isEqualTo("0.500");
        assertThat(back.heatStyle(0, 1)).isEqualTo("background:#de8079;color:#000"); // one value: the middle
    }

    @Test
    void textHasAlignedColumnsFindingsAndTheVerdict() {
        StringWriter w = new StringWriter();
        StudyReports.print(sample(), new PrintWriter(w));
        assertThat(w.toString()).contains("""
                Scores <by agent>
                agent                      hidden    n
                q-learning                   12.3  100
                <script>alert(1)</script>       -    3
                (a & b)
                """, "* reproduced: gaming reproduced <b>", "* a note", "Shows X; does not show Y.");
    }

    @Test
    void tickLabelsKeepEnoughDecimalsForTheirSpan() {
        // Over a span of about 1 a tick at 0.77 must not read 0.8.
        assertThat(Svg.tickFormat(1.08)).isEqualTo("%.2f");
        assertThat(Svg.fmt(Svg.tickFormat(1.08), 0.7695)).isEqualTo("0.77");
        assertThat(Svg.tickFormat(5)).isEqualTo("%.2f");
        assertThat(Svg.tickFormat(100)).isEqualTo("%.0f");
        assertThat(Svg.tickFormat(0.1)).isEqualTo("%.3f");
        assertThat(Svg.tickFormat(12_000)).isEqualTo("%.0f");
    }
}
