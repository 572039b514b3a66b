package dev.campaignkeeper.bot.javacord;

import java.util.Objects;
import java.util.Optional;
import org.javacord.api.DiscordApi;

/**
 * Holds the logged-in {@link DiscordApi}, which exists only after login, for the parts wired
 * before it (the chat platform).
 */
public final class DiscordConnection {

    private volatile DiscordApi api;

    /**
     * The connected API.
     *
     * @return the API
     * @throws IllegalStateException before login or after disconnect
     */
    public DiscordApi api() {
        DiscordApi current = api;
        if (current == null) {
            throw new IllegalStateException("the bot is not connected to Discord");
        }
        return current;
    }

    /**
     * The connected API, if any.
     *
     * @return the API, empty before login or after disconnect
     */
    public Optional<DiscordApi> current() {
        return Optional.ofNullable(api);
    }

    void connected(DiscordApi connected) {
        this.api = Objects.requireNonNull(connected, "api");
    }

    void disconnected() {
        this.api = null;
    }
}
