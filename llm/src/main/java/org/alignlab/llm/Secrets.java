package org.alignlab.llm;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Credentials kept out of what alignlab records: the URL a model spec names, with its user
 * information and query values removed ({@link #recorded()}), the secrets that were there, and
 * the removal of secrets from a message in every form a server might echo them (as written,
 * URL-encoded, JSON-escaped, \\u-escaped, Base64).
 *
 * @param recorded what may be stored and shown in place of the URL
 * @param secrets  what must never be stored or shown
 */
record Secrets(String recorded, List<String> secrets) {
    static final String REMOVED = "[removed]";

    /** Splits a URL into what may be recorded and the secrets in it (user:password@, ?key=value). */
    static Secrets fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.substring(url.indexOf("http") < 0 ? 0 : url.indexOf("http")));
        } catch (IllegalArgumentException e) {
            // Not a URL: keep nothing of it but its scheme-less shape, which holds no query or user part.
            return new Secrets(url.replaceAll("//[^/@]*@", "//" + REMOVED + "@").replaceAll("\\?.*", "?" + REMOVED),
                    List.of());
        }
        List<String> secrets = new ArrayList<>();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            for (String part : userInfo.split(":")) {
                secrets.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        String query = uri.getRawQuery();
        StringBuilder recordedQuery = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (eq >= 0) {
                    secrets.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                recordedQuery.append(recordedQuery.length() == 0 ? "?" : "&").append(name)
                        .append(eq < 0 ? "" : "=" + REMOVED);
            }
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String host = userInfo == null ? authority : authority.substring(userInfo.length() + 1);
        String recorded = uri.getScheme() + "://" + (userInfo == null ? "" : REMOVED + "@") + host
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + recordedQuery;
        String prefix = url.substring(0, url.indexOf("http") < 0 ? 0 : url.indexOf("http"));
        return new Secrets(prefix + recorded, List.copyOf(secrets));
    }

    /** {@code message} with each secret (4 characters or longer) removed in every echoed form. */
    static String redact(String message, List<String> secrets) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : secrets) {
            if (secret.length() < 4) {
                continue;
            }
            for (String form : forms(secret)) {
                out = out.replace(form, "[key removed]");
            }
        }
        return out;
    }

    /** The forms a secret takes when a server echoes it back. */
    static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        StringBuilder json = new StringBuilder();
        StringBuilder unicode = new StringBuilder();
        for (char c : secret.toCharArray()) {
            json.append(switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '/' -> "\\/";
                default -> String.valueOf(c);
            });
            unicode.append(String.format("\\u%04x", (int) c));
        }
        forms.add(json.toString());
        forms.add(json.toString().replace("\\/", "/"));
        forms.add(unicode.toString());
        forms.add(unicode.toString().toUpperCase(java.util.Locale.ROOT).replace("\\U", "\\u"));
        forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }
}
