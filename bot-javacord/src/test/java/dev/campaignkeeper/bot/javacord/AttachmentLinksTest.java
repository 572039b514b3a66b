package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttachmentLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String LASTING = "https://cdn.discordapp.com/attachments/111/222/tilda.png";

    private final List<List<String>> asked = new ArrayList<>();

    private static String signedUntil(Instant expiry) {
        return LASTING + "?ex=" + Long.toHexString(expiry.getEpochSecond()) + "&is=abc&hm=def&";
    }

    private AttachmentLinks links(Map<String, String> answers) {
        return new AttachmentLinks(urls -> {
            asked.add(urls);
            return answers;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theLastingLinkIsTheCdnAddressWithoutItsSignature() {
        assertThat(AttachmentLinks.lasting(signedUntil(NOW))).isEqualTo(LASTING);
        assertThat(AttachmentLinks.lasting(LASTING.replace("cdn.discordapp.com", "media.discordapp.net")))
                .isEqualTo(LASTING);
        assertThat(AttachmentLinks.isAttachment(LASTING)).isTrue();
        assertThat(AttachmentLinks.isAttachment("https://example.com/attachments/1/2/a.png")).isFalse();
        assertThat(AttachmentLinks.isAttachment("https://cdn.discordapp.com/avatars/1/2.png")).isFalse();
        assertThat(AttachmentLinks.expiry(signedUntil(NOW))).hasValue(NOW);
        assertThat(AttachmentLinks.expiry(LASTING)).isEmpty();
        assertThat(AttachmentLinks.expiry(LASTING + "?ex=zz")).isEmpty();
    }

    @Test
    void aRememberedLinkIsUsedWhileItHasMoreThanTheMarginLeftThenSignedAnew() {
        String fresh = signedUntil(NOW.plus(Duration.ofHours(24)));
        AttachmentLinks links = links(Map.of(LASTING, fresh));
        String valid = signedUntil(NOW.plus(AttachmentLinks.MARGIN).plusSeconds(60));
        assertThat(links.remember(valid)).isEqualTo(LASTING);

        assertThat(links.usable(LASTING)).isEqualTo(valid);
        assertThat(asked).isEmpty();

        AttachmentLinks soon = links(Map.of(LASTING, fresh));
        soon.remember(signedUntil(NOW.plus(AttachmentLinks.MARGIN).minusSeconds(60)));
        assertThat(soon.usable(LASTING)).isEqualTo(fresh);
        assertThat(soon.usable(LASTING)).as("the refreshed link is remembered").isEqualTo(fresh);
        assertThat(asked).containsExactly(List.of(LASTING));
    }

    @Test
    void anExpiredPastedLinkIsSignedAnewAndOtherLinksAreLeftAlone() {
        String fresh = signedUntil(NOW.plus(Duration.ofHours(24)));
        AttachmentLinks links = links(Map.of(LASTING, fresh));

        assertThat(links.usable(signedUntil(NOW.minusSeconds(1)))).isEqualTo(fresh);
        assertThat(links.usable("https://example.com/tilda.png")).isEqualTo("https://example.com/tilda.png");
        assertThat(asked).containsExactly(List.of(LASTING));
    }

    @Test
    void aLinkDiscordDoesNotSignOrAFailedRefreshLeavesTheLinkAsGiven() {
        assertThat(links(Map.of()).usable(LASTING)).isEqualTo(LASTING);
        AttachmentLinks failing = new AttachmentLinks(urls -> {
            throw new PlatformException("Discord is down");
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(failing.usable(LASTING)).isEqualTo(LASTING);
    }
}
