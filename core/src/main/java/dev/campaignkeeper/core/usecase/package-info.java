/**
 * The use cases: one service per area ({@link dev.campaignkeeper.core.usecase.CampaignService},
 * {@link dev.campaignkeeper.core.usecase.CharacterService},
 * {@link dev.campaignkeeper.core.usecase.NpcService},
 * {@link dev.campaignkeeper.core.usecase.SpeakService}), bundled by
 * {@link dev.campaignkeeper.core.usecase.CampaignKeeper}.
 *
 * <p>Every method takes the acting user ({@link dev.campaignkeeper.core.model.Actor}) and the
 * guild and channel it acts in, and works only on that guild's data through
 * {@link dev.campaignkeeper.core.port.CampaignStore#update}. Permission and limit checks run inside
 * the store transaction, against the current state, so concurrent callers cannot break them.
 * Every refusal is a {@link dev.campaignkeeper.core.error.CampaignKeeperException} whose message
 * tells a Discord user what to do instead.
 */
package dev.campaignkeeper.core.usecase;
