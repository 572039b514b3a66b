package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.WebhookMessageBuilder;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.webhook.IncomingWebhook;
import org.javacord.api.exception.MissingPermissionsException;
import org.javacord.api.exception.NotFoundException;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the fake Discord with a bare, unmodified Javacord 3.8.0 client (no bot code): login, commands,
 * interactions, roles, webhooks, and the injected faults as Javacord sees them.
 */
@ExtendWith(NoThreadLeftRunning.class)
class FakeDiscordTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private FakeDiscord discord;
    private DiscordApi api;

    @BeforeEach
    void startFake() throws Exception {
        discord = FakeDiscord.start();
    }

    @AfterEach
    void stop() {
        try {
            if (api != null) {
                Javacord.disconnect(api);
            }
        } finally {
            discord.close();
        }
    }

    private DiscordApi login() throws Exception {
        DiscordApiBuilder builder = new DiscordApiBuilder().setToken(Javacord.uniqueToken());
        discord.configure(builder);
        api = builder.login().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return api;
    }

    private Server server() {
        return api.getServerById(discord.guildId()).orElseThrow();
    }

    private ServerTextChannel general() {
        return api.getServerTextChannelById(discord.defaultChannel().id()).orElseThrow();
    }

    @Test
    void javacordLogsInThroughTheProxyAndSeesTheGuild() throws Exception {
        login();

        assertThat(api.getYourself().getId()).isEqualTo(discord.applicationId());
        assertThat(api.getClientId()).isEqualTo(discord.applicationId());
        assertThat(server().getOwnerId()).isEqualTo(discord.owner().id());
        assertThat(server().getMemberCount()).isEqualTo(2);
        assertThat(general().getName()).isEqualTo("general");
        assertThat(discord.calls(Endpoint.GET_APPLICATION_INFO)).hasSize(1);
        assertThat(discord.calls(Endpoint.GET_APPLICATION_INFO).get(0).authorization()).startsWith("Bot ");
        assertThat(discord.identifiedTokens()).hasSize(1);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (discord.heartbeats() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(discord.heartbeats()).as("Javacord beats at once after HELLO").isPositive();
        assertThat(discord.unhandledCalls()).isEmpty();
        assertThat(discord.problems()).isEmpty();
    }

    @Test
    void slashCommandIsDispatchedAndTheImmediateReplyRecorded() throws Exception {
        login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(SlashCommand.with("echo", "Repeats the text",
                List.of(SlashCommandOption.createStringOption("text", "What to repeat", true)))))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        api.addSlashCommandCreateListener(event -> event.getSlashCommandInteraction().createImmediateResponder()
                .setContent("you said " + event.getSlashCommandInteraction().getArgumentStringValueByName("text")
                        .orElse("?") + " in #" + event.getSlashCommandInteraction().getChannel().orElseThrow()
                        .asServerTextChannel().orElseThrow().getName())
                .setFlags(MessageFlag.EPHEMERAL)
                .respond());
        FakeUser alice = discord.addMember("alice");

        Reply reply = discord.slash(alice, discord.defaultChannel(), "echo", Option.string("text", "hello"))
                .awaitReply();

        assertThat(reply.content()).isEqualTo("you said hello in #general");
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.deferred()).isFalse();
        assertThat(discord.globalCommands()).extracting(c -> c.get("name").asText()).containsExactly("echo");
        assertThat(discord.problems()).isEmpty();
    }

    @Test
    void deferredReplyIsCompletedByEditingTheOriginalResponse() throws Exception {
        login();
        api.bulkOverwriteServerApplicationCommands(discord.guildId(), Set.of(SlashCommand.with("slow", "Takes a while")))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        api.addSlashCommandCreateListener(event -> event.getSlashCommandInteraction().respondLater()
                .thenCompose(updater -> updater.setContent("done").update()));

        Reply reply = discord.slash(discord.owner(), discord.defaultChannel(), "slow").awaitReply();

        assertThat(reply.deferred()).isTrue();
        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.content()).isEqualTo("done");
        assertThat(discord.guildCommands()).extracting(c -> c.get("name").asText()).containsExactly("slow");
    }

    @Test
    void autocompleteChoicesAreRecorded() throws Exception {
        login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(SlashCommand.with("pick", "Pick one", List.of(
                SlashCommandOption.createWithOptions(org.javacord.api.interaction.SlashCommandOptionType.SUB_COMMAND,
                        "thing", "Pick a thing", List.of(new org.javacord.api.interaction.SlashCommandOptionBuilder()
                                .setType(org.javacord.api.interaction.SlashCommandOptionType.STRING)
                                .setName("name").setDescription("The thing").setRequired(true)
                                .setAutocompletable(true).build()))))))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        api.addAutocompleteCreateListener(event -> event.getAutocompleteInteraction().respondWithChoices(List.of(
                SlashCommandOptionChoice.create("Goblin for " + event.getAutocompleteInteraction().getFocusedOption()
                        .getStringValue().orElse(""), "goblin"))));

        var choices = discord.autocomplete(discord.owner(), discord.defaultChannel(), "pick",
                Option.sub("thing", Option.focused("name", "gob"))).awaitChoices();

        assertThat(choices).containsExactly(java.util.Map.entry("Goblin for gob", "goblin"));
    }

    @Test
    void secondAcknowledgementOfAnInteractionIsRejectedAsOnDiscord() throws Exception {
        login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(SlashCommand.with("twice", "Answered twice")))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Throwable> second = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> event.getSlashCommandInteraction().createImmediateResponder()
                .setContent("first").respond().join());
        api.addSlashCommandCreateListener(event -> event.getSlashCommandInteraction().createImmediateResponder()
                .setContent("second").respond().whenComplete((ok, failure) -> second.complete(failure)));

        FakeInteraction interaction = discord.slash(discord.owner(), discord.defaultChannel(), "twice");

        assertThat(second.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        assertThat(interaction.callbacks()).hasSize(2);
        assertThat(discord.calls(Endpoint.INTERACTION_CALLBACK)).extracting(RecordedCall::status)
                .containsExactlyInAnyOrder(204, 400);
    }

    @Test
    void anAcknowledgementAfterTheDeadlineIsRefusedWithUnknownInteraction() throws Exception {
        login();
        discord.setInteractionDeadline(Duration.ofMillis(300));
        api.bulkOverwriteGlobalApplicationCommands(Set.of(SlashCommand.with("late", "Answers too late")))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            event.getSlashCommandInteraction().createImmediateResponder().setContent("sorry").respond()
                    .whenComplete((ok, failure) -> outcome.complete(failure));
        });

        FakeInteraction interaction = discord.slash(discord.owner(), discord.defaultChannel(), "late");

        assertThat(outcome.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("10062");
        assertThat(interaction.lateCallbacks()).hasSize(1);
        assertThatThrownBy(() -> interaction.awaitReply(Duration.ofSeconds(1))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("too late");
    }

    @Test
    void unregisteredCommandsAndUndeclaredOptionsCannotBeDispatched() throws Exception {
        login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(SlashCommand.with("known", "Known")))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThatThrownBy(() -> discord.slash(discord.owner(), discord.defaultChannel(), "unknown"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> discord.slash(discord.owner(), discord.defaultChannel(), "known",
                Option.string("text", "x"))).isInstanceOf(AssertionError.class).hasMessageContaining("no option");
    }

    @Test
    void rolesAreCreatedAssignedAndDeletedInTheFakesState() throws Exception {
        login();
        FakeUser alice = discord.addMember("alice");

        Role role = server().createRoleBuilder().setName("GM: The Lost Mine").setMentionable(false).create()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        server().addRoleToUser(api.getUserById(alice.id()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), role)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(discord.createdRoles()).extracting(FakeRole::name).containsExactly("GM: The Lost Mine");
        assertThat(discord.rolesOf(alice)).extracting(FakeRole::id).containsExactly(role.getId());

        role.delete().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(discord.createdRoles()).isEmpty();
        assertThat(discord.rolesOf(alice)).isEmpty();
        assertThat(discord.unhandledCalls()).isEmpty();
    }

    @Test
    void webhookExecuteRecordsDisplayNameAvatarAndAllowedMentions() throws Exception {
        login();
        IncomingWebhook webhook = general().createWebhookBuilder().setName("Campaign Keeper voice").create()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).asIncomingWebhook().orElseThrow();

        new WebhookMessageBuilder().setContent("@everyone the dragon wakes")
                .setDisplayName("Grimbold").setDisplayAvatar(new URL("https://example.com/grimbold.png"))
                .setAllowedMentions(new AllowedMentionsBuilder().setMentionEveryoneAndHere(false)
                        .setMentionRoles(false).setMentionUsers(false).build())
                .send(api, webhook.getIdAsString(), webhook.getToken())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(discord.webhooks()).extracting(FakeWebhook::id).containsExactly(webhook.getId());
        WebhookPost post = discord.webhookPosts().get(0);
        assertThat(post.webhookId()).isEqualTo(webhook.getId());
        assertThat(post.channelId()).isEqualTo(discord.defaultChannel().id());
        assertThat(post.content()).isEqualTo("@everyone the dragon wakes");
        assertThat(post.username()).contains("Grimbold");
        assertThat(post.avatarUrl()).contains("https://example.com/grimbold.png");
        assertThat(post.effectiveMentionParse()).isEmpty();
        assertThat(general().getWebhooks().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).hasSize(1);
    }

    @Test
    void rateLimitIsWaitedOutByJavacordAndTheMessageArrivesOnce() throws Exception {
        login();
        IncomingWebhook webhook = general().createWebhookBuilder().setName("voice").create()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).asIncomingWebhook().orElseThrow();
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.rateLimited(Duration.ofMillis(800)));

        long start = System.nanoTime();
        new WebhookMessageBuilder().setContent("patience").send(api, webhook.getIdAsString(), webhook.getToken())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(discord.calls(Endpoint.EXECUTE_WEBHOOK)).extracting(RecordedCall::status).containsExactly(429, 200);
        assertThat(discord.webhookPosts()).extracting(WebhookPost::content).containsExactly("patience");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void injectedFaultsSurfaceAsJavacordExceptions() throws Exception {
        login();
        discord.failNext(Endpoint.CREATE_ROLE, Fault.missingPermissions());

        assertThatThrownBy(() -> server().createRoleBuilder().setName("x").create()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(MissingPermissionsException.class);
        assertThat(discord.createdRoles()).isEmpty();

        IncomingWebhook webhook = general().createWebhookBuilder().setName("voice").create()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).asIncomingWebhook().orElseThrow();
        discord.deleteWebhookOnDiscord(webhook.getId());

        assertThatThrownBy(() -> new WebhookMessageBuilder().setContent("lost")
                .send(api, webhook.getIdAsString(), webhook.getToken()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("10015");
        assertThat(discord.webhookPosts()).isEmpty();
    }
}
