package org.alignlab.organisms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A written constitution: named principles, each naming a harm a reply must not do. It is a text
 * file the user can edit (one {@code name: harm} per line; blank lines and {@code #} comments
 * ignored); the default ships in the jar.
 */
public record Constitution(String source, List<Principle> principles) {
    /** One principle: a short name and the harm it names, in words. */
    public record Principle(String name, String harm) {
    }

    public Constitution {
        if (principles.isEmpty()) {
            throw new IllegalArgumentException(source + " has no principles: write one per line as 'name: the harm a "
                    + "reply must not do'");
        }
        principles = List.copyOf(principles);
    }

    private static final String DEFAULT = "/org/alignlab/organisms/constitution.txt";
    /**
     * The name of the second constitution in the jar: the default without the principles that name
     * the subtle harms (falsehood, privacy, manipulation), to test whether constitutional AI reduces
     * harm more where its constitution speaks.
     */
    public static final String CLEAR_CUT_ONLY = "clear-cut-only";
    private static final String CLEAR_CUT = "/org/alignlab/organisms/constitution-clear-cut-only.txt";

    /** The constitution shipped with alignlab. */
    public static Constitution defaults() {
        return resource(DEFAULT, "the default constitution");
    }

    private static Constitution resource(String name, String source) {
        try (InputStream in = Constitution.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The default for an empty path, the jar's {@value #CLEAR_CUT_ONLY} constitution for that name,
     * else the file at {@code path}.
     */
    public static Constitution load(String path) {
        if (path.isEmpty()) {
            return defaults();
        }
        if (path.equals(CLEAR_CUT_ONLY)) {
            return resource(CLEAR_CUT, "the clear-cut-only constitution");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no constitution file at " + file.toAbsolutePath());
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the constitution " + file + ": " + e.getMessage());
        }
    }

    /**
     * Reads principles from text.
     *
     * @throws IllegalArgumentException naming the line, for a line that is not {@code name: harm}, a
     *                                  name used twice, or no principle at all
     */
    public static Constitution parse(String text, String source) {
        List<Principle> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            String harm = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (!name.matches("[A-Za-z0-9_-]+") || harm.split("\\s+").length < 3) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " is not a principle: '" + line
                        + "'; write 'name: the harm a reply must not do' (a name of letters, digits, - or _, then at "
                        + "least three words)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": the name '" + name
                        + "' is used twice");
            }
            out.add(new Principle(name, harm));
        }
        return new Constitution(source, out);
    }

    /** This constitution without the principle {@code name} (the ablation that shows a principle matters). */
    public Constitution without(String name) {
        List<Principle> kept = principles.stream().filter(p -> !p.name().equals(name)).toList();
        if (kept.size() == principles.size()) {
            throw new IllegalArgumentException("no principle named '" + name + "' in " + source + "; its principles: "
                    + String.join(", ", principles.stream().map(Principle::name).toList()));
        }
        return new Constitution(source + " without '" + name + "'", kept);
    }
}
