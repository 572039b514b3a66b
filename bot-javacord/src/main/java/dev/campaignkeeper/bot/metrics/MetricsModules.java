package dev.campaignkeeper.bot.metrics;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import dev.campaignkeeper.bot.javacord.BotMetrics;
import dev.campaignkeeper.core.port.StoreMetrics;
import java.util.List;
import java.util.Objects;

/** Wires {@link PrometheusMetrics} into the bot's modules in place of the no-op metrics. */
public final class MetricsModules {

    private MetricsModules() {
    }

    /**
     * The modules with the adapter's and the store's metrics recorded in {@code metrics}.
     *
     * @param modules the bot's modules (such as {@code BotRunner.productionModules(...)})
     * @param metrics the registry
     * @return the modules to create the injector from
     */
    public static List<Module> recordingInto(List<? extends Module> modules, PrometheusMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        Module bot = Modules.override(modules).with(binder -> binder.bind(BotMetrics.class).toInstance(metrics));
        Module store = binder -> OptionalBinder.newOptionalBinder(binder, StoreMetrics.class).setBinding()
                .toInstance(metrics);
        return List.of(bot, store);
    }
}
