package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import java.util.Set;

/** Test helper: a store handle whose close leaves the shared in-memory store open (like reopening a directory). */
final class DelegatingStore implements CampaignStore {

    private final CampaignStore delegate;

    DelegatingStore(CampaignStore delegate) {
        this.delegate = delegate;
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
        return delegate.update(guild, transaction);
    }

    @Override
    public void close() {
        // the shared store stays open
    }
}
