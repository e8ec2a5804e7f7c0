package org.alignlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dashboard has read from each file, kept while the file is unchanged (same size and
 * modification time), so a page costs a directory walk, not a re-read of every result and
 * transcript. A file that changes is read again on the next request.
 */
final class FileCache {
    /** Reads a file into a value. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private record Entry(long size, long modified, String kind, Object value) {
    }

    private static final Map<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

    private FileCache() {
    }

    /** The value read from {@code file} by {@code reader} ({@code kind} tells readers of one file apart). */
    @SuppressWarnings("unchecked")
    static <T> T get(Path file, String kind, Reader<T> reader) throws IOException {
        Path key = file.toAbsolutePath().normalize().resolve("#" + kind);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = a.lastModifiedTime().toMillis();
        Entry e = ENTRIES.get(key);
        if (e != null && e.size() == a.size() && e.modified() == modified) {
            return (T) e.value();
        }
        T value = reader.read(file);
        ENTRIES.put(key, new Entry(a.size(), modified, kind, value));
        return value;
    }
}
