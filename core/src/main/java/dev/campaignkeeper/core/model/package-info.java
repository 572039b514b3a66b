/**
 * The campaign domain's immutable records: ids, campaigns, player characters, NPCs, the acting
 * user, one guild's state and the portable export of a campaign.
 */
package dev.campaignkeeper.core.model;
