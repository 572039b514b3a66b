package dev.campaignkeeper.bot.metrics;

import dev.campaignkeeper.bot.javacord.BotMetrics;
import dev.campaignkeeper.core.port.StoreMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the bot's and the store's metrics in a Prometheus registry. Meter names (as Prometheus
 * shows them):
 * <ul>
 *   <li>{@code campaignkeeper_command_seconds} (timer; tags {@code command}, {@code outcome}: ok, refused, error)</li>
 *   <li>{@code campaignkeeper_store_update_seconds} (timer; tag {@code changed})</li>
 *   <li>{@code campaignkeeper_store_commit_mutations} (summary: mutations made durable per sync)</li>
 *   <li>{@code campaignkeeper_discord_request_seconds} (timer; tags {@code kind}: javacord or webhook,
 *       {@code status}: the HTTP status, 0 without an answer)</li>
 *   <li>{@code campaignkeeper_discord_ratelimited_total} (counter of 429 answers; tag {@code kind})</li>
 *   <li>{@code campaignkeeper_webhook_posts_total} (counter; tag {@code outcome}: delivered, failed)</li>
 *   <li>{@code campaignkeeper_gateway_shard_connected} (gauge per {@code shard}: 1 connected, 0 not)</li>
 * </ul>
 */
public final class PrometheusMetrics implements BotMetrics, StoreMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Integer, AtomicInteger> shards = new ConcurrentHashMap<>();
    private final Timer updatesChanged;
    private final Timer updatesUnchanged;
    private final DistributionSummary commits;
    private final Counter delivered;
    private final Counter failed;

    /** Creates an empty registry. */
    public PrometheusMetrics() {
        updatesChanged = updateTimer(true);
        updatesUnchanged = updateTimer(false);
        commits = DistributionSummary.builder("campaignkeeper.store.commit.mutations")
                .description("Mutations made durable by one write and sync (group commit)")
                .baseUnit("mutations")
                .register(registry);
        delivered = webhookCounter("delivered");
        failed = webhookCounter("failed");
    }

    private Timer updateTimer(boolean changed) {
        return Timer.builder("campaignkeeper.store.update")
                .description("Store updates, from the call until durable")
                .tag("changed", String.valueOf(changed))
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private Counter webhookCounter(String outcome) {
        return Counter.builder("campaignkeeper.webhook.posts")
                .description("Posts as characters and NPCs through the campaigns' webhooks")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void commandHandled(String command, Duration latency, String outcome) {
        Timer.builder("campaignkeeper.command")
                .description("Slash commands handled, by command and outcome")
                .tags("command", command, "outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(latency);
    }

    @Override
    public void discordCall(String kind, Duration latency, int status) {
        Timer.builder("campaignkeeper.discord.request")
                .description("Calls to Discord's REST API, rate-limit waits included")
                .tags("kind", kind, "status", String.valueOf(status))
                .register(registry)
                .record(latency);
        if (status == 429) {
            Counter.builder("campaignkeeper.discord.ratelimited")
                    .description("Discord answers 429 Too Many Requests")
                    .tag("kind", kind)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void webhookPost(boolean wasDelivered) {
        (wasDelivered ? delivered : failed).increment();
    }

    @Override
    public void shardStatus(int shard, boolean connected) {
        shards.computeIfAbsent(shard, id -> {
            AtomicInteger state = new AtomicInteger();
            Gauge.builder("campaignkeeper.gateway.shard.connected", state, AtomicInteger::get)
                    .description("Whether the gateway shard is connected to Discord (1) or not (0)")
                    .tag("shard", String.valueOf(id))
                    .register(registry);
            return state;
        }).set(connected ? 1 : 0);
    }

    @Override
    public void updated(Duration latency, boolean changed) {
        (changed ? updatesChanged : updatesUnchanged).record(latency);
    }

    @Override
    public void committed(int mutations) {
        commits.record(mutations);
    }

    /**
     * The metrics in Prometheus' text format.
     *
     * @return the scrape
     */
    public String scrape() {
        return registry.scrape();
    }
}
