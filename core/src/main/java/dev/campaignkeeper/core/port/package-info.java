/**
 * Outbound ports: the store ({@link dev.campaignkeeper.core.port.CampaignStore}), the chat
 * platform ({@link dev.campaignkeeper.core.port.ChatPlatform}) and the log of posts made as
 * characters and NPCs ({@link dev.campaignkeeper.core.port.PostLog}). Adapters implement them.
 */
package dev.campaignkeeper.core.port;
