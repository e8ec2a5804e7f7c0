package org.alignlab.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.Progress;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.StudyResult.Chart;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Point;
import org.alignlab.core.study.StudyResult.Series;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;

/**
 * One study run on several seeds and reported as one: the shared way every training result gets
 * its interval. A study reports each seed as it would report a single run; {@link #combine} then
 * puts the seeds together, so that a study need not aggregate by hand:
 * <ul>
 * <li>a number that differs between seeds becomes its mean with a 95% t-interval over the seeds
 * (a {@link MeanInterval}); a number every seed agrees on, such as a setting, stays as it is;</li>
 * <li>a line of a chart becomes the seeds' mean line, with each point's interval drawn on it;</li>
 * <li>a finding keeps its verdict only where every seed gives it; otherwise it is a note that says
 * how many seeds gave which verdict. The text of the first seed follows, marked as that seed's.</li>
 * </ul>
 * The per-seed results must have the same shape (the same tables, rows, series and findings):
 * they come from the same code with only the seed changed.
 */
public final class Seeds {
    /** The most seeds a study accepts. */
    public static final int MAX = 100;

    private Seeds() {
    }

    /** {@code count} seeds from {@code first} on. */
    public static long[] of(long first, int count) {
        check(count);
        return java.util.stream.LongStream.range(first, first + count).toArray();
    }

