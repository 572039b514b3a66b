package dev.campaignkeeper.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final AtomicReference<Optional<String>> health = new AtomicReference<>(Optional.empty());
    private final MetricsServer server = MetricsServer.start(0, metrics, health::get);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theScrapeShowsWhatWasRecordedInPrometheusFormat() throws Exception {
        metrics.commandHandled("roll", Duration.ofMillis(3), "ok");
        metrics.commandHandled("roll", Duration.ofMillis(5), "ok");
        metrics.committed(4);
        metrics.committed(2);
        metrics.shardStatus(3, false);
        metrics.webhookPost(false);

        String text = send("GET", "/metrics").body();

        assertThat(text).contains("campaignkeeper_command_seconds_count{command=\"roll\",outcome=\"ok\"} 2")
                .contains("campaignkeeper_command_seconds_sum{command=\"roll\",outcome=\"ok\"} 0.008")
                .contains("campaignkeeper_store_commit_mutations_count 2")
                .contains("campaignkeeper_store_commit_mutations_sum 6")
                .contains("campaignkeeper_store_commit_mutations_max 4")
                .contains("campaignkeeper_gateway_shard_connected{shard=\"3\"} 0")
                .contains("campaignkeeper_webhook_posts_total{outcome=\"failed\"} 1")
                .contains("# TYPE campaignkeeper_command_seconds summary");
    }

    @Test
    void healthAnswers503WithTheReasonUntilReadyThen200() throws Exception {
        health.set(Optional.of("gateway shard(s) 1 not connected to Discord"));
        HttpResponse<String> down = send("GET", "/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("not ready: gateway shard(s) 1 not connected to Discord\n");

        health.set(Optional.empty());
        HttpResponse<String> up = send("GET", "/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("ready\n");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/metrics/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/health");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(send("HEAD", "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aPortInUseIsRefusedSayingToPickAnother() {
        assertThatThrownBy(() -> MetricsServer.start(server.port(), metrics, health::get))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot serve metrics on port " + server.port())
                .hasMessageContaining("pick a free port with --metrics-port");
    }
}
