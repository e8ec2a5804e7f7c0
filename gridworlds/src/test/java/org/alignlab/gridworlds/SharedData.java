package org.alignlab.gridworlds;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} (the specification and reference data next to the checkout). */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("alignlab.shared");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared data not found at " + p.toAbsolutePath()
                    + "; set -Dalignlab.shared=PATH");
        }
        return p;
    }

    public static Path traces() {
        return root().resolve("spec/gridworlds/traces");
    }
}
