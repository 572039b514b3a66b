package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.javacord.api.exception.DiscordException;
import org.javacord.api.exception.MissingPermissionsException;
import org.javacord.api.exception.NotFoundException;
import org.javacord.api.exception.RatelimitException;
import org.javacord.api.util.rest.RestRequestResponseInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Discord call and translates Javacord's failures into the core's platform exceptions:
 * missing permissions (HTTP 403) name the permission, HTTP 404 (e.g. Unknown Webhook, code 10015)
 * becomes {@link PlatformNotFoundException}, and rate limits are waited out.
 *
 * <p>Javacord itself waits out HTTP 429 answers (its rate-limit manager retries after
 * {@code retry_after}); should it still report a {@link RatelimitException}, the call is retried
 * a few times before giving up with {@link RateLimitedException}.
 */
final class DiscordCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordCalls.class);
    private static final int RATE_LIMIT_RETRIES = 3;
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

    private final Duration timeout;
    private final Duration rateLimitPause;
    private final BotMetrics metrics;

    DiscordCalls(Duration timeout) {
        this(timeout, RATE_LIMIT_PAUSE);
    }

    DiscordCalls(Duration timeout, Duration rateLimitPause) {
        this(timeout, rateLimitPause, BotMetrics.none());
    }

    DiscordCalls(Duration timeout, Duration rateLimitPause, BotMetrics metrics) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.rateLimitPause = Objects.requireNonNull(rateLimitPause, "rateLimitPause");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Runs a call as {@link #call} does, reporting its latency and outcome to the metrics.
     */
    private <T> T timed(Supplier<CompletableFuture<T>> call) throws InterruptedException, ExecutionException,
            TimeoutException {
        long started = System.nanoTime();
        int status = 0;
        try {
            T result = call.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            status = 200;
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            status = cause instanceof RatelimitException ? 429 : cause instanceof DiscordException discord
                    ? discord.getResponse().map(RestRequestResponseInformation::getCode).orElse(0) : 0;
            throw e;
        } finally {
            metrics.discordCall("javacord", Duration.ofNanos(System.nanoTime() - started), status);
        }
    }

    /**
     * Runs a call and waits for its result.
     *
     * @param permission the bot permission the call needs, named as a server admin sees it
     * @param what what the call does, for messages ("create the role X")
     * @param call starts the call; invoked again to retry after a rate limit
     * @param <T> the result type
     * @return the result
     */
    <T> T call(String permission, String what, Supplier<CompletableFuture<T>> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return timed(call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("Interrupted while waiting for Discord to " + what + ".", e);
            } catch (TimeoutException e) {
                // Javacord may still complete the request later (e.g. after a long rate limit), so
                // retrying blindly could do it twice: say so.
                throw new PlatformException("Discord did not answer within " + timeout.toSeconds()
                        + " s when the bot tried to " + what + ". It may still happen once Discord catches up: "
                        + "check the channel before trying again.", e);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof RatelimitException && attempt < RATE_LIMIT_RETRIES) {
                    LOG.info("Rate limited while trying to {}; waiting and retrying", what);
                    pause(rateLimitPause.multipliedBy(attempt + 1L));
                    continue;
                }
                throw translate(cause, permission, what);
            }
        }
    }

    /**
     * Translates a Javacord failure.
     *
     * @param failure what Javacord reported
     * @param permission the permission the call needs
     * @param what what the call did
     * @return the core's exception
     */
    static RuntimeException translate(Throwable failure, String permission, String what) {
        if (failure instanceof PlatformException platform) {
            return platform;
        }
        int status = failure instanceof DiscordException discord
                ? discord.getResponse().map(RestRequestResponseInformation::getCode).orElse(0)
                : 0;
        if (status == 403 && errorCode(failure) == 50001) {
            LOG.warn("Missing access when trying to {}: {}", what, failure.getMessage());
            return new PlatformException("The bot cannot see this channel or what it needed there (Discord: "
                    + "Missing Access), so it could not " + what + ". Ask a server admin to let the bot's role "
                    + "view the channel, then try again.", failure);
        }
        if (failure instanceof MissingPermissionsException || status == 403) {
            LOG.warn("Missing the {} permission when trying to {}: {}", permission, what, failure.getMessage());
            MissingPermissionException missing = new MissingPermissionException(permission);
            missing.initCause(failure);
            return missing;
        }
        if (failure instanceof NotFoundException || status == 404) {
            PlatformNotFoundException notFound = new PlatformNotFoundException(
                    "Discord no longer knows what the bot needed to " + what + " (it was probably deleted).");
            notFound.initCause(failure);
            return notFound;
        }
        if (failure instanceof RatelimitException) {
            return new RateLimitedException(RATE_LIMIT_PAUSE);
        }
        LOG.warn("Discord call failed: {}", what, failure);
        return new PlatformException("Discord refused when the bot tried to " + what
                + (status != 0 ? " (HTTP " + status + ")" : "") + ". Try again in a moment.", failure);
    }

    /** Discord's JSON error code of a failed call, 0 if there is none. */
    private static int errorCode(Throwable failure) {
        if (!(failure instanceof DiscordException discord)) {
            return 0;
        }
        return discord.getResponse().flatMap(RestRequestResponseInformation::getBody).map(body -> {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*(\\d+)").matcher(body);
            return code.find() ? Integer.parseInt(code.group(1)) : 0;
        }).orElse(0);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while waiting out a Discord rate limit.", e);
        }
    }
}
