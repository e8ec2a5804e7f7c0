import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.alignlab.oversight.TaskStatement;

/**
 * Prints the id of each flag whose commit message holds the tests fixed (TaskStatement.testsJudgeTheWork, the same
 * check the judge's accounting makes), reading lines "id TAB base64(message)". Part of judge-ceiling.sh.
 */
public class TestsHeldFixed {
    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            String message = new String(Base64.getDecoder().decode(f[1]), StandardCharsets.UTF_8);
            if (new TaskStatement(message).testsJudgeTheWork()) {
                System.out.println(f[0]);
            }
        }
    }
}
