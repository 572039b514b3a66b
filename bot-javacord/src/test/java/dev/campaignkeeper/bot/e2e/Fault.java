package dev.campaignkeeper.bot.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the fake answers instead of handling a request (see {@link FakeDiscord#failNext}).
 *
 * @param status  HTTP status
 * @param headers extra response headers
 * @param body    JSON body
 */
public record Fault(int status, Map<String, String> headers, String body) {

    /** Validates the fields. */
    public Fault {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * A per-route rate limit as Discord sends it: 429 with {@code retry_after} (seconds) in the body and
     * the rate-limit headers; the {@code Via} header marks it as coming from Discord, not Cloudflare.
     *
     * @param retryAfter how long the client must wait
     * @return the fault
     */
    public static Fault rateLimited(Duration retryAfter) {
        double seconds = retryAfter.toMillis() / 1000.0;
        return new Fault(429, Map.of(
                "Via", "1.1 google",
                "Retry-After", Long.toString((long) Math.ceil(seconds)),
                "X-RateLimit-Limit", "5",
                "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", Double.toString(seconds),
                "X-RateLimit-Bucket", "fake-bucket",
                "X-RateLimit-Scope", "user"),
                "{\"message\": \"You are being rate limited.\", \"retry_after\": " + seconds
                        + ", \"global\": false}");
    }

    /**
     * A global rate limit as Discord sends it: 429 with {@code X-RateLimit-Global: true} and
     * {@code "global": true}; the client must send nothing rate-limited until {@code retry_after}
     * (interaction responses are not bound by it).
     *
     * @param retryAfter how long the client must wait
     * @return the fault
     */
    public static Fault globallyRateLimited(Duration retryAfter) {
        double seconds = retryAfter.toMillis() / 1000.0;
        return new Fault(429, Map.of(
                "Via", "1.1 google",
                "Retry-After", Long.toString((long) Math.ceil(seconds)),
                "X-RateLimit-Global", "true",
                "X-RateLimit-Scope", "global"),
                "{\"message\": \"You are being rate limited.\", \"retry_after\": " + seconds
                        + ", \"global\": true}");
    }

    /** @return 403 Missing Access (JSON error code 50001): the bot cannot see the channel */
    public static Fault missingAccess() {
        return new Fault(403, Map.of(), "{\"message\": \"Missing Access\", \"code\": 50001}");
    }

    /** @return 403 Missing Permissions (JSON error code 50013) */
    public static Fault missingPermissions() {
        return new Fault(403, Map.of(), "{\"message\": \"Missing Permissions\", \"code\": 50013}");
    }

    /** @return 404 Unknown Webhook (JSON error code 10015) */
    public static Fault unknownWebhook() {
        return new Fault(404, Map.of(), "{\"message\": \"Unknown Webhook\", \"code\": 10015}");
    }

    /** @return 500 with a generic body, as during a Discord outage */
    public static Fault serverError() {
        return new Fault(500, Map.of(), "{\"message\": \"500: Internal Server Error\", \"code\": 0}");
    }
}
