package org.alignlab.oversight;

import java.util.Arrays;
import java.util.Locale;

/** How serious a finding is; ordered, so that {@code --fail-on} can name a threshold. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** SARIF's level for this severity. */
    public String sarifLevel() {
        return switch (this) {
            case LOW -> "note";
            case MEDIUM -> "warning";
            case HIGH -> "error";
        };
    }

    /**
     * Parses a severity name (any case).
     *
     * @throws IllegalArgumentException naming the allowed ones
     */
    public static Severity parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + name + "'; known: " + String.join(", ",
                    Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }
}
