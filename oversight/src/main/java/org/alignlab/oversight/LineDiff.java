package org.alignlab.oversight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** The lines a change adds and removes (JGit's histogram diff), with their line numbers. */
record LineDiff(List<Line> added, List<Line> removed) {
    /** A line and its number (from 1) in the side it belongs to. */
    record Line(int number, String text) {
    }

    static LineDiff of(String before, String after) {
        RawText a = new RawText((before == null ? "" : before).getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText((after == null ? "" : after).getBytes(StandardCharsets.UTF_8));
        List<Line> added = new ArrayList<>();
        List<Line> removed = new ArrayList<>();
        for (Edit e : DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b)) {
            for (int i = e.getBeginA(); i < e.getEndA(); i++) {
                removed.add(new Line(i + 1, a.getString(i)));
            }
            for (int i = e.getBeginB(); i < e.getEndB(); i++) {
                added.add(new Line(i + 1, b.getString(i)));
            }
        }
        return new LineDiff(added, removed);
    }

    /**
     * The number after the change of the line {@code before} of the old text, or -1 when the change removes or edits
     * it: the k-th line the change leaves alone is the k-th such line on both sides.
     */
    int lineAfter(int before) {
        int removedAbove = 0;
        for (Line r : removed) {
            if (r.number() == before) {
                return -1;
            }
            if (r.number() < before) {
                removedAbove++;
            }
        }
        int kept = before - removedAbove; // its place among the lines left alone
        java.util.Set<Integer> addedLines = new java.util.HashSet<>();
        added.forEach(a -> addedLines.add(a.number()));
        int line = 0;
        while (kept > 0) {
            line++;
            if (!addedLines.contains(line)) {
                kept--;
            }
        }
        return line;
    }
}
