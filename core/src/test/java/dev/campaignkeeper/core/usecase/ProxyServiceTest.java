package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyServiceTest {

    private final Fixture world = new Fixture();
    private final ProxyService proxy = new ProxyService(world.memoryStore);

    @BeforeEach
    void campaignWithTaggedCharactersAndAnNpc() {
        world.campaignWithTwoCharacters();
        Npc gus = world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
        world.memoryStore.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCharacter(state.character(CHANNEL, ALICE.user()).orElseThrow()
                        .withProxyTags(List.of(ProxyTag.prefix("A:"), new ProxyTag("[", "]")))),
                new RecordChange.PutCharacter(state.character(CHANNEL, BOB.user()).orElseThrow()
                        .withProxyTags(List.of(ProxyTag.prefix("A:")))),
                new RecordChange.PutNpc(gus.withProxyTags(List.of(new ProxyTag("[[", "]]"))))));
    }

    private void proxyTags(boolean on) {
        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(
                state.campaign(CHANNEL).orElseThrow().withSettings(CampaignSettings.DEFAULT.withProxyTags(on)))));
    }

    @Test
    void nothingIsProxiedUntilTheGmSwitchesProxyTagsOn() {
        assertThat(proxy.decide(ALICE, GUILD, CHANNEL, "A: hello", false)).isEmpty();

        proxyTags(true);

        assertThat(proxy.decide(ALICE, GUILD, CHANNEL, "A: hello", false)).hasValueSatisfying(decision -> {
            assertThat(decision.character()).map(PlayerCharacter::name).hasValue("Aria");
            assertThat(decision.text()).isEqualTo("hello");
        });
        assertThat(proxy.decide(ALICE, GUILD, OTHER_CHANNEL, "A: hello", false)).isEmpty();
    }

    @Test
    void aPlayerOnlyEverSpeaksAsTheirOwnCharacterEvenWithTheSameTagAsAnother() {
        proxyTags(true);

        assertThat(proxy.decide(BOB, GUILD, CHANNEL, "A: hi", false))
                .flatMap(ProxyService.Decision::character).map(PlayerCharacter::name).hasValue("Brom");
        assertThat(proxy.decide(BOB, GUILD, CHANNEL, "[[not an npc]]", false)).isEmpty();
    }

    @Test
    void theGmSpeaksAsAnNpcByItsTagAndAutoproxyTakesUntaggedMessages() {
        proxyTags(true);
        assertThat(proxy.decide(GM, GUILD, CHANNEL, "[[Welcome, travellers]]", false))
                .hasValueSatisfying(decision -> {
                    assertThat(decision.npc()).map(Npc::name).hasValue("Old Gus");
                    assertThat(decision.text()).isEqualTo("Welcome, travellers");
                });
        assertThat(proxy.decide(ALICE, GUILD, CHANNEL, "just talking", false)).isEmpty();

        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.PutCharacter(
                state.character(CHANNEL, ALICE.user()).orElseThrow().withAutoproxy(true))));

        assertThat(proxy.decide(ALICE, GUILD, CHANNEL, "just talking", false))
                .map(ProxyService.Decision::text).hasValue("just talking");
        assertThat(proxy.decide(ALICE, GUILD, CHANNEL, "\\out of character", false)).isEmpty();
    }
}
