package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffsiteSetupTest {

    @Test
    void nothingIsCopiedOffsiteUnlessALocationIsSet() {
        assertThat(OffsiteSetup.fromEnvironment(Map.of(), false)).isEmpty();
    }

    @Test
    void readsLocationEndpointIntervalAndCredentials() {
        var settings = OffsiteSetup.fromEnvironment(Map.of("CAMPAIGN_OFFSITE", "s3://keeper/prod",
                "CAMPAIGN_S3_ENDPOINT", "http://127.0.0.1:9000", "CAMPAIGN_OFFSITE_INTERVAL", "PT30M",
                "AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret", "DISCORD_TOKEN", "token"), false).orElseThrow();
        assertThat(settings.config().location()).isEqualTo("s3://keeper/prod");
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.env()).containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void refusesOffsiteCopiesOnADatabaseAndSaysWhatToUseInstead() {
        assertThatThrownBy(() -> OffsiteSetup.fromEnvironment(Map.of("CAMPAIGN_OFFSITE", "s3://keeper"), true))
                .hasMessageContaining("pg_dump");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> OffsiteSetup.fromEnvironment(Map.of("CAMPAIGN_OFFSITE", "s3://keeper",
                "CAMPAIGN_OFFSITE_INTERVAL", "10 minutes"), false)).hasMessageContaining("CAMPAIGN_OFFSITE_INTERVAL");
        assertThatThrownBy(() -> OffsiteSetup.fromEnvironment(Map.of("CAMPAIGN_OFFSITE", "s3://keeper",
                "AWS_ACCESS_KEY_ID", "id"), false)).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
        assertThatThrownBy(() -> OffsiteSetup.fromEnvironment(Map.of("CAMPAIGN_OFFSITE", "keeper"), false))
                .hasMessageContaining("s3://bucket/prefix");
    }
}
