package org.alignlab.rlhf;

/** One answer to "which of these two segments is better?", and who gave it. */
public record Label(Segment first, Segment second, Rater.Preference preference, String rater) {
    public Label {
        Segment.checkComparable(first, second);
    }
}
