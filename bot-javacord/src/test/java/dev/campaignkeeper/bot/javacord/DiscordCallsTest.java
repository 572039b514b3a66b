package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.javacord.api.DiscordApi;
import org.javacord.api.exception.DiscordException;
import org.javacord.api.exception.MissingPermissionsException;
import org.javacord.api.exception.NotFoundException;
import org.javacord.api.exception.RatelimitException;
import org.javacord.api.util.rest.RestRequestInformation;
import org.javacord.api.util.rest.RestRequestResponseInformation;
import org.junit.jupiter.api.Test;

class DiscordCallsTest {

    private final DiscordCalls calls = new DiscordCalls(Duration.ofSeconds(5), Duration.ofMillis(10));

    /** A response as Javacord reports it with a failure. */
    private record Response(int code) implements RestRequestResponseInformation {
        @Override
        public DiscordApi getApi() {
            return null;
        }

        @Override
        public RestRequestInformation getRequest() {
            return null;
        }

        @Override
        public int getCode() {
            return code;
        }

        @Override
        public Optional<String> getBody() {
            return Optional.empty();
        }
    }

    private static <T> CompletableFuture<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    @Test
    void missingPermissionsNameThePermissionTheCallNeeds() {
        assertThatThrownBy(() -> calls.call("Manage Roles", "create the role X",
                () -> failed(new MissingPermissionsException(null, "Missing Permissions", null, new Response(403)))))
                .isInstanceOfSatisfying(MissingPermissionException.class, e -> {
                    assertThat(e.permission()).isEqualTo("Manage Roles");
                    assertThat(e.getMessage()).contains("Manage Roles");
                });
    }

    @Test
    void unknownWebhookBecomesPlatformNotFound() {
        assertThatThrownBy(() -> calls.call("Manage Webhooks", "post as Brynn",
                () -> failed(new NotFoundException(null, "Unknown Webhook", null, new Response(404)))))
                .isInstanceOf(PlatformNotFoundException.class)
                .hasMessageContaining("post as Brynn");
    }

    @Test
    void otherFailuresBecomePlatformExceptionsSayingWhatFailed() {
        RuntimeException translated = DiscordCalls.translate(
                new DiscordException(null, "Server error", null, new Response(500)), "Manage Roles", "create the role X");

        assertThat(translated).isExactlyInstanceOf(PlatformException.class)
                .hasMessageContaining("create the role X").hasMessageContaining("HTTP 500");
    }

    @Test
    void aReportedRateLimitIsWaitedOutAndTheCallRetried() {
        AtomicInteger attempts = new AtomicInteger();

        String result = calls.call("Manage Webhooks", "post", () -> attempts.incrementAndGet() < 3
                ? failed(new RatelimitException(null, "slow down", null))
                : CompletableFuture.completedFuture("posted"));

        assertThat(result).isEqualTo("posted");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRateLimitThatNeverEndsIsReportedAfterAFewRetries() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call("Manage Webhooks", "post", () -> {
            attempts.incrementAndGet();
            return failed(new RatelimitException(null, "slow down", null));
        })).isInstanceOf(RateLimitedException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aCallThatNeverAnswersTimesOut() {
        DiscordCalls impatient = new DiscordCalls(Duration.ofMillis(50), Duration.ofMillis(10));

        assertThatThrownBy(() -> impatient.call("Manage Roles", "create the role X", CompletableFuture::new))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void aCallDiscordDoesNotAnswerInTimeWarnsItMayStillHappenRatherThanInvitingARetry() {
        DiscordCalls impatient = new DiscordCalls(Duration.ofMillis(50), Duration.ofMillis(10));

        assertThatThrownBy(() -> impatient.call("Manage Webhooks", "post as Aria",
                () -> new CompletableFuture<Void>()))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("post as Aria")
                .hasMessageContaining("may still happen")
                .hasMessageNotContaining("Try again in a moment");
    }
}
