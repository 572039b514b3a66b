package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot exactly as production wires it, driven through the unmodified Javacord 3.8.0 client against
 * the fake Discord: every scenario is a conversation of slash commands, checked by what Discord would
 * have received (roles, webhooks, webhook posts, replies).
 */
@ExtendWith(NoThreadLeftRunning.class)
class CampaignBotEndToEndTest {

    private static final String AVATAR_TILDA = "https://example.com/avatars/tilda.png";
    private static final String AVATAR_GRIMBOLD = "https://example.com/avatars/grimbold.png";

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeUser bob;
    private FakeChannel table;

    @BeforeEach
    void startFakeDiscord() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        bob = discord.addMember("bob");
        table = discord.addTextChannel("the-lost-mine");
    }

    @AfterEach
    void stopEverything() {
        try {
            assertThat(discord.unhandledCalls()).as("calls the fake does not implement").isEmpty();
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
            for (FakeInteraction interaction : discord.interactions()) {
                assertThat(interaction.callbacks()).as("acknowledgements of " + interaction).hasSizeLessThanOrEqualTo(1);
                assertThat(interaction.lateCallbacks()).as("acknowledgements after Discord's deadline").isEmpty();
            }
        } finally {
            try {
                stopBot();
            } finally {
                discord.close();
            }
        }
    }

    private void startBot() {
        bot = BotUnderTest.start(discord, dataDir);
    }

    private void stopBot() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    /** Stops the bot and reads what it left in its data directory. */
    private GuildState storedGuildAfterStopping() {
        stopBot();
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir))) {
            return store.guild(GuildId.of(discord.guildId()));
        }
    }

    private Reply run(FakeUser user, String command, Option... options) {
        return discord.slash(user, table, command, options).awaitReply();
    }

    /** Runs a command that answers publicly, and returns what the channel sees. */
    private Reply announce(FakeUser user, String command, Option... options) {
        return discord.slash(user, table, command, options).awaitAnnouncement();
    }

    private FakeRole gmRole() {
        return onlyRoleNamed("The Lost Mine (GM)");
    }

    private FakeRole playerRole() {
        return onlyRoleNamed("The Lost Mine (Players)");
    }

    private FakeRole onlyRoleNamed(String name) {
        List<FakeRole> roles = discord.rolesNamed(name);
        assertThat(roles).as("roles named " + name).hasSize(1);
        return roles.get(0);
    }

    private FakeWebhook onlyWebhook() {
        assertThat(discord.webhooks()).hasSize(1);
        return discord.webhooks().get(0);
    }

    private List<WebhookPost> postsWith(String text) {
        return discord.webhookPosts().stream().filter(p -> p.content().equals(text)).toList();
    }

    /** The GM creates "The Lost Mine"; Alice and Bob join and create characters. */
    private void playersGatherAroundTheTable() {
        Reply created = announce(gm, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")));
        assertThat(created.content()).contains("The Lost Mine");
        assertThat(announce(alice, "campaign", Option.sub("join")).ephemeral()).isFalse();
        assertThat(announce(bob, "campaign", Option.sub("join")).ephemeral()).isFalse();
        Reply tilda = run(alice, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.string("avatar", AVATAR_TILDA), Option.string("description", "A halfling rogue")));
        assertThat(tilda.content()).contains("Tilda");
        assertThat(run(bob, "character", Option.sub("create", Option.string("name", "Borin"))).content())
                .contains("Borin");
    }

    @Test
    void commandsAreRegisteredGloballyByBulkOverwriteOnStartup() {
        startBot();

        assertThat(discord.calls(Endpoint.OVERWRITE_GLOBAL_COMMANDS)).extracting(RecordedCall::status)
                .containsExactly(200);
        assertThat(discord.guildCommands()).isEmpty();
        assertThat(discord.globalCommands()).extracting(c -> c.get("name").asText())
                .containsExactlyInAnyOrder("campaign", "character", "say", "npc", "roll", "Edit post", "Delete post");
        JsonNode campaign = command("campaign");
        assertThat(names(campaign.get("options"))).contains("create", "join", "leave", "info", "kick", "transfer",
                "rename", "end", "export");
        JsonNode npcSay = option(command("npc"), "say");
        assertThat(option(npcSay, "npc").path("autocomplete").asBoolean()).isTrue();
        assertThat(option(npcSay, "npc").path("required").asBoolean()).isTrue();
        JsonNode text = option(command("say"), "text");
        assertThat(text.path("required").asBoolean()).as("left out, a form asks for the text").isFalse();
        assertThat(text.path("max_length").asInt()).isEqualTo(4000);
        assertThat(option(command("say"), "image").path("type").asInt()).as("attachment").isEqualTo(11);
        assertThat(option(command("say"), "title").path("max_length").asInt()).isEqualTo(80);
        assertThat(option(npcSay, "text").path("max_length").asInt()).isEqualTo(4000);
    }

    @Test
    void withADevGuildCommandsAreRegisteredOnThatGuildOnly() {
        bot = BotUnderTest.start(discord, dataDir, Optional.of(discord.guildId()));

        assertThat(discord.calls(Endpoint.OVERWRITE_GUILD_COMMANDS)).extracting(RecordedCall::status)
                .containsExactly(200);
        assertThat(discord.calls(Endpoint.OVERWRITE_GLOBAL_COMMANDS)).isEmpty();
        assertThat(discord.guildCommands()).extracting(c -> c.get("name").asText())
                .containsExactlyInAnyOrder("campaign", "character", "say", "npc", "roll", "Edit post", "Delete post");
        assertThat(run(gm, "campaign", Option.sub("info")).ephemeral()).isTrue();
    }

    @Test
    void gmCreatesCampaignWithTwoRolesAWebhookAndTheGmRole() {
        startBot();

        FakeInteraction create = discord.slash(gm, table, "campaign",
                Option.sub("create", Option.string("name", "The Lost Mine")));
        Reply reply = create.awaitAnnouncement();

        assertThat(create.awaitReply().deferred()).as("slow command answers 'thinking...' first").isTrue();
        assertThat(create.awaitReply().ephemeral()).as("the acknowledgement only the GM sees").isTrue();
        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.content()).contains("The Lost Mine").contains("<@" + gm.idString() + ">");
        assertThat(reply.allowedMentions()).hasValueSatisfying(m -> assertThat(m.path("parse")).isEmpty());
        assertThat(discord.createdRoles()).extracting(FakeRole::name)
                .containsExactlyInAnyOrder("The Lost Mine (GM)", "The Lost Mine (Players)");
        assertThat(discord.rolesOf(gm)).containsExactly(gmRole());
        FakeWebhook webhook = onlyWebhook();
        assertThat(webhook.channelId()).isEqualTo(table.id());
        assertThat(webhook.name()).isEqualTo("Campaign Keeper");
    }

    @Test
    void playersJoinWithThePlayerRoleAndCreateCharacters() {
        startBot();

        playersGatherAroundTheTable();

        assertThat(discord.rolesOf(alice)).containsExactly(playerRole());
        assertThat(discord.rolesOf(bob)).containsExactly(playerRole());
        assertThat(discord.rolesOf(gm)).containsExactly(gmRole());
        Reply info = run(bob, "campaign", Option.sub("info"));
        assertThat(info.ephemeral()).isTrue();
        assertThat(info.content()).contains("The Lost Mine").contains("Tilda").contains("Borin");
    }

    @Test
    void leavingKickingAndTransferringMoveTheRolesAlsoAfterARestart() {
        startBot();
        playersGatherAroundTheTable();
        FakeUser carol = discord.addMember("carol");
        run(carol, "campaign", Option.sub("join"));

        Reply kicked = run(gm, "campaign", Option.sub("kick", Option.user("user", bob)));

        assertThat(kicked.ephemeral()).isTrue();
        assertThat(kicked.content()).contains("<@" + bob.idString() + ">");
        assertThat(discord.rolesOf(bob)).isEmpty();
        assertThat(run(bob, "say", Option.string("text", "Let me back in!")).content()).doesNotContain("Said as");
        assertThat(postsWith("Let me back in!")).isEmpty();

        stopBot();
        startBot();

        assertThat(run(alice, "campaign", Option.sub("leave")).ephemeral()).isTrue();
        assertThat(discord.rolesOf(alice)).isEmpty();
        Reply transferred = run(gm, "campaign", Option.sub("transfer", Option.user("user", carol)));
        assertThat(transferred.content()).contains("<@" + carol.idString() + ">");
        assertThat(discord.rolesOf(carol)).containsExactly(gmRole());
        assertThat(discord.rolesOf(gm)).isEmpty();
        assertThat(run(gm, "npc", Option.sub("create", Option.string("name", "Usurper"))).content())
                .doesNotContain("Created");
        assertThat(run(carol, "npc", Option.sub("create", Option.string("name", "Grimbold"))).content())
                .contains("Created");
        Reply info = run(carol, "campaign", Option.sub("info"));
        assertThat(info.content()).contains("<@" + carol.idString() + ">").doesNotContain("Tilda")
                .doesNotContain("Borin").contains("Grimbold");
    }

    @Test
    void sayPostsThroughTheWebhookAsTheCharacterWithoutPingingAnyone() {
        startBot();
        playersGatherAroundTheTable();
        String text = "@everyone the door creaks open... <@" + bob.idString() + "> look!";

        Reply reply = run(alice, "say", Option.string("text", text));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Tilda");
        List<WebhookPost> posts = postsWith(text);
        assertThat(posts).hasSize(1);
        WebhookPost post = posts.get(0);
        assertThat(post.webhookId()).isEqualTo(onlyWebhook().id());
        assertThat(post.channelId()).isEqualTo(table.id());
        assertThat(post.username()).contains("Tilda");
        assertThat(post.avatarUrl()).contains(AVATAR_TILDA);
        assertThat(post.allowedMentions()).as("allowed_mentions must be sent").isPresent();
        assertThat(post.allowedMentions().get().path("parse").isArray()).isTrue();
        assertThat(post.effectiveMentionParse()).as("mention types Discord would ping").isEmpty();
        assertThat(post.allowedMentions().get().path("users")).isEmpty();
        assertThat(post.allowedMentions().get().path("roles")).isEmpty();

        Reply borin = run(bob, "say", Option.string("text", "Aye."));
        assertThat(borin.content()).contains("Borin");
        assertThat(postsWith("Aye.")).singleElement().satisfies(p -> {
            assertThat(p.username()).contains("Borin");
            assertThat(p.avatarUrl()).isEmpty();
        });
    }

    @Test
    void gmSpeaksAsAutocompletedNpcsAndPlayersAreRefused() {
        startBot();
        playersGatherAroundTheTable();
        assertThat(run(gm, "npc", Option.sub("create", Option.string("name", "Grimbold"),
                Option.string("avatar", AVATAR_GRIMBOLD))).content()).contains("Grimbold");
        assertThat(run(gm, "npc", Option.sub("create", Option.string("name", "Sildar"))).content())
                .contains("Sildar");

        Map<String, String> choices = discord.autocomplete(gm, table, "npc",
                Option.sub("say", Option.focused("npc", "gr"))).awaitChoices();
        Map<String, String> all = discord.autocomplete(gm, table, "npc",
                Option.sub("say", Option.focused("npc", ""), Option.string("text", "..."))).awaitChoices();

        assertThat(choices.keySet()).containsExactly("Grimbold");
        assertThat(all.keySet()).containsExactlyInAnyOrder("Grimbold", "Sildar");
        Reply said = run(gm, "npc", Option.sub("say", Option.string("npc", choices.get("Grimbold")),
                Option.string("text", "Welcome to Phandalin, travellers.")));
        assertThat(said.ephemeral()).isTrue();
        assertThat(said.content()).contains("Grimbold");
        WebhookPost post = postsWith("Welcome to Phandalin, travellers.").get(0);
        assertThat(post.username()).contains("Grimbold");
        assertThat(post.avatarUrl()).contains(AVATAR_GRIMBOLD);
        assertThat(post.effectiveMentionParse()).isEmpty();
        assertThat(run(gm, "npc", Option.sub("say", Option.string("npc", "sildar"),
                Option.string("text", "Well met."))).content()).contains("Sildar");

        int postsBefore = discord.webhookPosts().size();
        Reply refused = run(alice, "npc", Option.sub("say", Option.string("npc", "Grimbold"),
                Option.string("text", "I am Grimbold now")));

        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).doesNotContain("Said as");
        assertThat(discord.webhookPosts()).hasSize(postsBefore);
        assertThat(postsWith("I am Grimbold now")).isEmpty();
    }

    @Test
    void aWebhookDeletedOnDiscordIsRecreatedAndThePostSucceeds() {
        startBot();
        playersGatherAroundTheTable();
        FakeWebhook original = onlyWebhook();
        discord.deleteWebhookOnDiscord(original.id());

        Reply reply = run(alice, "say", Option.string("text", "Is anyone there?"));

        assertThat(reply.content()).contains("Tilda");
        FakeWebhook recreated = onlyWebhook();
        assertThat(recreated.id()).isNotEqualTo(original.id());
        assertThat(recreated.channelId()).isEqualTo(table.id());
        assertThat(postsWith("Is anyone there?")).singleElement()
                .satisfies(p -> assertThat(p.webhookId()).isEqualTo(recreated.id()));
        List<Integer> statuses = discord.calls(Endpoint.EXECUTE_WEBHOOK).stream().map(RecordedCall::status).toList();
        assertThat(statuses).containsExactly(404, statuses.get(statuses.size() - 1));
        assertThat(statuses.get(1)).isBetween(200, 204);

        run(bob, "say", Option.string("text", "Right behind you."));
        assertThat(postsWith("Right behind you.")).singleElement()
                .satisfies(p -> assertThat(p.webhookId()).isEqualTo(recreated.id()));
        assertThat(discord.calls(Endpoint.CREATE_WEBHOOK)).hasSize(2);
    }

    @Test
    void aRateLimitOnWebhookExecuteIsWaitedOutAndTheMessageArrivesOnce() {
        startBot();
        playersGatherAroundTheTable();
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.rateLimited(Duration.ofMillis(1200)));

        Reply reply = run(alice, "say", Option.string("text", "Slowly now."));

        assertThat(reply.content()).contains("Tilda");
        assertThat(postsWith("Slowly now.")).hasSize(1);
        List<RecordedCall> executes = discord.calls(Endpoint.EXECUTE_WEBHOOK);
        assertThat(executes).hasSize(2);
        assertThat(executes.get(0).status()).isEqualTo(429);
        assertThat(executes.get(0).injectedFault()).isTrue();
        assertThat(executes.get(1).status()).isBetween(200, 204);
        assertThat(discord.pendingFaults(Endpoint.EXECUTE_WEBHOOK)).isZero();
    }

    @Test
    void aSlowDiscordCallDoesNotHoldUpOtherCommands() {
        startBot();
        playersGatherAroundTheTable();
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.rateLimited(Duration.ofMillis(3500)));

        FakeInteraction slowSay = discord.slash(alice, table, "say", Option.string("text", "Wait for it."));
        discord.awaitCalls(Endpoint.EXECUTE_WEBHOOK, 1, Duration.ofSeconds(10));
        FakeInteraction info = discord.slash(bob, table, "campaign", Option.sub("info"));

        assertThat(info.awaitReply(Duration.ofSeconds(3)).content()).contains("The Lost Mine");
        assertThat(info.callbackLatency()).hasValueSatisfying(
                latency -> assertThat(latency).isLessThan(Duration.ofSeconds(2)));
        assertThat(slowSay.awaitReply(Duration.ofSeconds(15)).content()).contains("Tilda");
        assertThat(postsWith("Wait for it.")).hasSize(1);
    }

    @Test
    void missingManageRolesIsNamedInTheReplyAndNothingIsStored() {
        startBot();
        discord.failNext(Endpoint.CREATE_ROLE, Fault.missingPermissions());

        Reply reply = run(gm, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Manage Roles");
        assertThat(discord.createdRoles()).isEmpty();
        assertThat(discord.webhooks()).isEmpty();
        assertThat(discord.rolesOf(gm)).isEmpty();
        Reply info = run(gm, "campaign", Option.sub("info"));
        assertThat(info.ephemeral()).isTrue();
        assertThat(info.content()).doesNotContain("The Lost Mine");
        assertThat(run(alice, "campaign", Option.sub("join")).ephemeral()).as("nothing to join").isTrue();
        assertThat(storedGuildAfterStopping().isEmpty()).as("nothing stored").isTrue();
    }

    @Test
    void aRoleAboveTheBotsOwnIsExplainedAsTheRoleHierarchyNotAMissingPermission() {
        startBot();
        announce(gm, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")));
        discord.moveRole(playerRole(), 5);

        Reply reply = run(alice, "campaign", Option.sub("join"));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("The bot's role is not above the role \"The Lost Mine (Players)\"")
                .contains("drag").doesNotContain("missing the");
        assertThat(discord.rolesOf(alice)).isEmpty();
        Reply info = run(alice, "campaign", Option.sub("info"));
        assertThat(info.content()).as("the join was taken back").doesNotContain("<@" + alice.idString() + ">");
    }

    @Test
    void aMissingWebhookPermissionAfterTheRolesUndoesWhatWasCreated() {
        startBot();
        discord.failAfter(Endpoint.CREATE_WEBHOOK, 0, Fault.missingPermissions());

        Reply reply = run(gm, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Manage Webhooks");
        assertThat(discord.createdRoles()).as("roles created before the failure are deleted again").isEmpty();
        assertThat(discord.rolesOf(gm)).isEmpty();
        assertThat(discord.webhooks()).isEmpty();
        assertThat(discord.calls(Endpoint.DELETE_ROLE)).hasSize(2);
        assertThat(storedGuildAfterStopping().isEmpty()).as("nothing stored").isTrue();
    }

    @Test
    void refusalsOfPubliclyAnnouncedCommandsReachOnlyTheUser() {
        startBot();
        playersGatherAroundTheTable();

        FakeInteraction again = discord.slash(bob, table, "campaign",
                Option.sub("create", Option.string("name", "Mine Two")));
        FakeInteraction gmJoins = discord.slash(gm, table, "campaign", Option.sub("join"));
        FakeInteraction notGm = discord.slash(alice, table, "campaign",
                Option.sub("end", Option.bool("confirm", true)));

        for (FakeInteraction refused : List.of(again, gmJoins, notGm)) {
            Reply reply = refused.awaitReply();
            assertThat(reply.ephemeral()).as(refused + " answered only to the user").isTrue();
            assertThat(reply.content()).isNotBlank();
            assertThat(refused.seenByOthers()).as("what anyone else saw of " + refused).isEmpty();
        }
        assertThat(again.awaitReply().content()).contains("already has a campaign");
        assertThat(gmJoins.awaitReply().content()).contains("GM");
        assertThat(notGm.awaitReply().content()).contains("Only the campaign's GM");
    }

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEverythingAndReusesTheWebhook() {
        startBot();
        playersGatherAroundTheTable();
        run(gm, "npc", Option.sub("create", Option.string("name", "Grimbold"), Option.string("avatar", AVATAR_GRIMBOLD)));
        FakeWebhook webhook = onlyWebhook();
        run(alice, "say", Option.string("text", "Before the break."));

        GuildState stored = storedGuildAfterStopping();
        assertThat(discord.awaitGatewayClosed(Duration.ofSeconds(10))).isTrue();
        Campaign campaign = stored.campaign(ChannelId.of(table.id())).orElseThrow();
        assertThat(campaign.name()).isEqualTo("The Lost Mine");
        assertThat(campaign.gm()).isEqualTo(UserId.of(gm.id()));
        assertThat(campaign.players()).containsExactly(UserId.of(alice.id()), UserId.of(bob.id()));
        assertThat(campaign.gmRole()).isEqualTo(RoleId.of(gmRole().id()));
        assertThat(campaign.playerRole()).isEqualTo(RoleId.of(playerRole().id()));
        assertThat(campaign.webhook()).contains(WebhookId.of(webhook.idString()));
        assertThat(stored.charactersIn(ChannelId.of(table.id()))).hasSize(2);
        assertThat(stored.npcsIn(ChannelId.of(table.id()))).hasSize(1);
        startBot();

        assertThat(discord.identifiedTokens()).hasSize(2);
        Reply said = run(alice, "say", Option.string("text", "After the break."));
        assertThat(said.content()).contains("Tilda");
        assertThat(postsWith("After the break.")).singleElement().satisfies(p -> {
            assertThat(p.webhookId()).isEqualTo(webhook.id());
            assertThat(p.username()).contains("Tilda");
            assertThat(p.avatarUrl()).contains(AVATAR_TILDA);
        });
        assertThat(discord.calls(Endpoint.CREATE_WEBHOOK)).hasSize(1);
        assertThat(discord.webhooks()).containsExactly(webhook);
        Reply info = run(gm, "campaign", Option.sub("info"));
        assertThat(info.content()).contains("The Lost Mine").contains("Tilda").contains("Borin").contains("Grimbold");
        assertThat(discord.autocomplete(gm, table, "npc", Option.sub("say", Option.focused("npc", "grim")))
                .awaitChoices().keySet()).containsExactly("Grimbold");
        run(gm, "npc", Option.sub("say", Option.string("npc", "Grimbold"), Option.string("text", "Still here.")));
        assertThat(postsWith("Still here.")).singleElement()
                .satisfies(p -> assertThat(p.webhookId()).isEqualTo(webhook.id()));
        assertThat(discord.createdRoles()).hasSize(2);
        assertThat(discord.rolesOf(alice)).containsExactly(playerRole());

        Reply ended = announce(gm, "campaign", Option.sub("end", Option.bool("confirm", true)));
        assertThat(ended.ephemeral()).isFalse();
        assertThat(discord.webhooks()).as("the webhook found again after the restart is deleted").isEmpty();
        assertThat(discord.createdRoles()).isEmpty();
    }

    @Test
    void endingTheCampaignDeletesRolesWebhookAndDataAndAttachesTheExport() {
        startBot();
        playersGatherAroundTheTable();
        run(gm, "npc", Option.sub("create", Option.string("name", "Grimbold")));

        Reply notConfirmed = run(gm, "campaign", Option.sub("end", Option.bool("confirm", false)));
        assertThat(notConfirmed.ephemeral()).isTrue();
        assertThat(discord.createdRoles()).hasSize(2);

        Reply ended = announce(gm, "campaign", Option.sub("end", Option.bool("confirm", true)));

        assertThat(ended.ephemeral()).isFalse();
        assertThat(ended.content()).contains("The Lost Mine");
        assertThat(ended.attachments()).hasSize(1);
        String export = ended.attachments().values().iterator().next();
        assertThat(export).contains("The Lost Mine");
        assertThat(discord.createdRoles()).isEmpty();
        assertThat(discord.rolesOf(gm)).isEmpty();
        assertThat(discord.rolesOf(alice)).isEmpty();
        assertThat(discord.webhooks()).isEmpty();
        Reply info = run(gm, "campaign", Option.sub("info"));
        assertThat(info.ephemeral()).isTrue();
        assertThat(info.content()).doesNotContain("Tilda");
        assertThat(run(alice, "say", Option.string("text", "Hello?")).content()).doesNotContain("Said as");
        assertThat(postsWith("Hello?")).isEmpty();
        GuildState stored = storedGuildAfterStopping();
        assertThat(stored.campaign(ChannelId.of(table.id()))).isEmpty();
        assertThat(stored.charactersIn(ChannelId.of(table.id()))).isEmpty();
        assertThat(stored.npcsIn(ChannelId.of(table.id()))).isEmpty();
    }

    @Test
    void commandsTheBotDoesNotOwnAreLeftUnanswered() throws Exception {
        startBot();
        discord.registerForeignGuildCommand("weather", "Tells the weather (another bot's command)");

        FakeInteraction foreign = discord.slash(alice, table, "weather");
        Reply info = run(alice, "campaign", Option.sub("info"));
        Thread.sleep(1000);

        assertThat(info.ephemeral()).isTrue();
        assertThat(foreign.callbacks()).as("the bot must not answer /weather").isEmpty();
        for (FakeInteraction interaction : discord.interactions()) {
            if (interaction != foreign) {
                assertThat(interaction.callbacks()).as("acknowledgements of " + interaction).hasSize(1);
            }
        }
    }

    private JsonNode command(String name) {
        List<JsonNode> all = new ArrayList<>(discord.globalCommands());
        all.addAll(discord.guildCommands());
        return all.stream().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode option(JsonNode parent, String name) {
        for (JsonNode option : parent.path("options")) {
            if (option.path("name").asText().equals(name)) {
                return option;
            }
        }
        throw new AssertionError("no option " + name + " in " + parent);
    }

    private static List<String> names(JsonNode options) {
        List<String> names = new ArrayList<>();
        options.forEach(o -> names.add(o.path("name").asText()));
        return names;
    }
}
