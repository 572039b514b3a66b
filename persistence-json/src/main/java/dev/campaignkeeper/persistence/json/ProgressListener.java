package dev.campaignkeeper.persistence.json;

/**
 * Told how far a long admin operation ({@link DataDirectory#verify(ProgressListener)},
 * {@link DataDirectory#restore(String, boolean, ProgressListener)},
 * {@link DataDirectory#read(ProgressListener)}) has come. Called on the operation's thread; it must
 * return quickly and must not call back into the data directory.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * Reports progress within a phase.
     *
     * @param phase what the operation does now, e.g. "checking records"
     * @param done steps of this phase done so far
     * @param total steps of this phase, 0 when unknown
     */
    void progress(String phase, long done, long total);
}
