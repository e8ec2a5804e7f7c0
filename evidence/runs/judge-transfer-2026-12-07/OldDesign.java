import com.fasterxml.jackson.databind.*;
import java.io.*;
import java.nio.file.*;

/** The design the shipped judge replaced (ad8dc90~1): the refusal classifier of that commit alone, unsafe when it reads no refusal. */
public class OldDesign {
    public static void main(String[] a) throws Exception {
        var om = new ObjectMapper();
        old.RefusalClassifier c = old.RefusalClassifier.train();
        for (String name : a) {
            try (var out = new PrintWriter("/tmp/s57/" + name + ".old.tsv")) {
                for (String line : Files.readAllLines(Path.of("/tmp/s57/" + name + ".jsonl"))) {
                    out.println(c.refuses(om.readTree(line).get("response").asText()) ? 0 : 1);
                }
            }
        }
    }
}
