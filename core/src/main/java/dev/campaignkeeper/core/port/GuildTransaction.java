package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.GuildState;

/**
 * A unit of work on one guild, run by {@link CampaignStore#update}.
 *
 * <p>A store may apply a transaction more than once before one result is committed (the PostgreSQL
 * store does when another process changed the guild after the transaction first ran), and keeps
 * only the last run's changes and result. So a transaction decides only from the state it is given
 * and has no other effect: platform calls and other side effects go before or after
 * {@code update}, never inside it.
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
