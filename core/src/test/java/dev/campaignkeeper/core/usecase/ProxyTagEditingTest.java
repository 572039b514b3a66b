package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.rules.ProxyTagSyntax;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyTagEditingTest {

    private final Fixture world = new Fixture();

    @BeforeEach
    void campaignWithTwoCharactersAndAnNpc() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
    }

    private PlayerCharacter setTags(String written) {
        return world.characters().edit(ALICE, GUILD, CHANNEL, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(ProxyTagSyntax.parse(written)));
    }

    private Npc setNpcTags(String npc, String written) {
        return world.npcs().edit(GM, GUILD, CHANNEL, npc, Optional.empty(), Optional.empty(),
                Optional.of(ProxyTagSyntax.parse(written)));
    }

    @Test
    void aPlayerSetsAndClearsTheirCharactersTagsAndTheRestStays() {
        PlayerCharacter tagged = setTags("A:text | [text]");

        assertThat(tagged.proxyTags()).containsExactly(ProxyTag.prefix("A:"), new ProxyTag("[", "]"));
        assertThat(tagged.name()).isEqualTo("Aria");
        assertThat(tagged.description()).isEqualTo("A bard.");
        assertThat(world.memoryStore.guild(GUILD).character(CHANNEL, ALICE.user()).orElseThrow().proxyTags())
                .containsExactly(ProxyTag.prefix("A:"), new ProxyTag("[", "]"));

        PlayerCharacter renamed = world.characters().edit(ALICE, GUILD, CHANNEL, Optional.of("Aria the Bold"),
                Optional.empty(), Optional.empty());
        assertThat(renamed.proxyTags()).as("editing other fields keeps the tags").hasSize(2);

        assertThat(setTags("none").proxyTags()).isEmpty();
    }

    @Test
    void theGmSetsAnNpcsTagsAndOnlyTheGm() {
        Npc gus = setNpcTags("Old Gus", "G:text");

        assertThat(gus.proxyTags()).containsExactly(ProxyTag.prefix("G:"));
        assertThat(world.memoryStore.guild(GUILD).npc(CHANNEL, gus.id()).orElseThrow().proxyTags())
                .containsExactly(ProxyTag.prefix("G:"));
        assertThatThrownBy(() -> world.npcs().edit(ALICE, GUILD, CHANNEL, "Old Gus", Optional.empty(),
                Optional.empty(), Optional.of(List.of(ProxyTag.prefix("X:")))))
                .isInstanceOf(dev.campaignkeeper.core.error.NotPermittedException.class);
    }

    @Test
    void aTagAnotherCharacterOrNpcOfTheCampaignHasIsRefusedNamingItsOwner() {
        world.characters().edit(BOB, GUILD, CHANNEL, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of(ProxyTag.prefix("B:"))));
        setNpcTags("Old Gus", "[[text]]");

        assertThatThrownBy(() -> setTags("A:text | B:text")).satisfies(code(ReasonCode.PROXY_TAG_TAKEN,
                "tag", "B:text", "name", "the character \"Brom\""));
        assertThatThrownBy(() -> setTags("[[text]]")).satisfies(code(ReasonCode.PROXY_TAG_TAKEN,
                "tag", "[[text]]", "name", "the NPC \"Old Gus\""));
        assertThat(world.memoryStore.guild(GUILD).character(CHANNEL, ALICE.user()).orElseThrow().proxyTags())
                .as("a refused edit changes nothing").isEmpty();

        assertThat(setTags("BB:text | [text]").proxyTags()).as("a longer or different tag is another tag")
                .containsExactly(ProxyTag.prefix("BB:"), new ProxyTag("[", "]"));
        assertThat(setNpcTags("Old Gus", "[[text]] | G:text").proxyTags())
                .as("setting an NPC's own tags again is no clash").hasSize(2);
    }

    @Test
    void badSyntaxAndTooManyTagsAreRefusedWithReasonCodes() {
        assertThatThrownBy(() -> ProxyTagSyntax.parse("A:"))
                .satisfies(code(ReasonCode.PROXY_TAG_NO_PLACEHOLDER, "tag", "A:"));
        assertThatThrownBy(() -> ProxyTagSyntax.parse("text:text"))
                .satisfies(code(ReasonCode.PROXY_TAG_PLACEHOLDER_TWICE, "tag", "text:text"));
        assertThatThrownBy(() -> ProxyTagSyntax.parse("text"))
                .satisfies(code(ReasonCode.PROXY_TAG_EMPTY));
        assertThatThrownBy(() -> ProxyTagSyntax.parse("\\A:text"))
                .satisfies(code(ReasonCode.PROXY_TAG_STARTS_WITH_ESCAPE));
        assertThatThrownBy(() -> ProxyTagSyntax.parse("A:text | A:text"))
                .satisfies(code(ReasonCode.PROXY_TAG_REPEATED, "tag", "A:text"));
        assertThatThrownBy(() -> ProxyTagSyntax.parse("1text|2text|3text|4text|5text|6text|7text|8text|9text|"
                + "10text|11text")).satisfies(code(ReasonCode.TOO_MANY_PROXY_TAGS, "count", "11", "max", "10"));
        assertThatThrownBy(() -> setTags("x".repeat(51) + "text"))
                .satisfies(code(ReasonCode.PROXY_TAG_TOO_LONG, "tag", "x".repeat(51), "length", "51", "max", "50"));
        List<ProxyTag> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ProxyTag.prefix(i + ":"));
        }
        assertThatThrownBy(() -> world.characters().edit(ALICE, GUILD, CHANNEL, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(eleven)))
                .as("the use case checks tags given as a list too")
                .satisfies(code(ReasonCode.TOO_MANY_PROXY_TAGS, "count", "11", "max", "10"));
    }

    @Test
    void withoutACharacterThereAreNoTagsOrAutoproxyToSet() {
        world.campaigns().join(CAROL, GUILD, CHANNEL);

        assertThatThrownBy(() -> world.characters().edit(CAROL, GUILD, CHANNEL, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(List.of(ProxyTag.prefix("C:")))))
                .satisfies(code(ReasonCode.NO_CHARACTER_TO_EDIT));
        assertThatThrownBy(() -> world.characters().setAutoproxy(CAROL, GUILD, CHANNEL, true))
                .satisfies(code(ReasonCode.NO_CHARACTER_TO_EDIT));
    }

    @Test
    void autoproxyIsSwitchedOnAndOffForTheCallersOwnCharacter() {
        assertThat(world.characters().setAutoproxy(ALICE, GUILD, CHANNEL, true).autoproxy()).isTrue();
        assertThat(world.memoryStore.guild(GUILD).character(CHANNEL, ALICE.user()).orElseThrow().autoproxy())
                .isTrue();
        assertThat(world.memoryStore.guild(GUILD).character(CHANNEL, BOB.user()).orElseThrow().autoproxy())
                .as("only the caller's character").isFalse();

        assertThat(world.characters().setAutoproxy(ALICE, GUILD, CHANNEL, false).autoproxy()).isFalse();
    }

    @Test
    void theGmSwitchesTheCampaignsProxyTagsSettingAndTheOtherSettingStays() {
        world.campaigns().changeSettings(GM, GUILD, CHANNEL, settings -> settings.withPlayersMayLog(true));

        assertThat(world.campaigns().changeSettings(GM, GUILD, CHANNEL, settings -> settings.withProxyTags(true))
                .settings()).satisfies(settings -> {
                    assertThat(settings.proxyTags()).isTrue();
                    assertThat(settings.playersMayLog()).isTrue();
                });
        assertThat(world.campaign().settings().proxyTags()).isTrue();
        assertThatThrownBy(() -> world.campaigns().changeSettings(ALICE, GUILD, CHANNEL,
                settings -> settings.withProxyTags(false)))
                .isInstanceOf(dev.campaignkeeper.core.error.NotPermittedException.class);
    }
}
