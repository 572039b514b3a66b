package dev.campaignkeeper.bot.javacord;

import java.time.Duration;

/**
 * What the Discord adapter reports for monitoring: commands, Discord calls, webhook posts and the
 * gateway shards' connection state. Production binds {@link #none()} unless {@code --metrics-port}
 * is given; then a Micrometer registry records them.
 */
public interface BotMetrics {

    /**
     * A command was handled.
     *
     * @param command the command's path, e.g. {@code campaign create}
     * @param latency how long the handler took
     * @param outcome {@code ok}, {@code refused} (the user was told why) or {@code error}
     */
    void commandHandled(String command, Duration latency, String outcome);

    /**
     * A call to Discord's REST API finished.
     *
     * @param kind what was called: {@code javacord} or {@code webhook}
     * @param latency how long it took, waits for rate limits included
     * @param status the HTTP status, 0 if there was no answer; 429 for a rate limit
     */
    void discordCall(String kind, Duration latency, int status);

    /**
     * A post through a campaign's webhook was attempted.
     *
     * @param delivered whether Discord took it
     */
    void webhookPost(boolean delivered);

    /**
     * A gateway shard connected or lost its connection.
     *
     * @param shard the shard id
     * @param connected whether it is connected now
     */
    void shardStatus(int shard, boolean connected);

    /**
     * Records nothing.
     *
     * @return the no-op metrics
     */
    static BotMetrics none() {
        return NoMetrics.INSTANCE;
    }

    /** The no-op metrics. */
    enum NoMetrics implements BotMetrics {
        /** The instance. */
        INSTANCE;

        @Override
        public void commandHandled(String command, Duration latency, String outcome) {
            // nothing recorded
        }

        @Override
        public void discordCall(String kind, Duration latency, int status) {
            // nothing recorded
        }

        @Override
        public void webhookPost(boolean delivered) {
            // nothing recorded
        }

        @Override
        public void shardStatus(int shard, boolean connected) {
            // nothing recorded
        }
    }
}
