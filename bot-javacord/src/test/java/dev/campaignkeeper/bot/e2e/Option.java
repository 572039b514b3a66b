package dev.campaignkeeper.bot.e2e;

import java.util.List;
import java.util.Objects;

/**
 * An option of a slash-command interaction the fake dispatches, as Discord sends it.
 *
 * @param type    Discord's option type (1 sub-command, 2 group, 3 string, 4 integer, 5 boolean, 6 user)
 * @param name    option name
 * @param value   the value (String, Long, Boolean, or a {@link FakeUser} for user options); null for sub-commands
 * @param options nested options of a sub-command or group
 * @param focused whether this is the option being autocompleted
 */
public record Option(int type, String name, Object value, List<Option> options, boolean focused) {

    /** Sub-command option type. */
    public static final int SUB_COMMAND = 1;
    /** Sub-command group option type. */
    public static final int SUB_COMMAND_GROUP = 2;
    /** String option type. */
    public static final int STRING = 3;
    /** Integer option type. */
    public static final int INTEGER = 4;
    /** Boolean option type. */
    public static final int BOOLEAN = 5;
    /** User option type. */
    public static final int USER = 6;
    /** Attachment option type. */
    public static final int ATTACHMENT = 11;

    /** Validates the fields. */
    public Option {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }

    /**
     * @param name    sub-command name
     * @param options its options
     * @return a sub-command option
     */
    public static Option sub(String name, Option... options) {
        return new Option(SUB_COMMAND, name, null, List.of(options), false);
    }

    /**
     * @param name  option name
     * @param value its value
     * @return a string option
     */
    public static Option string(String name, String value) {
        return new Option(STRING, name, Objects.requireNonNull(value), List.of(), false);
    }

    /**
     * @param name  option name
     * @param typed what the user has typed so far
     * @return a focused string option of an autocomplete interaction
     */
    public static Option focused(String name, String typed) {
        return new Option(STRING, name, Objects.requireNonNull(typed), List.of(), true);
    }

    /**
     * @param name  option name
     * @param value its value
     * @return an integer option
     */
    public static Option integer(String name, long value) {
        return new Option(INTEGER, name, value, List.of(), false);
    }

    /**
     * @param name  option name
     * @param value its value
     * @return a boolean option
     */
    public static Option bool(String name, boolean value) {
        return new Option(BOOLEAN, name, value, List.of(), false);
    }

    /**
     * @param name option name
     * @param user the user chosen
     * @return a user option (the fake adds the user to the interaction's resolved data)
     */
    public static Option user(String name, FakeUser user) {
        return new Option(USER, name, Objects.requireNonNull(user), List.of(), false);
    }

    /**
     * @param name option name
     * @param file the attached file
     * @return an attachment option (the fake adds the file to the resolved data and serves it)
     */
    public static Option attachment(String name, FakeAttachment file) {
        return new Option(ATTACHMENT, name, Objects.requireNonNull(file), List.of(), false);
    }
}
