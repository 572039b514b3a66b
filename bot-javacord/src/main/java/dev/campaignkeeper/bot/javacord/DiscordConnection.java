package dev.campaignkeeper.bot.javacord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.javacord.api.DiscordApi;

/**
 * Holds the logged-in {@link DiscordApi} of each shard this process runs, which exist only after
 * login, for the parts wired before them (the chat platform).
 */
public final class DiscordConnection {

    private volatile List<DiscordApi> apis = List.of();

    /**
     * The connected API of the lowest shard (any shard serves user lookups and the bot's own user).
     *
     * @return the API
     * @throws IllegalStateException before login or after disconnect
     */
    public DiscordApi api() {
        List<DiscordApi> current = apis;
        if (current.isEmpty()) {
            throw new IllegalStateException("the bot is not connected to Discord");
        }
        return current.get(0);
    }

    /**
     * The connected API of the shard a guild belongs to (its server cache holds that guild).
     *
     * @param guildId the guild
     * @return the guild's shard's API, or the lowest shard's if this process does not hold it
     * @throws IllegalStateException before login or after disconnect
     */
    public DiscordApi api(long guildId) {
        List<DiscordApi> current = apis;
        for (DiscordApi api : current) {
            if (ShardPlan.shardOf(guildId, api.getTotalShards()) == api.getCurrentShard()) {
                return api;
            }
        }
        return api();
    }

    /**
     * The connected API, if any.
     *
     * @return the lowest shard's API, empty before login or after disconnect
     */
    public Optional<DiscordApi> current() {
        List<DiscordApi> current = apis;
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
    }

    /**
     * Every connected shard's API.
     *
     * @return the APIs, by shard; empty before login or after disconnect
     */
    public List<DiscordApi> all() {
        return apis;
    }

    void connected(DiscordApi connected) {
        connected(List.of(Objects.requireNonNull(connected, "api")));
    }

    void connected(List<DiscordApi> connected) {
        this.apis = List.copyOf(connected);
    }

    void disconnected() {
        this.apis = List.of();
    }
}
