/**
 * The offline console ({@code --console}): the same command handlers as the Discord bot over
 * stdin/stdout, with one simulated guild, made-up but stable ids for the users and channels named
 * in the session, the core's in-memory chat platform printing webhook posts as
 * {@code [Display Name] text}, and the real JSON store.
 */
package dev.campaignkeeper.bot.console;
