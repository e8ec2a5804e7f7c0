package org.alignlab.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of an evaluation: one JSON line per finished sample, flushed as soon as
 * it is written. A run killed mid-write leaves at most one partial last line; opening the log
 * again drops it, so a resumed run never reads a half record nor appends after one.
 */
final class SampleLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer writer;
    private final List<SampleResult> existing;

    private SampleLog(Writer writer, List<SampleResult> existing) {
        this.writer = writer;
        this.existing = existing;
    }

    /** Opens {@code file}, reading what it holds and cutting off a partial last line. */
    static SampleLog open(Path file) throws IOException {
        List<SampleResult> existing = new ArrayList<>();
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--; // a line without its newline was cut by a crash
            }
            if (end < bytes.length) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(end);
                }
            }
            int lineNo = 0;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    existing.add(JSON.readValue(line, SampleResult.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " is not a sample record ("
                            + e.getClass().getSimpleName() + "); it was not written by this version of alignlab");
                }
            }
        }
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return new SampleLog(w, existing);
    }

    /** The records already in the log when it was opened. */
    List<SampleResult> existing() {
        return existing;
    }

    synchronized void append(SampleResult r) throws IOException {
        writer.write(JSON.writeValueAsString(r));
        writer.write('\n');
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
