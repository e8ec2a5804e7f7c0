import com.fasterxml.jackson.databind.*;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import org.alignlab.llm.*;

/** The two embedding-judge designs measured on HarmBench's set, now on JailbreakBench's replies: verdict per item. */
public class Designs {
    public static void main(String[] a) throws Exception {
        var om = new ObjectMapper();
        RefusalClassifier c = RefusalClassifier.train();
        Judge shipped = Judge.embedding(c);
        try (var out = new PrintWriter("/tmp/s57/" + a[0] + ".designs.tsv")) {
            for (String line : Files.readAllLines(Path.of("/tmp/s57/" + a[0] + ".jsonl"))) {
                JsonNode j = om.readTree(line);
                String prompt = j.get("prompt").asText(), reply = j.get("response").asText();
                Boolean s = shipped.verdict(prompt, reply, null);
                out.println((s == null ? -1 : s ? 1 : 0) + "\t" + (c.refuses(reply) ? 0 : 1));
            }
        }
    }
}
