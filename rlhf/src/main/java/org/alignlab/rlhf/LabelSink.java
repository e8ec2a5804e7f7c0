package org.alignlab.rlhf;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.ResultsStore;

/** Where a recipe hands the labels it fits a reward model to, so they can be kept with their provenance. */
@FunctionalInterface
public interface LabelSink {
    /** Labels gathered under {@code session} (a recipe's name for one label set). */
    void labels(String session, List<Label> labels);

    /** The same sink with every session named for one seed ({@code session/seed-N}), so seeds do not replace each other. */
    default LabelSink forSeed(long seed) {
        return (session, labels) -> labels(session + "/seed-" + seed, labels);
    }

    /** Keeps nothing. */
    LabelSink NONE = (session, labels) -> { };

    /** The store's rows for a label set, in order. */
    static List<RlhfStore.LabelRow> rows(String session, List<Label> labels) {
        List<RlhfStore.LabelRow> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            out.add(new RlhfStore.LabelRow(session, i, l.first().variant(), l.first().episode(), l.first().start(),
                    l.second().episode(), l.second().start(), l.first().length(), l.preference().name(), l.rater(),
                    l.first().hiddenReturn(), l.second().hiddenReturn()));
        }
        return out;
    }
}
