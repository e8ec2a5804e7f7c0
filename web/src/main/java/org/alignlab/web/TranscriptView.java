package org.alignlab.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.alignlab.llm.SampleResult;
import org.alignlab.llm.Transcripts;
import org.alignlab.report.view.RunRow;
import org.alignlab.report.view.TranscriptPage;

/** A transcript set's samples, joined across judges, filtered and cut into pages. */
final class TranscriptView {
    /** Samples per page: enough to scan, few enough that a page renders at once. */
    static final int PAGE = 100;
    /** The filters a page understands. */
    static final List<String> FILTERS = List.of("attack", "category", "outcome", "disagreement", "q");

    private TranscriptView() {
    }

    static TranscriptPage page(RunRow run, Map<String, Path> judgeFiles, Map<String, String> filters, int page)
            throws IOException {
        // Every judge's verdict on the same sample and attack chain, in one row.
        Map<String, TranscriptPage.Row> rows = new LinkedHashMap<>();
        List<String> judges = new ArrayList<>();
        for (Map.Entry<String, Path> e : judgeFiles.entrySet()) {
            List<SampleResult> samples = FileCache.get(e.getValue(), "samples", Transcripts::read);
            String judge = judgeFiles.size() == 1 && !samples.isEmpty() ? samples.get(0).judge() : e.getKey();
            judges.add(judge);
            for (SampleResult s : samples) {
                TranscriptPage.Row row = rows.computeIfAbsent(s.key(), k -> new TranscriptPage.Row(s.key(), s.sampleId(),
                        s.dataset(), s.category(), s.lineage(), new LinkedHashMap<>(), false, s.reply(),
                        s.messages() == null ? List.of() : s.messages().stream().map(m -> m.role() + ": " + m.content())
                                .toList()));
                row.outcomes().put(judge, s.outcome());
            }
        }
        TreeSet<String> attacks = new TreeSet<>();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> outcomes = new TreeSet<>();
        List<TranscriptPage.Row> all = new ArrayList<>();
        for (TranscriptPage.Row r : rows.values()) {
            boolean disagree = r.outcomes().values().stream().distinct().count() > 1;
            TranscriptPage.Row row = new TranscriptPage.Row(r.key(), r.sampleId(), r.dataset(), r.category(), r.attack(),
                    r.outcomes(), disagree, r.reply() == null ? "" : r.reply(), r.messages());
            all.add(row);
            attacks.add(row.attack());
            categories.add(row.category() == null ? "" : row.category());
            outcomes.addAll(row.outcomes().values());
        }
        String attack = filters.getOrDefault("attack", "");
        String category = filters.getOrDefault("category", "");
        String outcome = filters.getOrDefault("outcome", "");
        boolean disagreement = filters.getOrDefault("disagreement", "").equals("yes");
        String q = filters.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        List<TranscriptPage.Row> matching = all.stream()
                .filter(r -> attack.isEmpty() || r.attack().equals(attack))
                .filter(r -> category.isEmpty() || category.equals(r.category()))
                .filter(r -> outcome.isEmpty() || r.outcomes().containsValue(outcome))
                .filter(r -> !disagreement || r.disagreement())
                .filter(r -> q.isEmpty() || r.reply().toLowerCase(Locale.ROOT).contains(q)
                        || r.sampleId().toLowerCase(Locale.ROOT).contains(q)
                        || r.messages().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(q)))
                .toList();
        int pages = Math.max(1, (matching.size() + PAGE - 1) / PAGE);
        if (page < 1 || page > pages) {
            throw new NotFound("page " + page + " does not exist; these filters give " + pages + " page"
                    + (pages == 1 ? "" : "s"));
        }
        List<TranscriptPage.Row> shown = matching.subList((page - 1) * PAGE, Math.min(matching.size(), page * PAGE));
        Map<String, String> selected = new LinkedHashMap<>();
        for (String f : FILTERS) {
            selected.put(f, filters.getOrDefault(f, ""));
        }
        return new TranscriptPage(run, judges, List.copyOf(attacks), List.copyOf(categories), List.copyOf(outcomes),
                selected, shown, matching.size(), all.size(), page, pages);
    }

    /** A page, run or file that does not exist: answered with 404 and a sentence saying what does. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
