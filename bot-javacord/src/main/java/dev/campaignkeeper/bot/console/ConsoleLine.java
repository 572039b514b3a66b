package dev.campaignkeeper.bot.console;

import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandOptions;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line typed at the console, parsed: a slash command from the {@link CommandCatalog} with
 * {@code key:value} options ({@code /campaign create name:"The Lost Mine"}), a console directive
 * ({@code /as}, {@code /in}, {@code /help}...), an ordinary message (no leading slash), nothing
 * (blank or {@code #} comment), or a mistake.
 *
 * <p>Values may be quoted with {@code "} or {@code '}, a quote opening only at the start of a word or
 * right after {@code option:} (so apostrophes in text stay); inside double quotes {@code \"} and
 * {@code \\} escape. Words that are not {@code option:value} are joined and given to the one
 * required option still missing, so {@code /say Hello there} works.
 */
public sealed interface ConsoleLine {

    /** Console directives, which are not bot commands. */
    List<String> DIRECTIVES = List.of("as", "in", "forum", "admin", "whoami", "help", "quit", "exit", "edit", "delete");

    /** A blank line or a comment. */
    record Nothing() implements ConsoleLine {
    }

    /**
     * A console directive.
     *
     * @param name the directive, e.g. {@code as}
     * @param arguments its words, quotes removed
     */
    record Directive(String name, List<String> arguments) implements ConsoleLine {
        /**
         * Copies the arguments.
         *
         * @param name the directive, e.g. {@code as}
         * @param arguments its words, quotes removed
         */
        public Directive {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A bot command.
     *
     * @param spec the command
     * @param options its options, values converted
     */
    record Command(CommandSpec spec, CommandOptions options) implements ConsoleLine {
        /**
         * Validates the fields.
         *
         * @param spec the command
         * @param options its options, values converted
         */
        public Command {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(options, "options");
        }
    }

    /**
     * A line without a leading slash: an ordinary message, posted in character when it carries a proxy
     * tag (or autoproxy is on) and the campaign has proxy tags on.
     *
     * @param text the line, ends trimmed
     */
    record Plain(String text) implements ConsoleLine {
        /**
         * Validates the field.
         *
         * @param text the line, ends trimmed
         */
        public Plain {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A line that could not be understood.
     *
     * @param message what is wrong and how to write it
     */
    record Mistake(String message) implements ConsoleLine {
        /**
         * Validates the field.
         *
         * @param message what is wrong and how to write it
         */
        public Mistake {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Parses a line.
     *
     * @param line the line as typed
     * @param names turns user names into ids
     * @return the parsed line
     */
    static ConsoleLine parse(String line, ConsoleNames names) {
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return new Nothing();
        }
        if (!trimmed.startsWith("/")) {
            return new Plain(trimmed);
        }
        List<Token> tokens;
        try {
            tokens = Token.split(trimmed.substring(1));
        } catch (IllegalArgumentException e) {
            return new Mistake(e.getMessage());
        }
        if (tokens.isEmpty()) {
            return new Mistake("Type a command after the slash. Type /help for the list.");
        }
        String command = tokens.get(0).text().toLowerCase(Locale.ROOT);
        if (DIRECTIVES.contains(command)) {
            return new Directive(command, tokens.subList(1, tokens.size()).stream().map(Token::text).toList());
        }
        if (!CommandCatalog.commands().containsKey(command)) {
            return new Mistake("Unknown command /" + command + ". Type /help for the list.");
        }
        int next = 1;
        CommandSpec spec;
        if (CommandCatalog.hasSubcommands(command)) {
            String subcommands = CommandCatalog.under(command).stream()
                    .map(s -> s.subcommand().orElseThrow()).collect(Collectors.joining(", "));
            if (tokens.size() < 2) {
                return new Mistake("/" + command + " needs a subcommand: " + subcommands + ".");
            }
            String path = command + " " + tokens.get(1).text().toLowerCase(Locale.ROOT);
            Optional<CommandSpec> found = CommandCatalog.find(path);
            if (found.isEmpty()) {
                return new Mistake("/" + command + " has no subcommand \"" + tokens.get(1).text() + "\"; use one of: "
                        + subcommands + ".");
            }
            spec = found.get();
            next = 2;
        } else {
            spec = CommandCatalog.find(command).orElseThrow();
        }
        return options(spec, tokens.subList(next, tokens.size()), names);
    }

    private static ConsoleLine options(CommandSpec spec, List<Token> tokens, ConsoleNames names) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> loose = new ArrayList<>();
        for (Token token : tokens) {
            Optional<Map.Entry<OptionSpec, String>> option = token.asOption(spec);
            if (option.isEmpty()) {
                loose.add(token.text());
                continue;
            }
            OptionSpec optionSpec = option.get().getKey();
            if (values.containsKey(optionSpec.name())) {
                return new Mistake("The option " + optionSpec.name() + " is given twice. Usage: " + spec.usage());
            }
            Object value;
            try {
                value = convert(optionSpec, option.get().getValue(), names);
            } catch (dev.campaignkeeper.core.error.InvalidInputException badFile) {
                return new Mistake(badFile.getMessage());
            }
            if (value == null) {
                return new Mistake("The option " + optionSpec.name() + " takes " + optionSpec.usage()
                        + ", not \"" + option.get().getValue() + "\".");
            }
            values.put(optionSpec.name(), value);
        }
        if (!loose.isEmpty()) {
            // Loose words go to the one option still open: a missing required one, or the post text.
            List<OptionSpec> open = spec.options().stream()
                    .filter(o -> (o.required() || o.name().equals(CommandCatalog.TEXT_OPTION))
                            && !values.containsKey(o.name()))
                    .toList();
            if (open.size() != 1) {
                return new Mistake("Did not understand \"" + String.join(" ", loose) + "\". Write options as "
                        + "key:value (quote values with spaces). Usage: " + spec.usage());
            }
            Object value;
            try {
                value = convert(open.get(0), words(loose), names);
            } catch (dev.campaignkeeper.core.error.InvalidInputException badFile) {
                return new Mistake(badFile.getMessage());
            }
            if (value == null) {
                return new Mistake("The option " + open.get(0).name() + " takes " + open.get(0).usage() + ".");
            }
            values.put(open.get(0).name(), value);
        }
        for (OptionSpec option : spec.options()) {
            if (option.required() && !values.containsKey(option.name())) {
                return new Mistake("Missing " + option.usage() + ". Usage: " + spec.usage());
            }
        }
        return new Command(spec, CommandOptions.of(values));
    }

    private static Object convert(OptionSpec option, String raw, ConsoleNames names) {
        return switch (option.type()) {
            case STRING -> raw;
            case USER -> {
                String name = raw.startsWith("@") ? raw.substring(1) : raw;
                yield name.isBlank() ? null : names.user(name);
            }
            case BOOLEAN -> switch (raw.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Boolean.TRUE;
                case "false", "no", "off", "0" -> Boolean.FALSE;
                default -> null;
            };
            case ATTACHMENT -> localImage(raw);
            case FILE -> localFile(raw);
        };
    }

    /** Loose words as one text: separated by a space, but none beside a line break (spaces on a line's edge are lost anyway). */
    private static String words(List<String> loose) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < loose.size(); i++) {
            String word = loose.get(i);
            if (i > 0 && !word.equals("\n") && !loose.get(i - 1).equals("\n")) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    /**
     * The console's data file: a local file, its size checked like an uploaded one's.
     *
     * @throws dev.campaignkeeper.core.error.InvalidInputException if it cannot be read or is too large
     */
    private static Object localFile(String raw) {
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(raw);
        } catch (java.nio.file.InvalidPathException e) {
            throw new dev.campaignkeeper.core.error.InvalidInputException("\"" + raw + "\" is not a file path.", e);
        }
        try {
            dev.campaignkeeper.core.usecase.CharacterImports.checkFileSize(raw, java.nio.file.Files.size(path));
            byte[] content = java.nio.file.Files.readAllBytes(path);
            String name = path.getFileName() == null ? "file" : path.getFileName().toString();
            return new dev.campaignkeeper.core.port.Upload(name, "application/json", content);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new dev.campaignkeeper.core.error.InvalidInputException("There is no file " + raw + ".", e);
        } catch (java.io.IOException e) {
            throw new dev.campaignkeeper.core.error.InvalidInputException("The file " + raw + " could not be read ("
                    + e.getMessage() + ").", e);
        }
    }

    /**
     * The console's attachment: a local image file, checked like an uploaded one; null if unreadable.
     *
     * @throws dev.campaignkeeper.core.error.InvalidInputException if it is too large or not an image
     */
    private static Object localImage(String raw) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(raw);
            dev.campaignkeeper.core.rules.InputRules.imageSize(raw, java.nio.file.Files.size(path));
            byte[] content = java.nio.file.Files.readAllBytes(path);
            String name = path.getFileName() == null ? "image" : path.getFileName().toString();
            return new dev.campaignkeeper.core.port.Upload(name,
                    dev.campaignkeeper.core.rules.InputRules.imageType(name, content), content);
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return null; // not a readable file: the caller says what the option takes
        } // a file that is too large or not an image: InvalidInputException, said as it is
    }

    /**
     * One word of the line, quotes removed.
     *
     * @param text the word
     * @param quotedName whether the part before the first colon was (partly) quoted, so it cannot be
     *     an option name
     */
    record Token(String text, boolean quotedName) {

        private static final Pattern OPTION = Pattern.compile("([a-z][a-z0-9_-]*):(.*)", Pattern.DOTALL);

        Optional<Map.Entry<OptionSpec, String>> asOption(CommandSpec spec) {
            if (quotedName) {
                return Optional.empty();
            }
            Matcher matcher = OPTION.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            return spec.option(matcher.group(1)).map(option -> Map.entry(option, matcher.group(2)));
        }

        static List<Token> split(String line) {
            List<Token> tokens = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean inToken = false;
            boolean quotedName = false;
            boolean colonSeen = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                            && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        current.append(line.charAt(++i));
                    } else {
                        current.append(c);
                    }
                    continue;
                }
                if (c == '\n') {
                    // a line break of a multi-line post: kept as its own word, never an option
                    if (inToken) {
                        tokens.add(new Token(current.toString(), quotedName));
                        current.setLength(0);
                        inToken = false;
                        quotedName = false;
                        colonSeen = false;
                    }
                    tokens.add(new Token("\n", true));
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    if (inToken) {
                        tokens.add(new Token(current.toString(), quotedName));
                        current.setLength(0);
                        inToken = false;
                        quotedName = false;
                        colonSeen = false;
                    }
                    continue;
                }
                boolean opensQuote = (c == '"' || c == '\'')
                        && (!inToken || (colonSeen && current.length() > 0
                        && current.charAt(current.length() - 1) == ':' && current.indexOf(":") == current.length() - 1));
                inToken = true;
                if (opensQuote) {
                    quote = c;
                    if (!colonSeen) {
                        quotedName = true;
                    }
                    continue;
                }
                if (c == ':') {
                    colonSeen = true;
                }
                current.append(c);
            }
            if (quote != 0) {
                throw new IllegalArgumentException("A quote (" + quote + ") is not closed.");
            }
            if (inToken) {
                tokens.add(new Token(current.toString(), quotedName));
            }
            return tokens;
        }
    }
}
