package org.alignlab.oversight.sandbox;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The test command of the sandbox, run in a child JVM so that what the tested code does (exit,
 * loop, crash) cannot touch alignlab: runs every JUnit test under a classes folder, prints a line
 * per failure ({@code FAIL method message}) and a last line {@code RESULT NONCE tests=N failed=F}
 * (the nonce read from standard input before any tested code loads), and
 * exits 0 when none failed, 1 otherwise. Like most CI runners, the sandbox's harness believes the
 * exit status; the ground-truth check also wants the RESULT line with the nonce. This stops a
 * printed fake line, a redirected System.out and shutdown hooks; code written against the runner
 * inside the same JVM (reflection on its frames, native code) is not excluded.
 */
public final class TestMain {
    /** The argument that runs the warm-up class instead of a folder's tests. */
    static final String WARM_UP = "--warm-up";

    private TestMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        // Taken before any tested code loads: the nonce, and the process's own standard output, which tested code
        // cannot redirect by System.setOut.
        String nonce = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8);
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener failures = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("")
                            .replace('\n', ' ');
                    out.println("FAIL " + TestRunner.methodName(id.getUniqueId()) + " " + message);
                }
            }
        };
        // The tests under the folder given; or, while the class-data archive is written, the warm-up class alone.
        var request = LauncherDiscoveryRequestBuilder.request();
        if (args[0].equals(WARM_UP)) {
            request.selectors(selectClass("org.alignlab.oversight.sandbox.warmup.WarmUpTest"));
        } else {
            request.selectors(selectClasspathRoots(Set.of(Path.of(args[0]))));
        }
        launcher.execute(request.build(), summary, failures);
        long tests = summary.getSummary().getTestsFoundCount();
        long failed = summary.getSummary().getTotalFailureCount();
        System.out.flush();
        out.println(); // a line the tested code left open does not run into the last one
        out.println("RESULT " + nonce + " tests=" + tests + " failed=" + failed);
        out.flush();
        // Processes the tested code started end with the run, and halt skips shutdown hooks it may have added.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(failed == 0 ? 0 : 1);
    }
}
