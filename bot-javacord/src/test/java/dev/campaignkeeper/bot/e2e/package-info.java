/**
 * End-to-end tests: the unmodified Javacord 3.8.0 client against a fake Discord on loopback.
 *
 * <p>{@link dev.campaignkeeper.bot.e2e.FakeDiscord} is an HTTPS-intercepting proxy that answers the
 * REST calls Javacord makes to {@code https://discord.com/api/v10} from in-memory state, plus a plain
 * {@code ws://127.0.0.1} gateway that logs the client in and dispatches interactions. Every request is
 * recorded for assertions and faults (429, 403, 404) can be injected per endpoint.
 */
package dev.campaignkeeper.bot.e2e;
