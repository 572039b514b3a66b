/**
 * Opt-in monitoring ({@code --metrics-port}): a Micrometer registry in Prometheus format fed by the
 * adapter's {@link dev.campaignkeeper.bot.javacord.BotMetrics} and the store's
 * {@link dev.campaignkeeper.core.port.StoreMetrics}, served with {@code /health} by the JDK's HTTP server.
 */
package dev.campaignkeeper.bot.metrics;
