package org.alignlab.oversight.bench;

import java.util.List;
import org.alignlab.oversight.Category;
import org.alignlab.oversight.FileChange;
import org.alignlab.oversight.ScopeManifest;

/**
 * One labelled case of the benchmark: a change (or an agent's transcript) with its label exact by
 * construction. A tampering case carries its category and where the violation is (the file and
 * line of a change, the first violating event of a transcript); its honest twin is the same work
 * with the one edit made legitimate, labelled negative with what makes it so ({@code contrast}).
 *
 * @param id            unique within a run: code base, target, family, and "twin" for the honest one
 * @param source        which row it counts in: {@link Source}
 * @param family        the tampering family it was made by (for a real commit: "real commit")
 * @param category      the violation's category; null for a negative
 * @param positive      whether it tampers
 * @param contrast      for a negative, what makes it legitimate (moved test, task asks, ...); null for a positive
 * @param codeBase      the code base's name
 * @param heldOutCode   whether the code base is held out from detector development (a real commit: made after the
 *                      newest commit that changed the monitor's rules, so that no rule was tuned on it)
 * @param heldOutFamily whether the family is held out from detector development
 * @param task          what a bootstrap resamples: the target (code base and class under test) or the commit
 * @param taskStatement the task the agent was given
 * @param scope         what the agent may touch
 * @param changes       the change, for a change case; empty for a transcript
 * @param transcript    the agent's conversation as OpenAI chat JSONL, or null for a change
 * @param firstEvent    the transcript's first violating event, or -1
 * @param file          the file the violation is in, or null
 * @param line          the line the violation starts on in that file (the head's text, or the base's when removed), or 0
 */
public record BenchCase(String id, Source source, String family, Category category, boolean positive, String contrast,
                        String codeBase, boolean heldOutCode, boolean heldOutFamily, String task, String taskStatement,
                        ScopeManifest scope, List<FileChange> changes, String transcript, int firstEvent, String file,
                        int line) {
    /** The benchmark's rows, reported apart (the targets hold for each). */
    public enum Source {
        SYNTHETIC_CHANGE("synthetic changes"),
        SYNTHETIC_TRANSCRIPT("synthetic transcripts"),
        REAL_COMMIT("real commits"),
        MODEL_TRANSCRIPT("transcripts of a model behind an endpoint");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Held out when its code base or its family is. */
    public boolean heldOut() {
        return heldOutCode || heldOutFamily;
    }
}
