package dev.campaignkeeper.bot.e2e;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.campaignkeeper.bot.BotRunner;
import dev.campaignkeeper.bot.javacord.DiscordApiBuilderCustomizer;
import dev.campaignkeeper.bot.javacord.JavacordConfig;
import dev.campaignkeeper.bot.javacord.ShardPlan;
import dev.campaignkeeper.bot.metrics.MetricsModules;
import dev.campaignkeeper.bot.metrics.PrometheusMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * One bot process as production wires it for the given store and shards (and metrics, if given),
 * pointed at the fake Discord through the {@link DiscordApiBuilderCustomizer} seam only.
 */
final class ShardedBot implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BotRunner.Running running;

    private ShardedBot(BotRunner.Running running) {
        this.running = running;
    }

    static ShardedBot start(FakeDiscord discord, Module store, ShardPlan shards, Optional<PrometheusMetrics> metrics) {
        JavacordConfig config = new JavacordConfig(Javacord.uniqueToken(), Optional.empty(), TIMEOUT, TIMEOUT)
                .withShards(shards);
        DiscordApiBuilderCustomizer toFake = new DiscordApiBuilderCustomizer() {
            @Override
            public void customize(org.javacord.api.DiscordApiBuilder builder) {
                discord.configure(builder);
            }

            @Override
            public void customizeHttp(okhttp3.OkHttpClient.Builder http) {
                discord.configure(http);
            }
        };
        List<Module> modules = List.of(Modules.override(BotRunner.productionModules(store, config))
                .with(binder -> binder.bind(DiscordApiBuilderCustomizer.class).toInstance(toFake)));
        if (metrics.isPresent()) {
            modules = MetricsModules.recordingInto(modules, metrics.get());
        }
        return new ShardedBot(BotRunner.create(modules).start());
    }

    BotRunner.Running running() {
        return running;
    }

    @Override
    public void close() {
        try {
            running.close();
        } catch (RejectedExecutionException e) {
            // Javacord 3.8.0 may reject tasks while its pool shuts down
        }
    }
}
