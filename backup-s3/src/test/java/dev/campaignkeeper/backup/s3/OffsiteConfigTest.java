package dev.campaignkeeper.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffsiteConfigTest {

    @Test
    void readsBucketAndPrefixFromAnS3Location() {
        OffsiteConfig config = OffsiteConfig.parse("s3://keeper-backups/prod/bot-1/", Optional.empty(), Optional.empty());
        assertThat(config.bucket()).isEqualTo("keeper-backups");
        assertThat(config.prefix()).isEqualTo("prod/bot-1");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.key("backup-1", "backup.json")).isEqualTo("prod/bot-1/backup-1/backup.json");
        assertThat(config.location()).isEqualTo("s3://keeper-backups/prod/bot-1");
    }

    @Test
    void aBucketWithoutPrefixKeepsSetsAtTheTop() {
        OffsiteConfig config = OffsiteConfig.parse("s3://keeper", Optional.of("http://127.0.0.1:9000"), Optional.of("eu-west-1"));
        assertThat(config.key("backup-1", "npcs.json.gz")).isEqualTo("backup-1/npcs.json.gz");
        assertThat(config.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void refusesWhatIsNotAnS3LocationWithAMessageThatShowsTheForm() {
        assertThatThrownBy(() -> OffsiteConfig.parse("https://bucket/x", Optional.empty(), Optional.empty()))
                .hasMessageContaining("s3://bucket/prefix");
        assertThatThrownBy(() -> OffsiteConfig.parse("s3://Bad_Bucket", Optional.empty(), Optional.empty()))
                .hasMessageContaining("not an S3 bucket name");
        assertThatThrownBy(() -> OffsiteConfig.parse("s3://bucket/a//b", Optional.empty(), Optional.empty()))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> OffsiteConfig.parse("s3://bucket", Optional.of("ftp://host"), Optional.empty()))
                .hasMessageContaining("http(s) URL");
    }
}
