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
     * <p>A store may run a transaction more than once, each time on the state it then holds (the
     * PostgreSQL store does when another process changed the guild since it read it, or when a batch
     * of updates it shared could not be written); only the last run's changes and result count. So
     * decide from {@code current} alone, with no side effects outside the returned update.
     *
     * @param current the guild's state at the start of the transaction
     * @return the changes to store and the result to return
     */
    Update<T> apply(GuildState current);
}
