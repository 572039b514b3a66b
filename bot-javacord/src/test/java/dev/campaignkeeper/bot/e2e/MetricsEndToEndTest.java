package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.bot.javacord.ShardPlan;
import dev.campaignkeeper.bot.metrics.MetricsServer;
import dev.campaignkeeper.bot.metrics.PrometheusMetrics;
import dev.campaignkeeper.persistence.json.JsonPersistenceModule;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --metrics-port} endpoint of a bot wired as production wires it, scraped over real HTTP
 * while the bot plays against the fake Discord.
 */
@ExtendWith(NoThreadLeftRunning.class)
class MetricsEndToEndTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<ShardedBot> bot = new AtomicReference<>();
    private FakeDiscord discord;
    private MetricsServer server;
    private PrometheusMetrics metrics;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        metrics = new PrometheusMetrics();
        server = MetricsServer.start(0, metrics, () -> {
            ShardedBot running = bot.get();
            return running == null ? Optional.of("starting") : running.running().notReady();
        });
    }

    @AfterEach
    void stop() {
        try {
            ShardedBot running = bot.getAndSet(null);
            if (running != null) {
                running.close();
            }
        } finally {
            try {
                server.close();
            } finally {
                discord.close();
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(line.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private void startBot() {
        bot.set(ShardedBot.start(discord, new JsonPersistenceModule(JsonStoreConfig.defaults(dataDir)),
                ShardPlan.single(), Optional.of(metrics)));
    }

    @Test
    void healthSaysReadyOnlyWhileTheStoreIsOpenAndTheShardsConnected() throws Exception {
        HttpResponse<String> starting = get("/health");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.body()).isEqualTo("not ready: starting\n");

        startBot();
        HttpResponse<String> ready = get("/health");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");

        bot.get().running().close();
        HttpResponse<String> stopped = get("/health");
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).contains("not ready").contains("store is closed");
    }

    @Test
    void commandsStoreWritesDiscordCallsAndWebhookPostsAreCounted() throws Exception {
        startBot();
        FakeUser gm = discord.addMember("gwen-the-gm");
        FakeUser alice = discord.addMember("alice");
        FakeChannel table = discord.addTextChannel("the-lost-mine");
        discord.slash(gm, table, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")))
                .awaitAnnouncement();
        discord.slash(alice, table, "campaign", Option.sub("join")).awaitAnnouncement();
        discord.slash(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"))).awaitReply();
        discord.slash(alice, table, "campaign", Option.sub("join")).awaitReply();
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.rateLimited(Duration.ofMillis(300)));
        discord.slash(alice, table, "say", Option.string("text", "Hello!")).awaitReply(Duration.ofSeconds(20));

        HttpResponse<String> scraped = get("/metrics");

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        String text = scraped.body();
        assertThat(value(text, "campaignkeeper_command_seconds_count{command=\"campaign create\",outcome=\"ok\"}"))
                .isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_command_seconds_count{command=\"campaign join\",outcome=\"ok\"}"))
                .isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_command_seconds_count{command=\"campaign join\",outcome=\"refused\"}"))
                .as("joining twice is refused").isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_command_seconds_count{command=\"say\",outcome=\"ok\"}")).isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_store_update_seconds_count{changed=\"true\"}"))
                .isGreaterThanOrEqualTo(3.0);
        assertThat(value(text, "campaignkeeper_store_commit_mutations_sum"))
                .isGreaterThanOrEqualTo(3.0);
        assertThat(value(text, "campaignkeeper_webhook_posts_total{outcome=\"delivered\"}")).isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_discord_ratelimited_total{kind=\"webhook\"}")).isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_discord_request_seconds_count{kind=\"webhook\",status=\"429\"}"))
                .isEqualTo(1.0);
        assertThat(value(text, "campaignkeeper_discord_request_seconds_count{kind=\"javacord\",status=\"200\"}"))
                .as("roles created and granted through Javacord").isGreaterThanOrEqualTo(2.0);
        assertThat(value(text, "campaignkeeper_gateway_shard_connected{shard=\"0\"}")).isEqualTo(1.0);
    }
}
