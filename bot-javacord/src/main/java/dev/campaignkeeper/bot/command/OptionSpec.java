package dev.campaignkeeper.bot.command;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of a command, as Discord shows it and as the console parses it.
 *
 * @param name the option's name: lower case, 1 to 32 characters (Discord's rule)
 * @param type the kind of value
 * @param description what to type, 1 to 100 characters (Discord's rule)
 * @param required whether the option must be given
 * @param autocomplete whether Discord asks the bot for suggestions while the user types
 * @param maxLength the most characters a text option accepts (Discord enforces it while typing);
 *     0 for non-text options
 */
public record OptionSpec(String name, OptionType type, String description, boolean required, boolean autocomplete,
                         int maxLength) {

    /** Discord's ceiling for a text option's {@code max_length}. */
    public static final int MAX_TEXT_OPTION_LENGTH = 6000;
    /** The default {@code max_length} of text options that set none. */
    public static final int DEFAULT_MAX_LENGTH = 100;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /**
     * Validates the option against Discord's rules.
     *
     * @param name the option's name: lower case, 1 to 32 characters (Discord's rule)
     * @param type the kind of value
     * @param description what to type, 1 to 100 characters (Discord's rule)
     * @param required whether the option must be given
     * @param autocomplete whether Discord asks the bot for suggestions while the user types
     * @param maxLength the most characters a text option accepts (Discord enforces it while typing);
     *     0 for non-text options
     */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name must be lower case, 1 to 32 characters: " + name);
        }
        if (description.isEmpty() || description.length() > 100) {
            throw new IllegalArgumentException("option description must be 1 to 100 characters: " + name);
        }
        if (autocomplete && type != OptionType.STRING) {
            throw new IllegalArgumentException("only text options autocomplete: " + name);
        }
        if (type == OptionType.STRING ? maxLength < 1 || maxLength > MAX_TEXT_OPTION_LENGTH : maxLength != 0) {
            throw new IllegalArgumentException("text options have a max length of 1 to 6000, others none: " + name);
        }
    }

    /**
     * A required option.
     *
     * @param name the name
     * @param type the type
     * @param description the description
     * @return the option
     */
    public static OptionSpec required(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, true, false, defaultLength(type));
    }

    /**
     * An optional option.
     *
     * @param name the name
     * @param type the type
     * @param description the description
     * @return the option
     */
    public static OptionSpec optional(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, false, false, defaultLength(type));
    }

    private static int defaultLength(OptionType type) {
        return type == OptionType.STRING ? DEFAULT_MAX_LENGTH : 0;
    }

    /**
     * This text option accepting up to {@code length} characters.
     *
     * @param length 1 to 6000
     * @return the changed option
     */
    public OptionSpec maxLength(int length) {
        return new OptionSpec(name, type, description, required, autocomplete, length);
    }

    /**
     * This option with autocomplete turned on.
     *
     * @return the changed option
     */
    public OptionSpec autocompleted() {
        return new OptionSpec(name, type, description, required, true, maxLength);
    }

    /**
     * How the option reads in usage help, e.g. {@code name:<text>} or {@code [user:<user>]}.
     *
     * @return the usage fragment
     */
    public String usage() {
        String placeholder = switch (type) {
            case STRING -> "<text>";
            case USER -> "<user>";
            case BOOLEAN -> "<true|false>";
            case ATTACHMENT, FILE -> "<file>";
        };
        String usage = name + ":" + placeholder;
        return required ? usage : "[" + usage + "]";
    }
}
