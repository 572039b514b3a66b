/**
 * The Javacord 3.8.0 adapter: the core's {@link dev.campaignkeeper.core.port.ChatPlatform} on
 * Discord ({@link dev.campaignkeeper.bot.javacord.JavacordChatPlatform}), the slash-command and
 * autocomplete listener, command registration and the Guice module. Everything that imports
 * Javacord lives in this package.
 *
 * <p>Test seam: {@link dev.campaignkeeper.bot.javacord.DiscordApiBuilderCustomizer}, bound to a
 * no-op by {@link dev.campaignkeeper.bot.javacord.JavacordModule} and replaceable only in code.
 */
package dev.campaignkeeper.bot.javacord;
