package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.util.Set;

/**
 * Where campaigns, characters and NPCs live. Every read and write is scoped to one guild.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #update} is atomic: all of the transaction's changes are stored, or none;</li>
 *   <li>{@link #update} is durable: when it returns, the change survives a crash or power loss;</li>
 *   <li>transactions on the same guild are serialised, so concurrent callers lose no update;</li>
 *   <li>{@link #guild} returns a consistent, immutable snapshot.</li>
 * </ul>
 * Failures to read or write are reported as {@link dev.campaignkeeper.core.error.StoreException}.
 */
public interface CampaignStore extends AutoCloseable {

    /**
     * A consistent snapshot of one guild.
     *
     * @param guild the guild
     * @return its state, empty if nothing is stored for it
     */
    GuildState guild(GuildId guild);

    /**
     * The guilds that have stored data.
     *
     * @return a snapshot of the ids
     */
    Set<GuildId> guilds();

    /**
     * Runs a transaction on one guild: reads its current state, computes changes, stores them
     * atomically and durably. The transaction may run while other guilds' transactions run; it
     * must not call the store itself. If it throws, nothing is stored and the exception propagates.
     *
     * @param guild the guild
     * @param transaction computes the changes and the result from the current state
     * @param <T> the result type
     * @return the transaction's result, once its changes are durable
     */
    <T> T update(GuildId guild, GuildTransaction<T> transaction);

    /** Flushes and releases the store; further calls fail. */
    @Override
    void close();
}
