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
            existing.addAll(parse(new String(bytes, 0, end, StandardCharsets.UTF_8), file));
        }
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return new SampleLog(w, existing);
    }

    /** Reads a log without changing it (a partial last line is ignored). */
    static List<SampleResult> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no evaluation log at " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        return parse(text.substring(0, end), file);
    }

    private static List<SampleResult> parse(String text, Path file) {
        List<SampleResult> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, SampleResult.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + " is not a sample record ("
                        + e.getClass().getSimpleName() + "); it was not written by this version of alignlab");
            }
        }
        return out;
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
