package org.alignlab.oversight.sandbox;

/** Something that works on a sandbox task through the workspace's tools: a scripted organism or a model. */
public interface SandboxAgent {
    /** The agent's name in tables. */
    String cliName();

    /** What it is, in a few words (the planted policy of a scripted organism). */
    String policy();

    /**
     * Works on the task until it submits, stops or gives up.
     *
     * @return whether it took a tampering action, when that is known by construction (a scripted organism's planted
     *     action), or null when it is not (a model), in which case the sandbox judges it from ground truth
     */
    Boolean work(Workspace ws, SandboxTask task) throws Exception;
}
