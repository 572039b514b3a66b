package dev.campaignkeeper.persistence.json;

import java.util.Objects;

/**
 * A value that loaded but breaks today's rules or was normalised on load (for example a name with
 * "discord" in it, an invalid avatar URL, a player listed twice, an unknown field). The value is
 * kept as stored, never silently dropped; {@code campaign-admin verify} lists these.
 *
 * @param file the file it was found in, e.g. {@code campaigns.json}
 * @param location a JSON path inside the file, e.g. {@code $.123.456.name}
 * @param message what is wrong and what was kept
 */
public record LoadWarning(String file, String location, String message) {

    /**
     * Validates the fields.
     *
     * @param file the file it was found in, e.g. {@code campaigns.json}
     * @param location a JSON path inside the file, e.g. {@code $.123.456.name}
     * @param message what is wrong and what was kept
     */
    public LoadWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + " " + location + ": " + message;
    }
}
