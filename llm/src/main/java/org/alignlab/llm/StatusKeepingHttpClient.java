package org.alignlab.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP transport, on the JDK client, keeping what the stock transport drops: on a
 * failed call it throws a {@link CallFailure} carrying the status class and the server's
 * Retry-After, so rate limits can be obeyed. One JDK client is shared by every model built from
 * one builder. Error bodies are cut short and never include the request (which holds the key).
 */
final class StatusKeepingHttpClient implements HttpClient {
    private static final int BODY_IN_MESSAGE = 300;
    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private StatusKeepingHttpClient(java.net.http.HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    /** A builder LangChain4j's model builders accept ({@code httpClientBuilder(...)}). */
    static HttpClientBuilder builder() {
        return new HttpClientBuilder() {
            private Duration connectTimeout = Duration.ofSeconds(10);
            private Duration readTimeout = Duration.ofSeconds(60);

            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                if (d != null) {
                    connectTimeout = d;
                }
                return this;
            }

            @Override
            public Duration readTimeout() {
                return readTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                if (d != null) {
                    readTimeout = d;
                }
                return this;
            }

            @Override
            public HttpClient build() {
                java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout).build();
                return new StatusKeepingHttpClient(c, readTimeout);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        String body = request.body() == null ? "" : request.body();
        b.method(request.method().name(), request.method().name().equals("GET")
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CallFailure(CallFailure.Kind.TIMEOUT, 0, null, "no reply within " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new CallFailure(CallFailure.Kind.NETWORK, 0, null, "connection to " + hostOf(request.url())
                    + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(CallFailure.Kind.NETWORK, 0, null, "interrupted");
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return SuccessfulHttpResponse.builder().statusCode(status).headers(r.headers().map()).body(r.body()).build();
        }
        String snippet = r.body() == null ? "" : r.body().substring(0, Math.min(BODY_IN_MESSAGE, r.body().length()));
        CallFailure.Kind kind = status == 429 ? CallFailure.Kind.RATE_LIMITED
                : status >= 500 ? CallFailure.Kind.SERVER_ERROR
                : status == 408 ? CallFailure.Kind.TIMEOUT : CallFailure.Kind.CLIENT_ERROR;
        throw new CallFailure(kind, status, retryAfter(r.headers().firstValue("Retry-After").orElse(null)),
                "HTTP " + status + " from " + hostOf(request.url()) + ": " + snippet);
    }

    /** Retry-After in seconds (the HTTP-date form is rare for APIs and is ignored). */
    static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds >= 0 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String hostOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "the server";
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("alignlab does not stream replies");
    }
}
