package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Upload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The option values of one command, already converted by the adapter: text as {@link String},
 * users as {@link UserId}, flags as {@link Boolean}.
 */
public final class CommandOptions {

    private final Map<String, Object> values;

    private CommandOptions(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Options from a map of values.
     *
     * @param values option name to a String, UserId, Boolean or Upload (an attached file)
     * @return the options
     * @throws IllegalArgumentException if a value has another type
     */
    public static CommandOptions of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "option name");
            Objects.requireNonNull(value, "option value");
            if (!(value instanceof String || value instanceof UserId || value instanceof Boolean
                    || value instanceof Upload)) {
                throw new IllegalArgumentException("option " + name + " has unsupported type " + value.getClass());
            }
            copy.put(name, value);
        });
        return new CommandOptions(Map.copyOf(copy));
    }

    /**
     * A text option.
     *
     * @param name the option's name
     * @return its value, if given
     */
    public Optional<String> string(String name) {
        return typed(name, String.class);
    }

    /**
     * A text option that must be present.
     *
     * @param name the option's name
     * @return its value
     * @throws InvalidInputException if it was not given
     */
    public String requiredString(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    /**
     * A user option.
     *
     * @param name the option's name
     * @return the user, if given
     */
    public Optional<UserId> user(String name) {
        return typed(name, UserId.class);
    }

    /**
     * A user option that must be present.
     *
     * @param name the option's name
     * @return the user
     * @throws InvalidInputException if it was not given
     */
    public UserId requiredUser(String name) {
        return user(name).orElseThrow(() -> missing(name));
    }

    /**
     * A true/false option.
     *
     * @param name the option's name
     * @return its value, if given
     */
    public Optional<Boolean> bool(String name) {
        return typed(name, Boolean.class);
    }

    /**
     * An attachment option: the file, already fetched and checked by the adapter.
     *
     * @param name the option's name
     * @return the file, if given
     */
    public Optional<Upload> upload(String name) {
        return typed(name, Upload.class);
    }

    /**
     * All values, by option name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> Optional<T> typed(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new InvalidInputException("The option \"" + name + "\" has the wrong kind of value.");
        }
        return Optional.of(type.cast(value));
    }

    private static InvalidInputException missing(String name) {
        return new InvalidInputException("The option \"" + name + "\" is required.");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandOptions options && options.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
