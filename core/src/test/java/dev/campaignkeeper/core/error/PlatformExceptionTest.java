package dev.campaignkeeper.core.error;

import static dev.campaignkeeper.core.error.Reasons.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformExceptionTest {

    @Test
    void missingPermissionNamesThePermissionAndKeepsIt() {
        MissingPermissionException missing = new MissingPermissionException("Manage Webhooks");

        assertThat(missing.permission()).isEqualTo("Manage Webhooks");
        assertThat(missing).hasMessageContaining("\"Manage Webhooks\" permission");
    }

    @Test
    void rateLimitKeepsTheWaitAndSaysAtLeastOneSecond() {
        RateLimitedException limited = new RateLimitedException(Duration.ofMillis(1500));
        RateLimitedException brief = new RateLimitedException(Duration.ofMillis(20));

        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limited).hasMessageEndingWith("try again in 1 s.");
        assertThat(brief).hasMessageEndingWith("try again in 1 s.");
        assertThat(new RateLimitedException(Duration.ofSeconds(7))).hasMessageEndingWith("try again in 7 s.")
                .satisfies(code(ReasonCode.RATE_LIMITED, "seconds", "7"));
    }
}
