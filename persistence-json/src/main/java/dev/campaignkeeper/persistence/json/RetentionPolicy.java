package dev.campaignkeeper.persistence.json;

/**
 * How many backups to keep: the newest {@code last}, plus the newest of each of the last
 * {@code hourly} hours, {@code daily} days and {@code weekly} weeks that have a backup. The newest
 * valid backup is never deleted, whatever the numbers say.
 *
 * @param last newest backups kept unconditionally
 * @param hourly distinct hours kept
 * @param daily distinct days kept
 * @param weekly distinct weeks kept
 */
public record RetentionPolicy(int last, int hourly, int daily, int weekly) {

    /**
     * Validates that no count is negative.
     *
     * @param last newest backups kept unconditionally
     * @param hourly distinct hours kept
     * @param daily distinct days kept
     * @param weekly distinct weeks kept
     */
    public RetentionPolicy {
        if (last < 0 || hourly < 0 || daily < 0 || weekly < 0) {
            throw new IllegalArgumentException("retention counts must not be negative");
        }
    }

    /**
     * The defaults: last 10, hourly 24, daily 7, weekly 4.
     *
     * @return the default policy
     */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(10, 24, 7, 4);
    }
}
