package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A store that forwards to another, counts updates and can be told to refuse the next update. */
final class ForwardingStore implements CampaignStore {

    private final CampaignStore delegate;
    final AtomicInteger updates = new AtomicInteger();
    private volatile Supplier<RuntimeException> refuseNext;
    private volatile int passBeforeRefusing;

    ForwardingStore(CampaignStore delegate) {
        this.delegate = delegate;
    }

    void refuseNextUpdate(Supplier<RuntimeException> failure) {
        refuseUpdateAfter(0, failure);
    }

    /** Lets {@code passing} more updates through, then refuses the one after them. */
    void refuseUpdateAfter(int passing, Supplier<RuntimeException> failure) {
        this.passBeforeRefusing = passing;
        this.refuseNext = failure;
    }

    @Override
    public GuildState guild(GuildId guild) {
        return delegate.guild(guild);
    }

    @Override
    public Set<GuildId> guilds() {
        return delegate.guilds();
    }

    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        updates.incrementAndGet();
        Supplier<RuntimeException> failure = refuseNext;
        if (failure != null && passBeforeRefusing > 0) {
            passBeforeRefusing--;
        } else if (failure != null) {
            refuseNext = null;
            throw failure.get();
        }
        return delegate.update(guild, transaction);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
