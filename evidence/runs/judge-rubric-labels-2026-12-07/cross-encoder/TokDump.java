import ai.djl.huggingface.tokenizers.*;
import com.fasterxml.jackson.databind.*;
import java.nio.file.*;
import java.util.*;

/**
 * Scratch: WordPiece ids of (request, reply) pairs with MiniLM's own tokenizer, for a cross-encoder prototype.
 * Usage: TokDump [MAX_TOKENS] NAME... (default 256, written to NAME.tok; another window to NAME + MAX_TOKENS + .tok).
 */
public class TokDump {
    public static void main(String[] a) throws Exception {
        int max = a[0].matches("[0-9]+") ? Integer.parseInt(a[0]) : 256;
        String suffix = max == 256 ? "" : String.valueOf(max);
        var tok = HuggingFaceTokenizer.builder().optTokenizerPath(Path.of("all-minilm-l6-v2-tokenizer.json"))
                .optMaxLength(max).optTruncation(true).optPadding(false).build();
        var om = new ObjectMapper();
        for (String name : a[0].matches("[0-9]+") ? Arrays.copyOfRange(a, 1, a.length) : a) {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/tmp/s57/" + name + ".jsonl"))) {
                JsonNode j = om.readTree(line);
                String request = j.has("goal") ? j.get("goal").asText() : j.get("prompt").asText();
                String reply = j.get("response").asText();
                reply = reply.substring(0, Math.min(2400, reply.length()));
                Encoding e = tok.encode(request, reply.isBlank() ? "(empty)" : reply);
                StringBuilder sb = new StringBuilder();
                for (long id : e.getIds()) sb.append(id).append(' ');
                sb.append('\t');
                for (long t : e.getTypeIds()) sb.append(t).append(' ');
                out.add(sb.toString().trim());
            }
            Files.write(Path.of(name + suffix + ".tok"), out);
        }
    }
}
