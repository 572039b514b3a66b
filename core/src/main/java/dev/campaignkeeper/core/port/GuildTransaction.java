package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.GuildState;

/**
 * A unit of work on one guild, run by {@link CampaignStore#update}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface GuildTransaction<T> {

    /**
     * Decides what to change given the guild's current state. Throw a domain exception to refuse;
     * nothing is then stored.
     *
     * @param current the guild's state at the start of the transaction
     * @return the changes to store and the result to return
     */
    Update<T> apply(GuildState current);
}
