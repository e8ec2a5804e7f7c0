package org.alignlab.llm;

import java.util.List;

/**
 * A transform of a request into what is sent to the model. Attacks compose: the conversation a
 * chain of attacks produces is recorded with the chain's names (its lineage), so a successful
 * attack can be replayed exactly. Attacks are deterministic: the same sample gives the same
 * conversation.
 */
public interface Attack {
    /** The name used on the command line and in reports. */
    String name();

    /**
     * Transforms the conversation so far, whose last message is the user's request.
     *
     * @param conversation the messages, last one from the user
     * @param sample       the sample being attacked (for attacks that need its context)
     */
    List<Message> apply(List<Message> conversation, Sample sample);
}
