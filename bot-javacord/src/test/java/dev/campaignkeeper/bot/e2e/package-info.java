/**
 * End-to-end tests: the unmodified Javacord 3.8.0 client against a fake Discord on loopback.
 *
 * <p>{@link dev.campaignkeeper.bot.e2e.FakeDiscord} is an HTTPS-intercepting proxy that answers the
 * REST calls Javacord makes to {@code https://discord.com/api/v10} from in-memory state (one guild with
 * channels, members, roles, webhooks, registered commands, interactions and webhook posts), plus a plain
 * {@code ws://127.0.0.1} gateway that logs the client in (HELLO, READY, GUILD_CREATE, heartbeat ACKs),
 * pushes the gateway events matching REST changes, and dispatches slash-command and autocomplete
 * interactions as a given member in a given channel. Every request is recorded for assertions, and a
 * fault (429 with {@code retry_after}, 403 Missing Permissions, 404 Unknown Webhook, ...) can be
 * injected for the next call to an endpoint. It behaves like Discord where bots commonly go wrong:
 * commands must be registered before they can be used, an interaction must be acknowledged once and
 * within three seconds, webhook and command payloads are validated.
 *
 * <p>{@link dev.campaignkeeper.bot.e2e.FakeDiscordTest} proves the fake with a bare Javacord client;
 * {@link dev.campaignkeeper.bot.e2e.CampaignBotEndToEndTest} runs the bot's production wiring
 * ({@code BotRunner.productionModules}, JSON store in a temporary directory) with only the
 * {@code DiscordApiBuilderCustomizer} replaced.
 *
 * <p>Rules for tests here: Javacord keeps JVM-wide state (the gateway URL, one IDENTIFY per 5.5 s per
 * token), so these tests run sequentially, each login uses a fresh token, and the client is always
 * disconnected before the fake is closed. {@link dev.campaignkeeper.bot.e2e.NoThreadLeftRunning} fails
 * a test that leaves a non-daemon thread behind (a failed Javacord login never completes and keeps the
 * JVM alive).
 */
package dev.campaignkeeper.bot.e2e;
