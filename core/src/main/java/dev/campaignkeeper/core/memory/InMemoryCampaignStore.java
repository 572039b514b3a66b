package dev.campaignkeeper.core.memory;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import dev.campaignkeeper.core.port.Update;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CampaignStore} in memory: atomic and thread-safe, but nothing survives the process.
 * For tests and for library users who want no files.
 */
public final class InMemoryCampaignStore implements CampaignStore {

    private final ConcurrentHashMap<GuildId, GuildState> guilds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        checkOpen();
        return guilds.getOrDefault(guild, GuildState.empty(guild));
    }

    @Override
    public Set<GuildId> guilds() {
        checkOpen();
        return Set.copyOf(guilds.keySet());
    }

    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(transaction, "transaction");
        checkOpen();
        Object[] result = new Object[1];
        // compute() holds the bin lock for this guild: transactions on one guild are serialised.
        guilds.compute(guild, (id, old) -> {
            GuildState current = old == null ? GuildState.empty(id) : old;
            Update<T> update = transaction.apply(current);
            result[0] = update.result();
            GuildState next = current.apply(update.changes());
            return next.isEmpty() ? null : next;
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store is closed.");
        }
    }
}
