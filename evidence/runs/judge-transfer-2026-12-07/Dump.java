import com.fasterxml.jackson.databind.*;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import org.alignlab.llm.*;

/**
 * Scratch: embeddings of replies (opening, windows) and prompts, for a judge prototype in numpy.
 * Usage: Dump [minilm|bge] NAME... With an encoder named, files are NAME.ENCODER.f32 (and bge-small-en-v1.5 needs its
 * artifact on the class path: ../judge-rubric-labels-2026-12-07); without, MiniLM to NAME.f32, as this run made them.
 */
public class Dump {
    public static void main(String[] a) throws Exception {
        boolean named = a[0].equals("minilm") || a[0].equals("bge");
        String stem = named ? "." + a[0] : "";
        EmbeddingModel model = a[0].equals("bge") ? new BgeSmallEnV15QuantizedEmbeddingModel()
                : new AllMiniLmL6V2QuantizedEmbeddingModel();
        var om = new ObjectMapper();
        Judge old = Judge.embedding(RefusalClassifier.train());
        for (String name : named ? Arrays.copyOfRange(a, 1, a.length) : a) {
            List<String> lines = Files.readAllLines(Path.of("/tmp/s57/" + name + ".jsonl"));
            int W = 8, D = 384;
            try (var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream("/tmp/s57/" + name + stem + ".f32")));
                 var meta = new PrintWriter("/tmp/s57/" + name + stem + ".meta.tsv")) {
                int n = 0;
                for (String line : lines) {
                    JsonNode j = om.readTree(line);
                    String prompt = j.get("prompt").asText(), reply = j.get("response").asText();
                    List<float[]> vs = new ArrayList<>();
                    vs.add(model.embed(prompt.isBlank() ? "(empty)" : prompt.substring(0, Math.min(1500, prompt.length()))).content().vector());
                    int windows = 0;
                    for (int s = 0; s < reply.length() && windows < W; s += 300, windows++) {
                        vs.add(model.embed(reply.substring(s, Math.min(reply.length(), s + 300))).content().vector());
                    }
                    if (windows == 0) { vs.add(model.embed("(empty)").content().vector()); windows = 1; }
                    while (vs.size() < W + 1) vs.add(new float[D]);
                    ByteBuffer bb = ByteBuffer.allocate(4 * D * (W + 1)).order(ByteOrder.LITTLE_ENDIAN);
                    for (float[] v : vs) for (float f : v) bb.putFloat(f);
                    out.write(bb.array());
                    Boolean v = old.verdict(prompt, reply, null);
                    meta.println(windows + "\t" + (RefusalScorer.refuses(reply) ? 1 : 0) + "\t" + (v == null ? -1 : v ? 1 : 0) + "\t" + reply.length());
                    if (++n % 200 == 0) System.err.println(name + " " + n);
                }
            }
        }
    }
}
