import ai.djl.huggingface.tokenizers.*;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.*;
public class Check {
    public static void main(String[] a) throws Exception {
        String s = "The cat sat on the mat, and then it left quickly.";
        var tok = HuggingFaceTokenizer.newInstance(Path.of("all-minilm-l6-v2-tokenizer.json"));
        System.out.println(java.util.Arrays.toString(tok.encode(s).getIds()));
        float[] v = new AllMiniLmL6V2EmbeddingModel().embed(s).content().vector();
        for (int i = 0; i < 6; i++) System.out.print(v[i] + " ");
        System.out.println();
    }
}
