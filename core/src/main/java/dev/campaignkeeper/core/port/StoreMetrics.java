package dev.campaignkeeper.core.port;

import java.time.Duration;

/**
 * What a {@link CampaignStore} reports for monitoring, so an application can record it with the
 * metrics library of its choice (the core depends on none). Calls come from the writing threads:
 * implementations must be thread-safe and quick.
 */
public interface StoreMetrics {

    /**
     * An {@link CampaignStore#update} returned, its change (if any) durable.
     *
     * @param latency how long the update took, waiting for the lock and the sync included
     * @param changed whether it changed anything
     */
    void updated(Duration latency, boolean changed);

    /**
     * Several mutations were made durable together by one write and sync (group commit).
     *
     * @param mutations how many mutations the sync covered (at least 1)
     */
    void committed(int mutations);

    /**
     * Records nothing.
     *
     * @return the no-op metrics
     */
    static StoreMetrics none() {
        return None.INSTANCE;
    }

    /** The no-op metrics. */
    enum None implements StoreMetrics {
        /** The instance. */
        INSTANCE;

        @Override
        public void updated(Duration latency, boolean changed) {
            // nothing recorded
        }

        @Override
        public void committed(int mutations) {
            // nothing recorded
        }
    }
}
