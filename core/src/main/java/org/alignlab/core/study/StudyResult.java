package org.alignlab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a study found, in a form every report reads the same way: what was done, findings with
 * verdicts, tables, charts, and one plain sentence on what it shows and what it does not. The
 * study's own typed result travels in {@code data} for results.json.
 *
 * @param study    the study's name
 * @param title    a title for people
 * @param method   what was done, in a paragraph
 * @param findings what the numbers say, one sentence each
 * @param tables   the numbers, each beside its baseline or control
 * @param charts   curves
 * @param verdict  what the result shows and what it does not, in plain words
 * @param data     the study's typed result (serialised to results.json as it is)
 * @param seconds  how long the run took
 * @param matrices summaries at a glance (e.g. problem by agent), shown first
 * @param sections parts with their own heading, text, tables and charts (e.g. one per environment), shown last
 * @param transcripts conversations to read (an evaluation's samples), shown after the sections
 */
public record StudyResult(String study, String title, String method, List<Finding> findings, List<Table> tables,
                          List<Chart> charts, String verdict, Object data, double seconds, List<Matrix> matrices,
                          List<Section> sections, List<Transcript> transcripts) {
    public StudyResult {
        Objects.requireNonNull(study, "study");
        findings = List.copyOf(findings);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        matrices = matrices == null ? List.of() : List.copyOf(matrices);
        sections = sections == null ? List.of() : List.copyOf(sections);
        transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
    }

    /** A result with matrices and sections but no transcripts. */
    public StudyResult(String study, String title, String method, List<Finding> findings, List<Table> tables,
                       List<Chart> charts, String verdict, Object data, double seconds, List<Matrix> matrices,
                       List<Section> sections) {
        this(study, title, method, findings, tables, charts, verdict, data, seconds, matrices, sections, List.of());
    }

    /** A result with no matrix and no sections, as most studies have. */
    public StudyResult(String study, String title, String method, List<Finding> findings, List<Table> tables,
                       List<Chart> charts, String verdict, Object data, double seconds) {
        this(study, title, method, findings, tables, charts, verdict, data, seconds, List.of(), List.of(), List.of());
    }

    /** The same result with other findings (e.g. verdicts decided over seeds). */
    public StudyResult withFindings(List<Finding> replaced) {
        return new StudyResult(study, title, method, replaced, tables, charts, verdict, data, seconds, matrices, sections,
                transcripts);
    }

    /** How many findings have each verdict, for headlines. */
    public java.util.Map<Verdict, Long> verdictCounts() {
        java.util.Map<Verdict, Long> out = new java.util.EnumMap<>(Verdict.class);
        for (Finding f : findings) {
            out.merge(f.verdict(), 1L, Long::sum);
        }
        return out;
    }

    /** How a finding reads on the audit's summary. */
    public enum Verdict {
        /** The failure was reproduced. */
        REPRODUCED,
        /** The failure was looked for and not reproduced. */
        NOT_REPRODUCED,
        /** The technique worked as it should. */
        PASSED,
        /** The technique failed or a control broke the claim. */
        FAILED,
        /** A measurement with no verdict. */
        NOTE;

        /**
         * An effect measured with an interval (e.g. over seeds), decided three ways so that a budget too small to
         * tell is not read as a failure to reproduce: reproduced when the mean is at least {@code least} and the
         * interval lies above 0; not reproduced when the whole interval lies below {@code least}; otherwise a note.
         */
        public static Verdict decide(org.alignlab.core.MeanInterval effect, double least) {
            return effect.mean() >= least && effect.low() > 0 ? REPRODUCED
                    : effect.high() < least ? NOT_REPRODUCED : NOTE;
        }

        /** The verdict as it reads in a sentence: "not reproduced". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        /** The verdict as a CSS class or JSON value: "not_reproduced". */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One sentence and its verdict. */
    public record Finding(Verdict verdict, String text) {
        public static Finding note(String text) {
            return new Finding(Verdict.NOTE, text);
        }

        /**
         * A finding on an effect measured with an interval, decided by {@link Verdict#decide}; when undecided, the
         * text says so.
         */
        public static Finding decided(org.alignlab.core.MeanInterval effect, double least, String text) {
            Verdict v = Verdict.decide(effect, least);
            return v != Verdict.NOTE ? new Finding(v, text) : note(text + String.format(java.util.Locale.ROOT,
                    " Undecided: the interval (%.3f to %.3f) holds both no effect and an effect of %s, too wide to "
                    + "say either way at this budget.", effect.low(), effect.high(), least));
        }
    }

    /**
     * A column: its heading, for numbers the format they are shown in (e.g. {@code %.2f}; null for text), and whether
     * it is a heat map's column, whose numbers are also coloured by value (a field of its own, so that a reader that
     * does not know it still shows the numbers).
     */
    public record Column(String heading, String format, boolean heat) {
        public Column(String heading, String format) {
            this(heading, format, false);
        }
    }

    /**
     * A table. Cells are strings or numbers (numbers stay numbers in results.json; a NaN shows as a dash).
     *
     * @param note a sentence under the table saying what its columns are
     */
    public record Table(String caption, List<Column> columns, List<List<Object>> rows, String note) {
        public Table {
            columns = List.copyOf(columns);
            List<List<Object>> copy = new ArrayList<>();
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of table '" + caption + "' has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = List.copyOf(copy);
        }

        /** Starts a table. */
        public static Builder builder(String caption) {
            return new Builder(caption);
        }

        /** The text of a cell as shown to a person. */
        public String cell(int row, int column) {
            return show(rows.get(row).get(column), columns.get(column).format());
        }

        /**
         * A heat map cell's colours as CSS, on a scale from the table's least to its greatest number in heat
         * columns (pale yellow to dark red, white text on the darker half); null for any other cell.
         */
        public String heatStyle(int row, int column) {
            if (!columns.get(column).heat() || !(rows.get(row).get(column) instanceof Number n)
                    || !Double.isFinite(n.doubleValue())) {
                return null;
            }
            double least = Double.POSITIVE_INFINITY;
            double greatest = Double.NEGATIVE_INFINITY;
            for (List<Object> r : rows) {
                for (int j = 0; j < columns.size(); j++) {
                    if (columns.get(j).heat() && r.get(j) instanceof Number m && Double.isFinite(m.doubleValue())) {
                        least = Math.min(least, m.doubleValue());
                        greatest = Math.max(greatest, m.doubleValue());
                    }
                }
            }
            double t = greatest > least ? (n.doubleValue() - least) / (greatest - least) : 0.5;
            int[] pale = {255, 255, 204};
            int[] dark = {189, 0, 38};
            int[] rgb = new int[3];
            for (int k = 0; k < 3; k++) {
                rgb[k] = (int) Math.round(pale[k] + t * (dark[k] - pale[k]));
            }
            return String.format(java.util.Locale.ROOT, "background:#%02x%02x%02x;color:%s", rgb[0], rgb[1], rgb[2],
                    t > 0.5 ? "#fff" : "#000");
        }

        /** A value as shown: numbers in {@code format}, a mean over seeds as {@code mean ± half-width}, NaN and null as a dash. */
        public static String show(Object value, String format) {
            if (value == null) {
                return "-";
            }
            if (value instanceof java.util.Map<?, ?> map && map.keySet().equals(MEAN_INTERVAL_KEYS)) {
                value = meanInterval(map); // a mean over seeds, read back from results.json
            }
            if (value instanceof org.alignlab.core.MeanInterval m) {
                // A mean over seeds, with half its 95% interval; one seed shows the value alone.
                String mean = show(m.mean(), format);
                // The half-width is never negative: no sign, even where the format shows the mean's.
                return m.n() > 1 && !Double.isNaN(m.mean()) ? mean + " \u00b1 " + show(m.halfWidth(), format)
                        .replaceFirst("^\\+", "") : mean;
            }
            if (value instanceof Number n) {
                if (n instanceof Double d && d.isNaN()) {
                    return "-";
                }
                return format == null ? n.toString() : String.format(java.util.Locale.ROOT, format, n);
            }
            return value.toString();
        }

        private static final java.util.Set<String> MEAN_INTERVAL_KEYS = java.util.Set.of("mean", "low", "high", "n");

        private static org.alignlab.core.MeanInterval meanInterval(java.util.Map<?, ?> map) {
            java.util.function.Function<Object, Double> number = o -> o instanceof Number n ? n.doubleValue() : Double.NaN;
            return new org.alignlab.core.MeanInterval(number.apply(map.get("mean")), number.apply(map.get("low")),
                    number.apply(map.get("high")), ((Number) map.get("n")).intValue());
        }

        /** Builds a table column by column, then row by row. */
        public static final class Builder {
            private final String caption;
            private final List<Column> columns = new ArrayList<>();
            private final List<List<Object>> rows = new ArrayList<>();
            private String note;

            private Builder(String caption) {
                this.caption = caption;
            }

            /** A text column. */
            public Builder text(String heading) {
                columns.add(new Column(heading, null));
                return this;
            }

            /** A number column shown in {@code format}. */
            public Builder number(String heading, String format) {
                columns.add(new Column(heading, format));
                return this;
            }

            /** A heat map's number column, shown in {@code format} and coloured by value across the table. */
            public Builder heat(String heading, String format) {
                columns.add(new Column(heading, format, true));
                return this;
            }

            public Builder row(Object... cells) {
                rows.add(Arrays.asList(cells));
                return this;
            }

            public Builder note(String note) {
                this.note = note;
                return this;
            }

            public Table build() {
                return new Table(caption, columns, rows, note);
            }
        }
    }

    /**
     * A named line of (x, y) points, points with a non-finite coordinate left out; a dashed line is a
     * fitted curve. {@code yLow} and {@code yHigh}, where given, bound each point's 95% interval (e.g.
     * over seeds), drawn as a bar; null where the line has none.
     */
    public record Series(String name, double[] x, double[] y, boolean dashed, double[] yLow, double[] yHigh) {
        public Series {
            if (x.length != y.length || (yLow == null) != (yHigh == null)
                    || (yLow != null && (yLow.length != y.length || yHigh.length != y.length))) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length
                        + " y, and intervals for " + (yLow == null ? "none" : yLow.length) + " and "
                        + (yHigh == null ? "none" : yHigh.length));
            }
            int kept = 0;
            double[] fx = new double[x.length];
            double[] fy = new double[y.length];
            double[] lo = new double[y.length];
            double[] hi = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    fx[kept] = x[i];
                    fy[kept] = y[i];
                    lo[kept] = yLow == null ? y[i] : yLow[i];
                    hi[kept++] = yHigh == null ? y[i] : yHigh[i];
                }
            }
            boolean intervals = yLow != null;
            x = java.util.Arrays.copyOf(fx, kept);
            y = java.util.Arrays.copyOf(fy, kept);
            yLow = intervals ? java.util.Arrays.copyOf(lo, kept) : null;
            yHigh = intervals ? java.util.Arrays.copyOf(hi, kept) : null;
        }

        /** A line without intervals. */
        public Series(String name, double[] x, double[] y, boolean dashed) {
            this(name, x, y, dashed, null, null);
        }
    }

    /**
     * A grid of verdicts read at a glance, such as problem by agent.
     *
     * @param cells one row per row label, one cell per column label; a null cell: not measured
     */
    public record Matrix(String title, List<String> rows, List<String> columns, List<List<Cell>> cells, String note) {
        public Matrix {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            for (List<Cell> row : cells) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("matrix '" + title + "' has a row of " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
            if (cells.size() != rows.size()) {
                throw new IllegalArgumentException("matrix '" + title + "' has " + cells.size() + " rows of cells for "
                        + rows.size() + " row labels");
            }
            cells = cells.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        }
    }

    /**
     * One cell of a matrix.
     *
     * @param verdict         reproduced, not reproduced, or a note where no verdict applies
     * @param text            what the cell says (a few words)
     * @param detail          the evidence, shown on hover and in results.json
     * @param agreesWithPaper whether it agrees with the published finding; null where there is none
     * @param anchor          the id of the section with the evidence, or null
     */
    public record Cell(Verdict verdict, String text, String detail, Boolean agreesWithPaper, String anchor) {
    }

    /**
     * A part of the result under its own heading (e.g. one environment): text, a fixed-width figure
     * such as a board, tables and charts.
     *
     * @param id     an anchor for links to it
     * @param figure fixed-width text shown as it is, or null
     */
    public record Section(String id, String heading, String text, String figure, List<Table> tables, List<Chart> charts) {
        public Section {
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
        }
    }

    /**
     * A chart: lines (series), or labelled points with 95% intervals on both axes (a scatter).
     *
     * @param points labelled points, drawn without lines; empty for a line chart
     */
    public record Chart(String title, String xLabel, String yLabel, List<Series> series, List<Point> points) {
        public Chart {
            series = List.copyOf(series);
            points = points == null ? List.of() : List.copyOf(points);
        }

        /** A line chart. */
        public Chart(String title, String xLabel, String yLabel, List<Series> series) {
            this(title, xLabel, yLabel, series, List.of());
        }
    }

    /** A labelled point with its interval on each axis. */
    public record Point(String label, double x, double xLow, double xHigh, double y, double yLow, double yHigh) {
    }

    /**
     * One conversation and its outcome.
     *
     * @param turns  what was sent, one "role: text" per turn
     * @param reply  the reply, or null where it is withheld (a redacted unsafe reply)
     * @param folded whether the reply is shown only on request (an unsafe one)
     * @param note   what to say instead of or about the reply ("" when nothing)
     */
    public record Transcript(String id, String attack, String outcome, String reason, List<String> turns, String reply,
                             boolean folded, String note) {
        public Transcript {
            turns = List.copyOf(turns);
        }
    }
}