    /** Refuses a number of seeds outside 1 to {@link #MAX}, in one line. */
    public static void check(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("seeds must be between 1 and " + MAX + ", got " + count);
        }
    }

    /** One seed's work, reporting its progress through {@code progress}. */
    @FunctionalInterface
    public interface Work<R> {
        R run(long seed, Progress.Factory progress) throws Exception;
    }

    /** What is kept of one seed's result once it is done (e.g. its curves in the results store). */
    @FunctionalInterface
    public interface Keep<R> {
        void keep(long seed, R result) throws Exception;
    }

    /**
     * Runs {@code work} once per seed, each seed resumable (a killed run starts again from the first
     * seed not finished), keeps each result, and reports the seeds as one.
     *
     * @param report how one seed's result is reported; the reports are then {@linkplain #combine combined}
     * @return the combined report, whose data is the list of per-seed results
     */
    public static <R> StudyResult run(StudyContext ctx, long first, int count, Class<R> type, Work<R> work,
                                      Keep<R> keep, java.util.function.Function<R, StudyResult> report)
            throws Exception {
        return run(ctx, first, count, 1, type, work, keep, report);
    }

    /**
     * As {@link #run(StudyContext, long, int, Class, Work, Keep, java.util.function.Function)}, with up
     * to {@code threads} seeds at once. Seeds share nothing but what {@code work} shares, so a study
     * that runs its seeds together must share only what is safe across threads (caches, read-only
     * data); each seed draws from its own random source, so the results do not depend on
     * {@code threads}. Results are reported in seed order whatever order they finish in.
     */
    public static <R> StudyResult run(StudyContext ctx, long first, int count, int threads, Class<R> type,
                                      Work<R> work, Keep<R> keep, java.util.function.Function<R, StudyResult> report)
            throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        long start = System.nanoTime();
        long[] seeds = of(first, count);
        String[] keys = java.util.Arrays.stream(seeds).mapToObj(s -> "seed/" + s).toArray(String[]::new);
        // One progress display for the seeds still to run (resumed seeds take no time): the first seed that works
        // opens it for all that remain, the others carry it on.
        int remaining = (int) java.util.Arrays.stream(keys).filter(k -> !ctx.isKept(k)).count();
        Progress[] shared = {null};
        Progress.Factory progress = (what, total) -> {
            synchronized (shared) {
                return shared[0] != null ? shared[0] : (shared[0] = ctx.progress(what
                        + (remaining > 1 ? ", " + remaining + " seeds" : ""), total * remaining));
            }
        };
        List<java.util.concurrent.Callable<R>> tasks = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            String key = keys[i];
            tasks.add(() -> {
                R r = ctx.resumable(key, type, () -> work.run(seed, progress));
                // Kept as each seed finishes (a dashboard shows it), one seed at a time.
                synchronized (keys) {
                    keep.keep(seed, r);
                }
                return r;
            });
        }
        List<R> results = threads == 1 || seeds.length == 1 ? sequential(tasks)
                : StudyContext.parallel(Math.min(threads, seeds.length), tasks);
        return combine(results.stream().map(report).toList(), seeds, results, (System.nanoTime() - start) / 1e9);
    }

    private static <R> List<R> sequential(List<java.util.concurrent.Callable<R>> tasks) throws Exception {
        List<R> out = new ArrayList<>();
        for (var task : tasks) {
            out.add(task.call());
        }
        return out;
    }

    /**
     * Findings a study decided over its seeds, as notes when there was only one seed: with no
     * interval over seeds, a verdict would rest on nothing.
     */
    public static List<Finding> verdictsNeedSeeds(List<Finding> findings, int seeds) {
        return seeds > 1 ? findings : findings.stream().map(f -> f.verdict() == Verdict.NOTE ? f
                : Finding.note("One seed, no interval, so no verdict: " + f.text())).toList();
    }

    /**
     * The per-seed results as one.
     *
     * @param perSeed one result per seed, in the order of {@code seeds}
     * @param data    what results.json keeps as the study's data (e.g. the per-seed results)
     * @param seconds the time all seeds took
     */
    public static StudyResult combine(List<StudyResult> perSeed, long[] seeds, Object data, double seconds) {
        if (perSeed.isEmpty() || perSeed.size() != seeds.length) {
            throw new IllegalArgumentException(perSeed.size() + " results for " + seeds.length + " seeds");
        }
        StudyResult first = perSeed.get(0);
        if (perSeed.stream().anyMatch(r -> !r.matrices().isEmpty() || !r.sections().isEmpty()
                || !r.transcripts().isEmpty())) {
            throw new IllegalArgumentException("only findings, tables and charts are combined over seeds; this result "
                    + "has matrices, sections or transcripts");
        }
        if (perSeed.size() == 1) {
            return new StudyResult(first.study(), first.title(), first.method() + " One seed (" + seeds[0] + "), so no "
                    + "interval over seeds.", first.findings(), first.tables(), first.charts(), first.verdict(), data,
                    seconds, first.matrices(), first.sections(), first.transcripts());
        }
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < first.tables().size(); t++) {
            int index = t;
            tables.add(table(perSeed.stream().map(r -> r.tables().get(index)).toList()));
        }
        List<Chart> charts = new ArrayList<>();
        for (int c = 0; c < first.charts().size(); c++) {
            int index = c;
            charts.add(chart(perSeed.stream().map(r -> r.charts().get(index)).toList()));
        }
        List<Finding> findings = new ArrayList<>();
        for (int f = 0; f < first.findings().size(); f++) {
            int index = f;
            findings.add(finding(perSeed.stream().map(r -> r.findings().get(index)).toList(), seeds));
        }
        String method = first.method() + String.format(Locale.ROOT, " Run on %d seeds (%s); a number that differs "
                + "between seeds is shown as its mean \u00b1 half its 95%% t-interval over the seeds, and each chart "
                + "line is the seeds' mean with the interval at each point.", seeds.length, list(seeds));
        return new StudyResult(first.study(), first.title(), method, findings, tables, charts, first.verdict(), data,
                seconds, first.matrices(), first.sections(), first.transcripts());
    }

    private static Table table(List<Table> tables) {
        Table first = tables.get(0);
        for (Table t : tables) {
            if (t.rows().size() != first.rows().size() || t.columns().size() != first.columns().size()) {
                throw new IllegalStateException("table '" + first.caption() + "' differs in shape between seeds");
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < first.rows().size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < first.columns().size(); c++) {
                int ri = r;
                int ci = c;
                row.add(cell(tables.stream().map(t -> t.rows().get(ri).get(ci)).toList()));
            }
            rows.add(row);
        }
        String note = (first.note() == null ? "" : first.note() + "; ") + "a number without \u00b1 was the same on "
                + "every seed that measured it, or measured by one seed only";
        return new Table(first.caption(), first.columns(), rows, note);
    }

    /**
     * The seeds' values of one cell as one value: the value itself where every seed agrees, else the
     * mean with its interval over the seeds that measured it (a NaN or empty cell is a seed that did
     * not), else every seed's text in order.
     */
    static Object cell(List<Object> values) {
        if (values.stream().allMatch(v -> Objects.equals(v, values.get(0)))) {
            return values.get(0);
        }
        if (values.stream().allMatch(v -> v == null || v instanceof Number)) {
            double[] measured = values.stream().filter(v -> v != null && Double.isFinite(((Number) v).doubleValue()))
                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            // Every seed that measured it agrees: the value itself, as the tables' note says (a mean "± 0" would not).
            return measured.length == 0 ? Double.NaN : java.util.Arrays.stream(measured).allMatch(x -> x == measured[0])
                    ? (Object) measured[0] : Statistics.meanInterval(measured);
        }
        // Text that differs between seeds (a fitted form, a verdict word): every seed's, in order.
        return values.stream().map(v -> Table.show(v, null)).collect(Collectors.joining(" / "));
    }

    private static Chart chart(List<Chart> charts) {
        Chart first = charts.get(0);
        List<Series> series = new ArrayList<>();
        for (Series line : first.series()) {
            // Matched by name: a seed may lack a line another has (a fit that found too few points). Points are
            // matched by position, so a study draws its lines in an order every seed shares (e.g. by setting).
            List<Series> each = charts.stream().flatMap(c -> c.series().stream()
                    .filter(x -> x.name().equals(line.name()) && x.dashed() == line.dashed()).limit(1)).toList();
            int length = each.stream().mapToInt(x -> x.x().length).min().orElse(0);
            double[] x = new double[length];
            double[] y = new double[length];
            double[] low = new double[length];
            double[] high = new double[length];
            for (int i = 0; i < length; i++) {
                int at = i;
                MeanInterval my = Statistics.meanInterval(each.stream().mapToDouble(e -> e.y()[at]).toArray());
                x[i] = each.stream().mapToDouble(e -> e.x()[at]).average().orElse(Double.NaN);
                y[i] = my.mean();
                low[i] = my.low();
                high[i] = my.high();
            }
            String name = each.size() == charts.size() ? line.name()
                    : line.name() + " (" + each.size() + " of " + charts.size() + " seeds)";
            series.add(line.dashed() ? new Series(name, x, y, true) : new Series(name, x, y, false, low, high));
        }
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < first.points().size(); p++) {
            int index = p;
            List<Point> each = charts.stream().map(c -> c.points().get(index)).toList();
            MeanInterval mx = Statistics.meanInterval(each.stream().mapToDouble(Point::x).toArray());
            MeanInterval my = Statistics.meanInterval(each.stream().mapToDouble(Point::y).toArray());
            points.add(new Point(first.points().get(p).label(), mx.mean(), mx.low(), mx.high(), my.mean(), my.low(),
                    my.high()));
        }
        return new Chart(first.title() + " (seeds' mean, 95% bars)", first.xLabel(), first.yLabel(),
                series, points);
    }

    private static Finding finding(List<Finding> each, long[] seeds) {
        Verdict common = each.get(0).verdict();
        boolean unanimous = each.stream().allMatch(f -> f.verdict() == common);
        String count;
        if (unanimous && common == Verdict.NOTE) {
            count = "A measurement; the tables give the mean over seeds.";
        } else if (unanimous) {
            count = String.format(Locale.ROOT, "%s on all %d seeds.", words(common), seeds.length);
        } else {
            count = java.util.Arrays.stream(Verdict.values())
                    .filter(v -> each.stream().anyMatch(f -> f.verdict() == v))
                    .map(v -> String.format(Locale.ROOT, "%s on %d", words(v),
                            each.stream().filter(f -> f.verdict() == v).count()))
                    .collect(Collectors.joining(", ", "", String.format(Locale.ROOT, " of %d seeds: no verdict.",
                            seeds.length)));
        }
        return new Finding(unanimous ? common : Verdict.NOTE, count + " Seed " + seeds[0] + ": " + each.get(0).text());
    }

    /**
     * A combined finding's text read as what it is beside a verdict a study decides over seeds itself (e.g.
     * on a paired difference): the per-seed rule's votes ("Per-seed rule: reproduced on 2, not reproduced on 1
     * of 3 seeds. Seed 1: ..."), not a verdict.
     */
    public static String asVotes(String combinedText) {
        return "Per-seed rule: " + Character.toLowerCase(combinedText.charAt(0)) + combinedText.substring(1)
                .replace(" Not reproduced on", " not reproduced on").replace(": no verdict.", ".");
    }

    private static String words(Verdict v) {
        String w = v.label();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String list(long[] seeds) {
        return java.util.Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}
