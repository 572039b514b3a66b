/**
 * Outbound ports: the store ({@link dev.campaignkeeper.core.port.CampaignStore}) and the chat
 * platform ({@link dev.campaignkeeper.core.port.ChatPlatform}). Adapters implement them.
 */
package dev.campaignkeeper.core.port;
