package dev.campaignkeeper.core.error;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The platform asked the bot to slow down and the adapter could not wait it out. */
public class RateLimitedException extends PlatformException {

    /** How long the platform asked to wait. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param retryAfter how long the platform asked to wait
     */
    public RateLimitedException(Duration retryAfter) {
        super(ReasonCode.RATE_LIMITED, Map.of("seconds",
                String.valueOf(Math.max(1, Objects.requireNonNull(retryAfter, "retryAfter").toSeconds()))));
        this.retryAfter = retryAfter;
    }

    /**
     * How long to wait.
     *
     * @return the wait the platform asked for
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
