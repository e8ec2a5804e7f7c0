package org.alignlab.organisms;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretrained sentence encoder (all-MiniLM-L6-v2, quantised, run in-process through LangChain4j),
 * its vectors cached by text: what the constitutional-AI study's policy and feedback model know of
 * language before any training here.
 */
public final class SentenceEncoder {
    /** The vectors' width. */
    static final int WIDTH = 384;
    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    float[] vector(String text) {
        return cache.computeIfAbsent(text, t -> model.embed(t).content().vector());
    }

    static double cosine(float[] a, float[] b) {
        return org.alignlab.llm.TopicMatch.cosine(a, b);
    }
}
