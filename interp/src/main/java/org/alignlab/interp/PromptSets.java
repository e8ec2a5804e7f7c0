package org.alignlab.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.organisms.Corpus;

/**
 * Sets of prompts for capturing activations: a file (one prompt per line) or a selection from the
 * organisms' corpus, {@code corpus:KIND[+trigger][+cue][:train|:heldout]}, where KIND is harmful,
 * harmless, alarming or all; the prompts carry the trigger or the evaluation note exactly when
 * named; every framing is included; both topic splits unless one is named.
 */
public final class PromptSets {
    public static final String FORMS = "a file with one prompt per line, or corpus:KIND[+trigger][+cue][:train|:heldout] "
            + "with KIND one of harmful, harmless, alarming, all";

    private PromptSets() {
    }

    /** The prompts {@code spec} names. */
    public static List<String> load(String spec) throws IOException {
        if (spec.startsWith("corpus:")) {
            List<String> out = new ArrayList<>();
            for (Corpus.Prompt p : select(spec)) {
                out.add(p.text());
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("'" + spec + "' selects no prompts");
            }
            return out;
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no prompt file " + spec + "; give " + FORMS);
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(spec + " holds no prompts (one per line)");
        }
        return out;
    }

    /** The corpus prompts a {@code corpus:...} spec selects. */
    public static List<Corpus.Prompt> select(String spec) {
        String body = spec.substring("corpus:".length()).toLowerCase(Locale.ROOT);
        String split = "";
        int colon = body.indexOf(':');
        if (colon >= 0) {
            split = body.substring(colon + 1);
            body = body.substring(0, colon);
            if (!split.equals("train") && !split.equals("heldout")) {
                throw new IllegalArgumentException("'" + spec + "': the split must be train or heldout; give " + FORMS);
            }
        }
        String[] parts = body.split("\\+");
        String kind = parts[0];
        boolean trigger = false;
        boolean cue = false;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "trigger" -> trigger = true;
                case "cue" -> cue = true;
                default -> throw new IllegalArgumentException("'" + spec + "': unknown modifier '+" + parts[i]
                        + "'; give " + FORMS);
            }
        }
        if (!List.of("harmful", "harmless", "alarming", "all").contains(kind)) {
            throw new IllegalArgumentException("'" + spec + "': unknown kind '" + kind + "'; give " + FORMS);
        }
        List<Corpus.Prompt> out = new ArrayList<>();
        for (boolean heldOut : new boolean[] {false, true}) {
            if ((split.equals("train") && heldOut) || (split.equals("heldout") && !heldOut)) {
                continue;
            }
            for (Corpus.Prompt p : Corpus.prompts(heldOut)) {
                boolean kindMatches = switch (kind) {
                    case "harmful" -> p.kind() == Corpus.Kind.HARMFUL;
                    case "harmless" -> p.kind() == Corpus.Kind.HARMLESS;
                    case "alarming" -> p.kind() == Corpus.Kind.ALARMING_HARMLESS;
                    default -> true;
                };
                if (kindMatches && p.trigger() == trigger && p.evaluationCue() == cue) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
