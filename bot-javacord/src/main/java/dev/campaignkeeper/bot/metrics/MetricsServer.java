package dev.campaignkeeper.bot.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --metrics-port} endpoint, on the JDK's HTTP server: {@code GET /metrics} answers the
 * Prometheus scrape, {@code GET /health} answers 200 {@code ready} when the store is open and every
 * shard is connected, else 503 with the reason. Anything else is 404; methods other than GET and HEAD 405.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on every interface.
     *
     * @param port the TCP port; 0 picks a free one (see {@link #port()})
     * @param metrics what {@code /metrics} shows
     * @param health what {@code /health} asks
     * @return the running server; close it to stop
     * @throws UncheckedIOException if the port cannot be opened (e.g. it is in use); the message says so
     */
    public static MetricsServer start(int port, PrometheusMetrics metrics, Health health) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve metrics on port " + port + " (" + e.getMessage()
                    + "): pick a free port with --metrics-port.", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "campaign-keeper-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> answer(exchange, "/metrics", () -> new Answer(200,
                PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext("/health", exchange -> answer(exchange, "/health", () -> {
            Optional<String> reason = health.notReady();
            return reason.map(why -> new Answer(503, "text/plain; charset=utf-8", "not ready: " + why + "\n"))
                    .orElseGet(() -> new Answer(200, "text/plain; charset=utf-8", "ready\n"));
        }));
        server.createContext("/", exchange -> answer(exchange, "/", () -> new Answer(404,
                "text/plain; charset=utf-8", "not found: try /metrics or /health\n")));
        server.start();
        LOG.info("Serving metrics on http://0.0.0.0:{}/metrics and /health", server.getAddress().getPort());
        return new MetricsServer(server, executor);
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Answer(int status, String type, String body) {
    }

    private static void answer(HttpExchange exchange, String path, java.util.function.Supplier<Answer> handler)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Answer answer;
            if (!exchange.getRequestURI().getPath().equals(path) && !path.equals("/")) {
                answer = new Answer(404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer = new Answer(405, "text/plain; charset=utf-8", "only GET and HEAD\n");
            } else {
                try {
                    answer = handler.get();
                } catch (RuntimeException e) {
                    LOG.warn("Answering {} failed", path, e);
                    answer = new Answer(500, "text/plain; charset=utf-8", "failed: " + e.getMessage() + "\n");
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
