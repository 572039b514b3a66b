package dev.campaignkeeper.bot;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's entry point: parses the command line and either runs the offline console or connects
 * to Discord. The token comes only from the {@code DISCORD_TOKEN} environment variable; it is never
 * stored or logged.
 *
 * <p>Exit codes: 0 after a normal stop, 1 when startup fails (e.g. the data directory is in use),
 * 2 for a usage problem, including a missing token.
 */
public final class CampaignBot {

    /** Exit code of a usage problem or a missing token. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a failed start. */
    public static final int EXIT_FAILED = 1;

    /** Printed when there is neither a token nor {@code --console}. */
    public static final String NO_TOKEN_HELP = """
            No Discord token: set the DISCORD_TOKEN environment variable to your bot's token.

            To get a token:
              1. Open the Discord developer portal (discord.com/developers/applications) and create an
                 application (or pick yours).
              2. Under "Bot", reset and copy the token. Keep it secret; never commit it.
              3. Under "OAuth2" > "URL Generator", tick the scopes "bot" and "applications.commands",
                 and the bot permissions "View Channels", "Send Messages", "Manage Roles",
                 "Manage Webhooks" and "Use Application Commands" (permissions integer 2952793088);
                 open the generated URL to invite the bot to your server.
              4. Start the bot:  DISCORD_TOKEN=... bin/campaign-bot --dev-guild YOUR_SERVER_ID

            To try the bot without Discord first:
              bin/campaign-bot --console --data ./data""";

    /** What the bot runs once the command line is understood. */
    public interface Launcher {

        /**
         * Runs the offline console until end of input.
         *
         * @param options the options
         * @param in the console's input
         * @param out where the console prints
         * @return the exit code
         */
        int console(BotOptions options, InputStream in, PrintStream out);

        /**
         * Connects to Discord and runs until the process is stopped.
         *
         * @param options the options
         * @param token the bot token
         * @return the exit code
         */
        int discord(BotOptions options, String token);
    }

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Launcher launcher;

    /**
     * Creates the entry point.
     *
     * @param env the environment
     * @param in standard input (for the console)
     * @param out standard output
     * @param err standard error
     * @param launcher runs the console or the bot
     */
    public CampaignBot(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Launcher launcher) {
        this.env = Objects.requireNonNull(env, "env");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /**
     * Starts the bot or the console.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = new CampaignBot(System.getenv(), System.in, System.out, System.err, new ProductionLauncher(
                System.err, System.console() != null)).run(args);
        System.exit(code);
    }

    /**
     * Runs with a command line; never calls {@link System#exit}.
     *
     * @param args the command line
     * @return the exit code
     */
    public int run(String... args) {
        BotOptions options;
        try {
            options = BotOptions.parse(args, env);
        } catch (BotOptions.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.println(BotOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.println(BotOptions.USAGE);
            return 0;
        }
        if (options.version()) {
            out.println(BotOptions.versionText());
            return 0;
        }
        if (options.console()) {
            return launcher.console(options, in, out);
        }
        Optional<String> token = Optional.ofNullable(env.get(BotOptions.TOKEN_VARIABLE)).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (token.isEmpty()) {
            err.println(NO_TOKEN_HELP);
            return EXIT_USAGE;
        }
        return launcher.discord(options, token.get());
    }
}
