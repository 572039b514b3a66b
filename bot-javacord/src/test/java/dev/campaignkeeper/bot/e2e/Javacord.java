package dev.campaignkeeper.bot.e2e;

import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.javacord.api.DiscordApi;

/** Small helpers for driving Javacord safely in tests. */
final class Javacord {

    private Javacord() {
    }

    /**
     * A fresh token: Javacord allows one IDENTIFY per 5.5 s per token per JVM, so each login uses its own.
     *
     * @return a token no other test uses
     */
    static String uniqueToken() {
        return "e2e-" + UUID.randomUUID();
    }

    /**
     * Disconnects and waits for Javacord's pools to shut down. Javacord 3.8.0 may throw
     * {@link RejectedExecutionException} when its pool is already shutting down; that is harmless.
     *
     * @param api the client
     */
    static void disconnect(DiscordApi api) {
        try {
            api.disconnect().get(15, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // the pool is already shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // disconnect did not finish cleanly; the thread check reports what is left
        }
    }
}
