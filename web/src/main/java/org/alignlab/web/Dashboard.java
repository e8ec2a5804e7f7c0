package org.alignlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alignlab.audit.PolicyFiles;
import org.alignlab.core.Sha256;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.report.StudyReports;
import org.alignlab.report.view.AuditRunRow;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.Policy;

/**
 * {@code alignlab view}: a dashboard over the results in some folders, served on the loopback
 * address only. Pages are rendered by the report layer's templates from stored results; the
 * dashboard writes nothing. Requests whose Host header is not the address the server bound are
 * refused, so a web page elsewhere cannot reach it through DNS rebinding.
 */
public final class Dashboard implements AutoCloseable {
    /** The only address the dashboard binds. */
    public static final String HOST = "127.0.0.1";
    /** The files of a run folder the dashboard serves as they are. */
    private static final Set<String> FILES = Set.of("report.html", "results.json");

    private final Javalin app;
    private final List<Path> roots;
    /** Sends the progress of running studies to the pages that follow them. */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alignlab-view-progress");
        t.setDaemon(true);
        return t;
    });

    private final Labelling labelling;

    private Dashboard(List<Path> roots, Javalin app, Labelling labelling) {
        this.roots = roots;
        this.app = app;
        this.labelling = labelling;
    }

    /**
     * Starts a dashboard over {@code roots} on {@code port} (0: any free port).
     *
     * @throws IllegalArgumentException if a folder does not exist or the port is taken
     */
    public static Dashboard start(List<Path> roots, int port) {
        return start(roots, port, Path.of("labels.duckdb"));
    }

    /**
     * As above, keeping preference labels given in the browser in {@code labels} (a results store,
     * the same {@code alignlab label} writes): the one thing the dashboard writes.
     */
    public static Dashboard start(List<Path> roots, int port, Path labels) {
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                throw new IllegalArgumentException("no folder " + r.toAbsolutePath() + "; give folders that hold results "
                        + "(the default is audit-results)");
            }
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        }
        Dashboard[] self = new Dashboard[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false; // else the JVM lingers for seconds after stop
            cfg.jetty.host = HOST;
            cfg.jetty.port = port;
            cfg.routes.before(ctx -> self[0].checkHost(ctx));
            cfg.routes.get("/", ctx -> self[0].index(ctx));
            cfg.routes.get("/run/{id}", ctx -> self[0].run(ctx));
            cfg.routes.get("/transcripts/{id}", ctx -> self[0].transcripts(ctx));
            cfg.routes.get("/file/{id}/{name}", ctx -> self[0].file(ctx));
            cfg.routes.get("/replay/{id}/{index}", ctx -> self[0].replay(ctx));
            cfg.routes.get("/play/{id}/{index}", ctx -> self[0].play(ctx));
            cfg.routes.get("/compare", ctx -> self[0].compare(ctx));
            cfg.routes.get("/label", ctx -> render(ctx, "view/label-start.jte", Map.of("p", self[0].labelling.start())));
            cfg.routes.get("/label/pair", ctx -> render(ctx, "view/label-pair.jte", Map.of("p",
                    self[0].labelling.page(Labelling.settings(ctx::queryParam)))));
            cfg.routes.post("/label/answer", ctx -> {
                Map<String, String> settings = Labelling.settings(ctx::queryParam);
                self[0].labelling.answer(settings, ctx.formParam("index"), ctx.formParam("answer"));
                ctx.redirect("/label/pair" + org.alignlab.report.view.LabelPage.query(settings),
                        io.javalin.http.HttpStatus.SEE_OTHER);
            });
            cfg.routes.exception(Labelling.BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 500, e.getMessage()));
            // A label store the dashboard cannot use (another schema version, a file that is not a store): say so.
            cfg.routes.exception(java.sql.SQLException.class, (e, ctx) -> error(ctx, 500, "the label store could not be "
                    + "used: " + e.getMessage() + "; nothing was written"));
            cfg.routes.sse("/events/{id}", client -> self[0].events(client));
            cfg.routes.exception(TranscriptView.NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            cfg.routes.exception(Refused.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
            cfg.routes.error(404, "html", ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, "no page " + ctx.path() + "; the runs are listed at /");
                }
            });
        });
        self[0] = new Dashboard(List.copyOf(roots), app, new Labelling(labels));
        try {
            app.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new IllegalArgumentException("port " + port + " is in use on " + HOST + "; choose another with "
                        + "--port (0 picks a free one)");
            }
            throw e;
        }
        return self[0];
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Its address, to open in a browser. */
    public String url() {
        return "http://" + HOST + ":" + port() + "/";
    }

    /** What the folders hold, in a sentence per folder with nothing in it. */
    public List<String> notes() throws IOException {
        return RunIndex.scan(roots).notes();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        app.stop();
    }

    private void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !(host.equals(HOST + ":" + port()) || host.equals("localhost:" + port()))) {
            throw new Refused("this dashboard answers only requests addressed to " + HOST + ":" + port()
                    + " (the Host header was '" + host + "')");
        }
        // A form posted from another site's page would carry its origin: only this dashboard's pages may write.
        String origin = ctx.header("Origin");
        boolean sameOrigin = origin != null ? origin.equals("http://" + host)
                : "same-origin".equals(ctx.header("Sec-Fetch-Site"));
        if (ctx.method() == io.javalin.http.HandlerType.POST && !sameOrigin) {
            throw new Refused("this dashboard accepts answers only from its own pages (the Origin header was '"
                    + origin + "')");
        }
    }

    private void index(Context ctx) throws IOException {
        RunIndex index = RunIndex.scan(roots);
        render(ctx, "view/index.jte", Map.of("runs", index.runs().stream().map(RunIndex.Run::row).toList(),
                "notes", index.notes()));
    }

    private void run(Context ctx) throws IOException {
        RunIndex.Run run = find(ctx.pathParam("id"));
        if (run.study() != null) {
            render(ctx, "view/study.jte", Map.of("run", run.row(), "s", run.study()));
        } else if (run.audit() != null) {
            Map<String, String> settings = new LinkedHashMap<>();
            run.audit().path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
            run.audit().path("provenance").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
            List<AuditRunRow> runs = new java.util.ArrayList<>();
            var recorded = run.audit().path("result").path("data").path("runs");
            for (int i = 0; i < recorded.size(); i++) {
                var r = recorded.get(i);
                runs.add(new AuditRunRow(r.path("variant").asText(), r.path("agent").asText(), r.path("seed").asLong(),
                        r.path("finalReturn").asDouble(), r.path("finalPerformance").asDouble(),
                        r.path("replayActions").isEmpty() ? null : "/replay/" + run.row().id() + "/" + i,
                        r.path("policy").isTextual() ? "/play/" + run.row().id() + "/" + i : null));
            }
            // The gridworld part's matrix, each cell opening its variant's evidence and curves on that part's page.
            Path parts = RunIndex.gridworldPart(run.folder());
            Path stored = parts.resolve(StudyReports.RESULTS);
            String matrix = Files.isRegularFile(stored) ? "/run/" + RunIndex.id(parts) : "";
            var matrices = matrix.isEmpty() ? List.<org.alignlab.core.study.StudyResult.Matrix>of()
                    : FileCache.get(stored, "study", StudyReports::read).result().matrices();
            render(ctx, "view/audit.jte", Map.of("run", run.row(), "settings", settings, "runs", runs, "matrix", matrix,
                    "matrices", matrices));
        } else if (!run.judges().isEmpty()) {
            ctx.redirect("/transcripts/" + run.row().id());
        } else {
            error(ctx, 404, "run " + run.row().id() + " has no result yet (" + run.row().status() + ")");
        }
    }

    private void replay(Context ctx) throws IOException {
        RunIndex.Run run = find(ctx.pathParam("id"));
        JsonNode r = auditRun(run, ctx.pathParam("index"));
        if (r.path("replayActions").isEmpty()) {
            throw new TranscriptView.NotFound("run " + run.row().id() + " has no recorded episode " + ctx.pathParam("index")
                    + "; its page lists the episodes that can be replayed");
        }
        List<Integer> actions = new java.util.ArrayList<>();
        r.path("replayActions").forEach(a -> actions.add(a.asInt()));
        render(ctx, "view/replay.jte", Map.of("p", Replay.page(run.row(), r.path("variant").asText(),
                r.path("variant").asText() + ", " + r.path("agent").asText() + ", seed " + r.path("seed").asLong()
                        + ": its first evaluation episode, as recorded", r.path("replaySeed").asLong(), actions,
                r.path("replayReturn").asDouble(Double.NaN), r.path("replayPerformance").asDouble(Double.NaN),
                playHref(run, r, ctx.pathParam("index")), r.path("seed").asLong())));
    }

    /**
     * The run's stored policy playing one evaluation episode now, from {@code ?seed=} (default: the
     * run's own seed, which gives a neural run's recorded episode again).
     */
    private void play(Context ctx) throws IOException {
        RunIndex.Run run = find(ctx.pathParam("id"));
        JsonNode r = auditRun(run, ctx.pathParam("index"));
        String href = playHref(run, r, ctx.pathParam("index"));
        if (href == null) {
            throw new TranscriptView.NotFound("run " + ctx.pathParam("index") + " of " + run.row().id() + " kept no "
                    + "policy (it was recorded by an earlier alignlab); its recorded episode can still be replayed");
        }
        long seed;
        String given = ctx.queryParam("seed");
        try {
            seed = given == null || given.isBlank() ? r.path("seed").asLong() : Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new Labelling.BadRequest("seed must be a whole number, got '" + given + "'");
        }
        Path folder = RunIndex.gridworldPart(run.folder()).toAbsolutePath().normalize();
        Path file = folder.resolve(r.path("policy").asText()).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            throw new TranscriptView.NotFound("the policy file of this run, " + file + ", is missing");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (!Sha256.hex(bytes).equals(r.path("policySha256").asText())) {
            throw new IllegalStateException("the policy file " + file + " has changed since the run recorded it "
                    + "(its SHA-256 differs); it is not played");
        }
        String variant = r.path("variant").asText();
        EpisodeLog log = new EpisodeLog().keepActions(1);
        try (PolicyFiles.Stored policy = PolicyFiles.read(bytes, file.toString(), seed)) {
            policy.evaluate(Gridworlds.variant(variant), 1, seed, log);
        } catch (IOException e) {
            // A policy file this version does not read (e.g. a tabular one keyed the old way): say why, not a bare 500.
            throw new IllegalStateException(e.getMessage(), e);
        }
        render(ctx, "view/replay.jte", Map.of("p", Replay.page(run.row(), variant, variant + ", " + r.path("agent")
                .asText() + " trained with seed " + r.path("seed").asLong() + ": its stored policy played now from seed "
                + seed, Policy.replaySeed(seed), log.actions(0), log.visibleReturn(0), log.performance(0), href, seed)));
    }

    /** Run {@code index} of an audit's gridworld part, or a clear 404. */
    private static JsonNode auditRun(RunIndex.Run run, String index) {
        JsonNode runs = run.audit() == null ? null : run.audit().path("result").path("data").path("runs");
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (runs == null || i < 0 || i >= runs.size()) {
            throw new TranscriptView.NotFound("no run " + index + " in " + run.row().id() + "; its page lists its runs");
        }
        return runs.get(i);
    }

    private static String playHref(RunIndex.Run run, JsonNode r, String index) {
        return r.path("policy").isTextual() ? "/play/" + run.row().id() + "/" + index : null;
    }

    private void compare(Context ctx) throws IOException {
        List<String> ids = ctx.queryParams("run");
        if (ids.size() != 2) {
            throw new Labelling.BadRequest("tick exactly two transcript sets to compare, not " + ids.size());
        }
        RunIndex.Run first = find(ids.get(0));
        RunIndex.Run second = find(ids.get(1));
        Compare.check(first);
        Compare.check(second);
        render(ctx, "view/compare.jte", Map.of("p", Compare.page(first, second, ctx.queryParam("judge"))));
    }

    private void transcripts(Context ctx) throws IOException {
        RunIndex.Run run = find(ctx.pathParam("id"));
        if (run.judges().isEmpty()) {
            throw new TranscriptView.NotFound("run " + run.row().id() + " has no transcripts");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : TranscriptView.FILTERS) {
            String v = ctx.queryParam(f);
            if (v != null) {
                filters.put(f, v);
            }
        }
        int page;
        try {
            page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        } catch (NumberFormatException e) {
            throw new Labelling.BadRequest("page must be a number, got '" + ctx.queryParam("page") + "'");
        }
        render(ctx, "view/transcripts.jte", Map.of("p", TranscriptView.page(run.row(), run.judges(), filters, page)));
    }

    /**
     * Server-sent events for a run: its progress each second ("progress", JSON) until it has
     * finished ("finished"), when the stream ends.
     */
    private void events(SseClient client) {
        RunIndex.Run run;
        try {
            run = find(client.ctx().pathParam("id"));
        } catch (IOException | TranscriptView.NotFound e) {
            client.sendEvent("error", String.valueOf(e.getMessage()));
            client.close();
            return;
        }
        client.keepAlive();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        client.onClose(() -> closed.set(true));
        // The task stops itself by throwing once the run has finished or the page has gone: a periodic task that
        // throws is not run again, and nothing has to be cancelled from outside.
        ticker.scheduleAtFixedRate(() -> {
            if (closed.get()) {
                throw new java.util.concurrent.CancellationException("page closed");
            }
            Progress p;
            try {
                p = Progress.of(run.folder());
            } catch (IOException e) {
                client.close();
                throw new java.util.concurrent.CancellationException(e.getMessage());
            }
            client.sendEvent(p.finished() ? "finished" : "progress", p.json());
            if (p.finished()) {
                client.close();
                throw new java.util.concurrent.CancellationException("finished");
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    private void file(Context ctx) throws IOException {
        RunIndex.Run run = find(ctx.pathParam("id"));
        String name = ctx.pathParam("name");
        Path file = run.folder().resolve(name);
        if (!FILES.contains(name) || !Files.isRegularFile(file)) {
            throw new TranscriptView.NotFound("run " + run.row().id() + " has no file " + name + " to show; the "
                    + "dashboard shows " + String.join(" and ", FILES.stream().sorted().toList()));
        }
        ctx.contentType(name.endsWith(".html") ? "text/html; charset=utf-8" : "application/json");
        // A stored page is shown as a document of its own origin: no script of it can reach the dashboard.
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(Files.readAllBytes(file));
    }

    private RunIndex.Run find(String id) throws IOException {
        return RunIndex.scan(roots).find(id).orElseThrow(() -> new TranscriptView.NotFound("no run with id '" + id
                + "'; the runs are listed at /"));
    }

    private static void render(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(StudyReports.render(template, params));
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        render(ctx, "view/error.jte", Map.of("status", status, "message", message));
    }

    /** A request the dashboard will not answer. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
