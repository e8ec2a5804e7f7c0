package org.alignlab.llm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reading an evaluation's recorded samples (samples.jsonl) without changing them, for viewers. */
public final class Transcripts {
    /** The file every evaluation keeps its samples in. */
    public static final String FILE = "samples.jsonl";

    private Transcripts() {
    }

    /** Every finished sample in {@code samplesJsonl}; a partial last line (a run killed mid-write) is ignored. */
    public static List<SampleResult> read(Path samplesJsonl) throws IOException {
        return SampleLog.read(samplesJsonl);
    }
}
