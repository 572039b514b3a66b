/**
 * The platform-neutral command layer: the table of slash commands ({@link
 * dev.campaignkeeper.bot.command.CommandCatalog}) used both to register them with Discord and to
 * parse console input, and the handlers ({@link dev.campaignkeeper.bot.command.CommandHandlers})
 * that turn one command into core use-case calls and a {@link dev.campaignkeeper.bot.command.Reply}.
 *
 * <p>No domain rule lives here: the core decides, this layer only translates.
 */
package dev.campaignkeeper.bot.command;
