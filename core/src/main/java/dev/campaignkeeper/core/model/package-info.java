/**
 * The campaign domain's immutable records: ids, campaigns, player characters, NPCs, the acting
 * user, one guild's state, the portable export of a campaign, where a command was run ({@link dev.campaignkeeper.core.model.Place}) and the log of posts made as characters and NPCs.
 */
package dev.campaignkeeper.core.model;
