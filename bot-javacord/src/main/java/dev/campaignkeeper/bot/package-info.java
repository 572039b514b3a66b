/**
 * The bot's entry point and wiring: {@link dev.campaignkeeper.bot.CampaignBot} parses the command
 * line and builds the Guice injector from one module per adapter; {@link
 * dev.campaignkeeper.bot.BotRunner} starts and stops the Discord bot;
 * {@link dev.campaignkeeper.bot.CoreModule} provides the core use cases.
 */
package dev.campaignkeeper.bot;
