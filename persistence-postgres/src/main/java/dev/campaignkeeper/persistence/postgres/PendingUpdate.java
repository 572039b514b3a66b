package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.port.GuildTransaction;
import java.util.Objects;

/**
 * One caller's {@code update}, waiting in {@link UpdateBatches} for a batch to run it. Its outcome
 * (a result or a failure) is set once by the batch that runs it and read by its caller after
 * {@link UpdateBatches#submit} returns; the batches' lock orders the two.
 *
 * @param <T> the transaction's result type
 */
final class PendingUpdate<T> {

    private final GuildId guild;
    private final GuildTransaction<T> transaction;
    private T result;
    private Throwable failure;
    private boolean changed;
    private boolean settled;
    private boolean done;

    PendingUpdate(GuildId guild, GuildTransaction<T> transaction) {
        this.guild = Objects.requireNonNull(guild, "guild");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
    }

    GuildId guild() {
        return guild;
    }

    GuildTransaction<T> transaction() {
        return transaction;
    }

    /**
     * Records an outcome; {@code wrote} says whether it has changes to write. Until {@link #settle}
     * it may still be replaced (the batch may run again, or its commit fail).
     */
    void succeed(T value, boolean wrote) {
        result = value;
        changed = wrote;
        failure = null;
    }

    /** Records the failure the caller gets. */
    void fail(Throwable error) {
        failure = Objects.requireNonNull(error, "error");
        result = null;
        changed = false;
    }

    /** Makes the outcome final: it is what the caller gets. */
    void settle() {
        settled = true;
    }

    /** Whether the outcome is final (see {@link #settle}). */
    boolean isSettled() {
        return settled;
    }

    /** Whether the outcome wrote changes (false for a failure). */
    boolean changed() {
        return changed;
    }

    void markDone() {
        done = true;
    }

    boolean isDone() {
        return done;
    }

    /**
     * The outcome for the caller: the result, or the failure rethrown as itself (a runtime exception
     * or error from the transaction, or a store exception).
     */
    T outcome() {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("the update failed", failure);
        }
        return result;
    }
}
