package dev.campaignkeeper.bot.metrics;

import java.util.Optional;

/** Whether the bot can serve commands, for {@code /health}. */
@FunctionalInterface
public interface Health {

    /**
     * Why the bot is not ready, if it is not.
     *
     * @return empty when the store is open and every shard is connected; else the reason
     */
    Optional<String> notReady();
}
