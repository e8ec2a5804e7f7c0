package org.alignlab.organisms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word-level tokens: lower-cased, punctuation split off, every word of the corpus one token,
 * unknown words one shared token. Small (a few hundred tokens) and fast to decode, which is
 * what a model organism needs; it is not a general tokenizer.
 */
public final class Vocabulary {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    public static final int START = 2;
    public static final int SEPARATOR = 3;
    public static final int END = 4;
    private static final String[] SPECIAL = {"<pad>", "<unk>", "<s>", "<sep>", "</s>"};

    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    private Vocabulary() {
        for (String s : SPECIAL) {
            add(s);
        }
    }

    private void add(String w) {
        if (!ids.containsKey(w)) {
            ids.put(w, words.size());
            words.add(w);
        }
    }

    /**
     * The vocabulary of the training text (every training prompt and reply wording), in a fixed
     * order. A word that appears only in evaluation prompts, or only in the harness's attacks, is
     * unknown to the organisms, as it would be to a model that never saw it.
     */
    public static Vocabulary ofCorpus() {
        return of(Corpus.trainingText());
    }

    /** The vocabulary of {@code texts}: the special tokens, then every word in order of first use. */
    static Vocabulary of(List<String> texts) {
        Vocabulary v = new Vocabulary();
        for (String text : texts) {
            split(text).forEach(v::add);
        }
        return v;
    }

    /** Lower-case words, with punctuation as words of its own. */
    static List<String> split(String text) {
        String spaced = text.toLowerCase(Locale.ROOT).replaceAll("([.,:;?!'\"()])", " $1 ");
        List<String> out = new ArrayList<>();
        for (String w : spaced.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    public int size() {
        return words.size();
    }

    public int[] encode(String text) {
        List<String> ws = split(text);
        int[] out = new int[ws.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.getOrDefault(ws.get(i), UNKNOWN);
        }
        return out;
    }

    /** Words for ids, joined with spaces, punctuation attached to the word before it. */
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            String w = words.get(t);
            if (sb.length() > 0 && !w.matches("[.,:;?!)]")) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }
}
