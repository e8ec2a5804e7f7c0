package org.alignlab.llm;

/** One chat message: role {@code system}, {@code user} or {@code assistant}. */
public record Message(String role, String content) {
    public Message {
        if (!role.equals("system") && !role.equals("user") && !role.equals("assistant")) {
            throw new IllegalArgumentException("role must be system, user or assistant, got '" + role + "'");
        }
    }

    public static Message user(String content) {
        return new Message("user", content);
    }
}
