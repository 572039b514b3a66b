package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyTagTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId CHANNEL = ChannelId.of(2);

    @Test
    void aTagNeedsAPrefixOrASuffixButNotBoth() {
        assertThat(ProxyTag.prefix("F:")).isEqualTo(new ProxyTag("F:", ""));
        assertThat(ProxyTag.suffix("-f")).isEqualTo(new ProxyTag("", "-f"));
        assertThatThrownBy(() -> new ProxyTag("", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix or a suffix");
        assertThatThrownBy(() -> new ProxyTag(null, "]")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void displayShowsThePlaceholderWhereTheMessageGoesAndLengthCountsCodePoints() {
        assertThat(new ProxyTag("[", "]").display()).isEqualTo("[text]");
        assertThat(ProxyTag.prefix("F:").display()).isEqualTo("F:text");
        assertThat(new ProxyTag("\uD83D\uDC09", ":").length()).isEqualTo(2);
    }

    @Test
    void oldConstructorsGiveNoTagsNoAutoproxyAndDefaultSettings() {
        PlayerCharacter character = new PlayerCharacter(GUILD, UserId.of(3), CHANNEL, "Aria", Optional.empty(), "");
        Npc npc = new Npc(GUILD, CHANNEL, NpcId.of("n"), "Tom", Optional.empty(), UserId.of(4));
        Campaign campaign = new Campaign(GUILD, CHANNEL, "Quest", UserId.of(4), RoleId.of(5), RoleId.of(6),
                Optional.empty(), List.of());

        assertThat(character.proxyTags()).isEmpty();
        assertThat(character.autoproxy()).isFalse();
        assertThat(npc.proxyTags()).isEmpty();
        assertThat(campaign.settings()).isEqualTo(CampaignSettings.DEFAULT);
        assertThat(campaign.settings().isDefault()).isTrue();
    }

    @Test
    void withMethodsChangeOneFieldAndKeepTheOthers() {
        List<ProxyTag> tags = new ArrayList<>(List.of(ProxyTag.prefix("A:")));
        PlayerCharacter character = new PlayerCharacter(GUILD, UserId.of(3), CHANNEL, "Aria",
                Optional.of("https://example.com/a.png"), "d").withProxyTags(tags).withAutoproxy(true);
        tags.add(ProxyTag.prefix("B:"));

        assertThat(character.proxyTags()).containsExactly(ProxyTag.prefix("A:"));
        PlayerCharacter renamed = character.withName("Bria").withDescription("e").withAvatarUrl(Optional.empty());
        assertThat(renamed).isEqualTo(new PlayerCharacter(GUILD, UserId.of(3), CHANNEL, "Bria", Optional.empty(), "e",
                List.of(ProxyTag.prefix("A:")), true));

        Npc npc = new Npc(GUILD, CHANNEL, NpcId.of("n"), "Tom", Optional.empty(), UserId.of(4))
                .withProxyTags(List.of(ProxyTag.suffix("-t")));
        assertThat(npc.withName("Tim").withAvatarUrl(Optional.of("https://example.com/t.png")).proxyTags())
                .containsExactly(ProxyTag.suffix("-t"));

        Campaign campaign = new Campaign(GUILD, CHANNEL, "Quest", UserId.of(4), RoleId.of(5), RoleId.of(6),
                Optional.empty(), List.of()).withSettings(CampaignSettings.DEFAULT.withProxyTags(true));
        Campaign changed = campaign.withName("Saga").withPlayer(UserId.of(9)).withGm(UserId.of(8))
                .withPlayerRole(RoleId.of(7)).withWebhook(WebhookId.of(10)).withoutPlayer(UserId.of(9));
        assertThat(changed.settings()).isEqualTo(new CampaignSettings(true, false));
        assertThat(changed.settings().withPlayersMayLog(true).withProxyTags(false))
                .isEqualTo(new CampaignSettings(false, true));
        assertThat(changed.settings().isDefault()).isFalse();
    }
}
