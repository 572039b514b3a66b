package dev.campaignkeeper.bot.javacord;

import okhttp3.OkHttpClient;
import org.javacord.api.DiscordApiBuilder;

/**
 * Last say over how the bot's {@link DiscordApiBuilder} is configured, applied after the bot's own
 * settings and just before login.
 *
 * <p>Production binds a no-op ({@link #none()}). End-to-end tests replace the binding with
 * {@code com.google.inject.util.Modules.override(...)} to route Javacord to a fake Discord (proxy
 * selector, trust-all certificates, gateway). No command-line flag, environment variable or
 * configuration file reaches this seam.
 */
public interface DiscordApiBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, already given the token and the bot's settings
     */
    void customize(DiscordApiBuilder builder);

    /**
     * Adjusts the HTTP client of the bot's own webhook client (which does not go through Javacord),
     * so it reaches the same Discord as Javacord does. Production changes nothing.
     *
     * @param http the client's builder, already given the bot's timeouts
     */
    default void customizeHttp(OkHttpClient.Builder http) {
        // production: nothing to change
    }

    /**
     * The production customizer: changes nothing.
     *
     * @return a no-op customizer
     */
    static DiscordApiBuilderCustomizer none() {
        return builder -> { };
    }
}
