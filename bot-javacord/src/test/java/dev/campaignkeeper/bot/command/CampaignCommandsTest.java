package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ADMIN;
import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.BOB;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.GUILD;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.persistence.json.ExportJson;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCommandsTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void createStartsACampaignPubliclyWithTwoRolesAWebhookAndTheGmRole() {
        Reply reply = bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isTrue();
        assertThat(reply.text()).contains("The Lost Mine").contains("<@" + GM.value() + ">")
                .contains("/campaign join");
        Campaign campaign = bot.campaign(TAVERN).orElseThrow();
        assertThat(campaign.name()).isEqualTo("The Lost Mine");
        assertThat(campaign.gm()).isEqualTo(GM);
        assertThat(bot.platform.roles(GUILD)).hasSize(2);
        assertThat(bot.platform.webhooks()).hasSize(1);
        assertThat(bot.platform.holders(GUILD, campaign.gmRole())).containsExactly(GM);
    }

    @Test
    void createWithoutANameNamesTheCampaignAfterTheChannel() {
        bot.run(GM, TAVERN, "campaign create");

        assertThat(bot.campaign(TAVERN).orElseThrow().name()).isEqualTo("tavern");
    }

    @Test
    void createIsRefusedEphemerallyWhereACampaignAlreadyRuns() {
        bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        Reply reply = bot.run(ALICE, TAVERN, "campaign create", "name", "Another");

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.campaign(TAVERN).orElseThrow().name()).isEqualTo("The Lost Mine");
    }

    @Test
    void createWithATooLongNameIsRefusedAndTouchesNothing() {
        Reply reply = bot.run(GM, TAVERN, "campaign create", "name", "x".repeat(81));

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("81").contains("80");
        assertThat(bot.campaign(TAVERN)).isEmpty();
        assertThat(bot.platform.roles(GUILD)).isEmpty();
    }

    @Test
    void createWithoutManageRolesNamesThePermissionAndStoresNothing() {
        bot.platform.failNext(Operation.CREATE_ROLE, new MissingPermissionException("Manage Roles"));

        Reply reply = bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("Manage Roles");
        assertThat(bot.campaign(TAVERN)).isEmpty();
    }

    @Test
    void createWithoutManageWebhooksNamesThePermissionAndUndoesTheRoles() {
        bot.platform.failNext(Operation.CREATE_WEBHOOK, new MissingPermissionException("Manage Webhooks"));

        Reply reply = bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("Manage Webhooks");
        assertThat(bot.campaign(TAVERN)).isEmpty();
        assertThat(bot.platform.roles(GUILD)).isEmpty();
    }

    @Test
    void joinIsPublicAndGivesThePlayerRole() {
        bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        Reply reply = bot.run(ALICE, TAVERN, "campaign join");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isTrue();
        assertThat(reply.text()).contains("<@" + ALICE.value() + ">").contains("The Lost Mine");
        Campaign campaign = bot.campaign(TAVERN).orElseThrow();
        assertThat(campaign.players()).containsExactly(ALICE);
        assertThat(bot.platform.holders(GUILD, campaign.playerRole())).containsExactly(ALICE);
    }

    @Test
    void joinInAChannelWithoutACampaignIsRefused() {
        bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        Reply reply = bot.run(ALICE, MARKET, "campaign join");

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("no campaign in this channel");
    }

    @Test
    void joinWithoutManageRolesNamesThePermissionAndLeavesThePlayerOut() {
        bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");
        bot.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        Reply reply = bot.run(ALICE, TAVERN, "campaign join");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("Manage Roles");
        assertThat(bot.campaign(TAVERN).orElseThrow().players()).isEmpty();
    }

    @Test
    void leaveRemovesThePlayerAndTheirCharacterEphemerally() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, TAVERN, "campaign leave");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.campaign(TAVERN).orElseThrow().players()).containsExactly(BOB);
        assertThat(bot.state().character(TAVERN, ALICE)).isEmpty();
    }

    @Test
    void leaveBySomeoneWhoIsNotAPlayerIsRefused() {
        bot.run(GM, TAVERN, "campaign create", "name", "The Lost Mine");

        Reply reply = bot.run(ALICE, TAVERN, "campaign leave");

        assertThat(reply.error()).isTrue();
    }

    @Test
    void infoShowsTheGmPlayersCharactersAndNpcs() {
        bot.campaignWithCharacters();
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply reply = bot.run(BOB, TAVERN, "campaign info");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("The Lost Mine").contains("<@" + GM.value() + ">")
                .contains("Brynn").contains("Tobin").contains("Grik");
    }

    @Test
    void infoShowsTheCampaignsSettings() {
        bot.campaignWithPlayers();

        assertThat(bot.run(ALICE, TAVERN, "campaign info").text())
                .endsWith("Settings: proxy tags off; players may not get the transcript (the GM changes these with "
                        + "`/campaign settings`)");

        bot.run(GM, TAVERN, "campaign settings", "proxy_tags", true, "players_may_log", true);

        assertThat(bot.run(ALICE, TAVERN, "campaign info").text())
                .endsWith("Settings: proxy tags on; players may get the transcript (the GM changes these with "
                        + "`/campaign settings`)");
    }

    @Test
    void infoWhereNoCampaignRunsIsRefused() {
        Reply reply = bot.run(ALICE, MARKET, "campaign info");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("/campaign create");
    }

    @Test
    void kickByTheGmRemovesThePlayerAndCharacter() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(GM, TAVERN, "campaign kick", "user", BOB);

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.campaign(TAVERN).orElseThrow().players()).containsExactly(ALICE);
        assertThat(bot.state().character(TAVERN, BOB)).isEmpty();
    }

    @Test
    void kickByAPlayerIsRefusedAsNotGm() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, TAVERN, "campaign kick", "user", BOB);

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("Only").contains("GM");
        assertThat(bot.campaign(TAVERN).orElseThrow().players()).containsExactly(ALICE, BOB);
    }

    @Test
    void transferHandsTheCampaignToANewGm() {
        bot.campaignWithPlayers();

        Reply reply = bot.run(GM, TAVERN, "campaign transfer", "user", ALICE);

        assertThat(reply.error()).isFalse();
        Campaign campaign = bot.campaign(TAVERN).orElseThrow();
        assertThat(campaign.gm()).isEqualTo(ALICE);
        assertThat(campaign.players()).containsExactly(BOB);
        assertThat(bot.platform.holders(GUILD, campaign.gmRole())).containsExactly(ALICE);
    }

    @Test
    void transferByAPlayerIsRefused() {
        bot.campaignWithPlayers();

        Reply reply = bot.run(BOB, TAVERN, "campaign transfer", "user", BOB);

        assertThat(reply.error()).isTrue();
        assertThat(bot.campaign(TAVERN).orElseThrow().gm()).isEqualTo(GM);
    }

    @Test
    void renameByTheGmRenamesEphemerally() {
        bot.campaignWithPlayers();

        Reply reply = bot.run(GM, TAVERN, "campaign rename", "name", "The Found Mine");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("The Found Mine");
        assertThat(bot.campaign(TAVERN).orElseThrow().name()).isEqualTo("The Found Mine");
    }

    @Test
    void renameByAPlayerOrToATooLongNameIsRefused() {
        bot.campaignWithPlayers();

        assertThat(bot.run(ALICE, TAVERN, "campaign rename", "name", "Mine").error()).isTrue();
        assertThat(bot.run(GM, TAVERN, "campaign rename", "name", "m".repeat(200)).error()).isTrue();
        assertThat(bot.campaign(TAVERN).orElseThrow().name()).isEqualTo("The Lost Mine");
    }

    @Test
    void endWithoutConfirmationIsRefusedAndKeepsTheCampaign() {
        bot.campaignWithPlayers();

        Reply reply = bot.run(GM, TAVERN, "campaign end", "confirm", false);

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("confirm:true");
        assertThat(bot.campaign(TAVERN)).isPresent();
    }

    @Test
    void endByTheGmIsPublicAttachesTheExportAndDeletesEverything() {
        bot.campaignWithCharacters();
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply reply = bot.run(GM, TAVERN, "campaign end", "confirm", true);

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isTrue();
        assertThat(reply.text()).contains("The Lost Mine").contains("ended");
        assertThat(reply.attachment()).hasValueSatisfying(file -> {
            assertThat(file.fileName()).isEqualTo("the-lost-mine-export.json");
            CampaignExport export = ExportJson.read(file.text());
            assertThat(export.campaign().name()).isEqualTo("The Lost Mine");
            assertThat(export.characters()).extracting(PlayerCharacter::name).containsExactly("Brynn", "Tobin");
            assertThat(export.npcs()).extracting(Npc::name).containsExactly("Grik");
        });
        assertThat(bot.state().isEmpty()).isTrue();
        assertThat(bot.platform.roles(GUILD)).isEmpty();
        assertThat(bot.platform.webhooks()).isEmpty();
    }

    @Test
    void endByAPlayerIsRefusedButAServerAdminMayEndIt() {
        bot.campaignWithPlayers();

        assertThat(bot.run(ALICE, TAVERN, "campaign end", "confirm", true).error()).isTrue();
        assertThat(bot.campaign(TAVERN)).isPresent();

        assertThat(bot.run(ADMIN, TAVERN, "campaign end", "confirm", true).error()).isFalse();
        assertThat(bot.campaign(TAVERN)).isEmpty();
    }

    @Test
    void exportGivesTheGmAnEphemeralAttachmentAndRefusesPlayers() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(GM, TAVERN, "campaign export");
        Reply refused = bot.run(ALICE, TAVERN, "campaign export");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("2 character(s)");
        assertThat(reply.attachment()).isPresent();
        assertThat(refused.error()).isTrue();
        assertThat(refused.attachment()).isEmpty();
        assertThat(bot.campaign(TAVERN)).isPresent();
    }

    @Test
    void anUnknownCommandPathIsAnEphemeralError() {
        Reply reply = bot.run(GM, TAVERN, "campaign explode");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("/campaign explode");
    }
}
