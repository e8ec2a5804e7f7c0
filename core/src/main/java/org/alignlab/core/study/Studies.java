package org.alignlab.core.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every study on the class path, found by {@link ServiceLoader}. */
public final class Studies {
    private Studies() {
    }

    /** All studies, by name. */
    public static List<Study<?>> all() {
        List<Study<?>> out = new ArrayList<>();
        for (Study<?> s : ServiceLoader.load(Study.class)) {
            out.add(s);
        }
        out.sort(Comparator.comparing(Study::name));
        return out;
    }

    /** The study called {@code name}, or an error listing the names there are. */
    public static Study<?> named(String name) {
        List<Study<?>> all = all();
        for (Study<?> s : all) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no study named '" + name + "'; there are: "
                + String.join(", ", all.stream().map(Study::name).toList()) + " (alignlab study list describes them)");
    }
}
