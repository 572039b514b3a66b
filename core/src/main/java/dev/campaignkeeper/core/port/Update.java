package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.RecordChange;
import java.util.List;

/**
 * What a {@link GuildTransaction} decided: the changes to store together, and the result.
 *
 * @param changes the record changes, applied in order as one atomic mutation; may be empty
 * @param result the value {@link CampaignStore#update} returns
 * @param <T> the result type
 */
public record Update<T>(List<RecordChange> changes, T result) {

    /**
     * Copies the change list.
     *
     * @param changes the record changes, applied in order as one atomic mutation; may be empty
     * @param result the value {@link CampaignStore#update} returns
     */
    public Update {
        changes = List.copyOf(changes);
    }

    /**
     * An update that stores the given changes.
     *
     * @param result the result
     * @param changes the changes
     * @param <T> the result type
     * @return the update
     */
    public static <T> Update<T> of(T result, RecordChange... changes) {
        return new Update<>(List.of(changes), result);
    }

    /**
     * An update that stores nothing.
     *
     * @param result the result
     * @param <T> the result type
     * @return the update
     */
    public static <T> Update<T> none(T result) {
        return new Update<>(List.of(), result);
    }
}
