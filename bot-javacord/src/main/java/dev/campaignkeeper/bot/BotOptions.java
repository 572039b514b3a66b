package dev.campaignkeeper.bot;

import dev.campaignkeeper.bot.javacord.ShardPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's command line, parsed.
 *
 * @param dataDir the data directory: {@code --data DIR}, else {@code CAMPAIGN_DATA_DIR}, else
 *     {@code ./data}
 * @param devGuild {@code --dev-guild ID}: register commands on this guild only, instantly
 * @param console {@code --console}: run the offline console instead of connecting to Discord
 * @param help {@code --help}: print usage and exit
 * @param seed {@code --seed N} (console only): roll dice from this seed, so rolls repeat
 * @param version {@code --version}: print the version and exit
 * @param exports {@code --exports DIR}: where the console saves exports attached to replies (default:
 *     an {@code exports} directory beside the data directory)
 * @param databaseUrl {@code --database-url URL}, else {@code CAMPAIGN_DATABASE_URL}: use the PostgreSQL store there
 *     instead of the data directory (never shown by {@link #toString()}, as it may hold a password)
 * @param postRetention {@code --post-retention N}, else {@code CAMPAIGN_POST_RETENTION}: how many posts per
 *     campaign the post log keeps (at least 1; default: the store's, 10,000)
 * @param shards {@code --shards N} and {@code --shard-ids IDS}: the gateway shards this process runs
 * @param metricsPort {@code --metrics-port PORT}: serve Prometheus metrics and {@code /health} on this port
 * @param messageContent {@code --message-content}, else {@code CAMPAIGN_MESSAGE_CONTENT=true}: ask Discord for
 *     the Message Content intent, which proxy tags need
 */
public record BotOptions(Path dataDir, Optional<Long> devGuild, boolean console, boolean help, Optional<Long> seed,
                         boolean version, Optional<Path> exports, Optional<String> databaseUrl,
                         Optional<Integer> postRetention, ShardPlan shards, Optional<Integer> metricsPort,
                         boolean messageContent) {

    /** Environment variable that asks for the Message Content intent ({@code true}). */
    public static final String MESSAGE_CONTENT_VARIABLE = "CAMPAIGN_MESSAGE_CONTENT";

    /** Environment variable holding the post retention. */
    public static final String POST_RETENTION_VARIABLE = "CAMPAIGN_POST_RETENTION";
    /** The most posts per campaign {@code --post-retention} accepts. */
    public static final int MAX_POST_RETENTION = 1_000_000;

    /** Environment variable holding the database URL. */
    public static final String DATABASE_URL_VARIABLE = "CAMPAIGN_DATABASE_URL";

    /** Environment variable naming the data directory. */
    public static final String DATA_DIR_VARIABLE = "CAMPAIGN_DATA_DIR";
    /** Environment variable holding the bot token. */
    public static final String TOKEN_VARIABLE = "DISCORD_TOKEN";

    /** The command-line usage. */
    public static final String USAGE = """
            Usage: campaign-bot [--data DIR | --database-url URL] [--dev-guild ID] [--post-retention N]
                                [--shards N [--shard-ids IDS]] [--metrics-port PORT] [--message-content]
                                [--console [--seed N] [--exports DIR]] [--help] [--version]

              --data DIR       where campaigns are stored (default: $CAMPAIGN_DATA_DIR, else ./data)
              --database-url URL
                               store campaigns in PostgreSQL instead, e.g.
                               postgresql://keeper@db.example:5432/campaigns (password from the URL,
                               $PGPASSWORD or ~/.pgpass; never logged); several bot processes may
                               share one database (default: $CAMPAIGN_DATABASE_URL)
              --post-retention N
                               how many posts per campaign the post log keeps for edit, delete
                               and transcripts, the oldest dropped first (1 to 1000000;
                               default: $CAMPAIGN_POST_RETENTION, else 10000)
              --dev-guild ID   register the slash commands on this server only; they appear at once
                               (without it they are registered globally, which Discord may take an
                               hour to show)
              --shards N       split the bot into N gateway shards (Discord requires one per 2,500
                               servers); every process of the bot must give the same N
              --shard-ids IDS  run only these shards here, e.g. 0-3 or 0,2,5-7 (default: all N);
                               other processes run the rest, so this needs --database-url
              --metrics-port PORT
                               serve Prometheus metrics on http://HOST:PORT/metrics and a health
                               check on /health (off by default)
              --message-content
                               ask Discord for the Message Content intent, so proxy tags work
                               (switch it on in the Developer Portal first; if Discord refuses
                               it, the bot runs without; default: $CAMPAIGN_MESSAGE_CONTENT)
              --console        try the bot offline: type its commands in this terminal, no Discord
                               needed (e.g. /campaign create name:"The Lost Mine")
              --seed N         with --console: roll dice from seed N, so the same commands roll
                               the same (for docs and tests); without it dice are SecureRandom
              --exports DIR    where the console saves exports attached to replies (default: an
                               exports directory beside the data directory; created 0700,
                               files 0600)
              --help           show this help
              --version        show the version

            Environment:
              DISCORD_TOKEN      the bot's token (required unless --console); it is never stored
                                 or logged
              CAMPAIGN_DATA_DIR  default for --data
              CAMPAIGN_DATABASE_URL  default for --database-url
              CAMPAIGN_POST_RETENTION  default for --post-retention
              CAMPAIGN_MESSAGE_CONTENT  true for --message-content
              PGPASSWORD         the database password when the URL has none
              CAMPAIGN_OFFSITE   copy each backup set to s3://BUCKET/PREFIX (JSON store only);
                                 CAMPAIGN_S3_ENDPOINT for an S3-compatible server, CAMPAIGN_S3_REGION,
                                 CAMPAIGN_OFFSITE_INTERVAL (default PT10M), AWS_ACCESS_KEY_ID and
                                 AWS_SECRET_ACCESS_KEY (else the AWS default chain)""";

    /**
     * Validates the fields.
     *
     * @param dataDir the data directory: {@code --data DIR}, else {@code CAMPAIGN_DATA_DIR}, else {@code ./data}
     * @param devGuild {@code --dev-guild ID}: register commands on this guild only, instantly
     * @param console {@code --console}: run the offline console instead of connecting to Discord
     * @param help {@code --help}: print usage and exit
     * @param seed {@code --seed N} (console only): roll dice from this seed, so rolls repeat
     * @param version {@code --version}: print the version and exit
     * @param exports {@code --exports DIR}: where the console saves attached exports
     * @param databaseUrl {@code --database-url URL}, else {@code CAMPAIGN_DATABASE_URL}: use the PostgreSQL store
     * @param postRetention {@code --post-retention N}, else {@code CAMPAIGN_POST_RETENTION}: posts kept per campaign
     * @param shards {@code --shards N} and {@code --shard-ids IDS}: the gateway shards this process runs
     * @param metricsPort {@code --metrics-port PORT}: serve Prometheus metrics and {@code /health} on this port
     * @param messageContent {@code --message-content}: ask for the Message Content intent
     */
    public BotOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(devGuild, "devGuild");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(postRetention, "postRetention");
        Objects.requireNonNull(shards, "shards");
        Objects.requireNonNull(metricsPort, "metricsPort");
        if (postRetention.isPresent() && (postRetention.get() < 1 || postRetention.get() > MAX_POST_RETENTION)) {
            throw new IllegalArgumentException("post retention out of range: " + postRetention.get());
        }
    }

    /**
     * Options without the Message Content intent.
     *
     * @param dataDir the data directory
     * @param devGuild {@code --dev-guild ID}
     * @param console {@code --console}
     * @param help {@code --help}
     * @param seed {@code --seed N}
     * @param version {@code --version}
     * @param exports {@code --exports DIR}
     * @param databaseUrl {@code --database-url URL}
     * @param postRetention {@code --post-retention N}
     * @param shards the gateway shards this process runs
     * @param metricsPort {@code --metrics-port PORT}
     */
    public BotOptions(Path dataDir, Optional<Long> devGuild, boolean console, boolean help, Optional<Long> seed,
                      boolean version, Optional<Path> exports, Optional<String> databaseUrl,
                      Optional<Integer> postRetention, ShardPlan shards, Optional<Integer> metricsPort) {
        this(dataDir, devGuild, console, help, seed, version, exports, databaseUrl, postRetention, shards, metricsPort,
                false);
    }

    /**
     * Options without {@code --post-retention} (the store's default).
     *
     * @param dataDir the data directory
     * @param devGuild {@code --dev-guild ID}
     * @param console {@code --console}
     * @param help {@code --help}
     * @param seed {@code --seed N}
     * @param version {@code --version}
     * @param exports {@code --exports DIR}
     * @param databaseUrl {@code --database-url URL}
     */
    public BotOptions(Path dataDir, Optional<Long> devGuild, boolean console, boolean help, Optional<Long> seed,
                      boolean version, Optional<Path> exports, Optional<String> databaseUrl) {
        this(dataDir, devGuild, console, help, seed, version, exports, databaseUrl, Optional.empty(), ShardPlan.single(),
                Optional.empty());
    }

    /**
     * The version, from the jar's manifest.
     *
     * @return e.g. {@code campaign-bot 0.1.0-SNAPSHOT}
     */
    public static String versionText() {
        String version = BotOptions.class.getPackage().getImplementationVersion();
        return "campaign-bot " + (version == null ? "(development build)" : version) + "\nJava "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /**
     * Options using the data directory (no database).
     *
     * @param dataDir the data directory
     * @param devGuild {@code --dev-guild ID}
     * @param console {@code --console}
     * @param help {@code --help}
     * @param seed {@code --seed N}
     */
    public BotOptions(Path dataDir, Optional<Long> devGuild, boolean console, boolean help, Optional<Long> seed) {
        this(dataDir, devGuild, console, help, seed, false, Optional.empty(), Optional.empty());
    }

    /**
     * Options using the data directory, with {@code --version} and {@code --exports}.
     *
     * @param dataDir the data directory
     * @param devGuild {@code --dev-guild ID}
     * @param console {@code --console}
     * @param help {@code --help}
     * @param seed {@code --seed N}
     * @param version {@code --version}
     * @param exports {@code --exports DIR}
     */
    public BotOptions(Path dataDir, Optional<Long> devGuild, boolean console, boolean help, Optional<Long> seed,
                      boolean version, Optional<Path> exports) {
        this(dataDir, devGuild, console, help, seed, version, exports, Optional.empty());
    }

    /**
     * The options, without the database URL's password.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "BotOptions[dataDir=" + dataDir + ", devGuild=" + devGuild + ", console=" + console + ", help=" + help
                + ", seed=" + seed + ", version=" + version + ", exports=" + exports + ", databaseUrl="
                + (databaseUrl.isPresent() ? "set" : "not set") + ", postRetention=" + postRetention
                + ", shards=" + shards + ", metricsPort=" + metricsPort + ", messageContent=" + messageContent + "]";
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @param env the environment (for {@code CAMPAIGN_DATA_DIR})
     * @return the options
     * @throws UsageException if the arguments are not understood
     */
    public static BotOptions parse(String[] args, Map<String, String> env) {
        Path dataDir = null;
        Optional<Long> devGuild = Optional.empty();
        boolean console = false;
        boolean help = false;
        Optional<Long> seed = Optional.empty();
        boolean version = false;
        Optional<Path> exports = Optional.empty();
        String databaseUrl = null;
        Optional<Integer> postRetention = Optional.empty();
        Integer shardCount = null;
        String shardIds = null;
        Optional<Integer> metricsPort = Optional.empty();
        boolean messageContent = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--data" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--data", "a directory");
                    if (value.isBlank()) {
                        throw new UsageException("--data needs a directory.");
                    }
                    dataDir = Path.of(value);
                }
                case "--dev-guild" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--dev-guild", "a server id");
                    if (!value.matches("[0-9]{1,20}")) {
                        throw new UsageException("--dev-guild needs a server id (digits only; in Discord, enable "
                                + "Developer Mode and use \"Copy Server ID\"), not \"" + value + "\".");
                    }
                    try {
                        devGuild = Optional.of(Long.parseUnsignedLong(value));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--dev-guild: \"" + value + "\" is too large for a server id.");
                    }
                }
                case "--seed" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--seed", "a number");
                    try {
                        seed = Optional.of(Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seed needs a whole number, not \"" + value + "\".");
                    }
                }
                case "--exports" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--exports", "a directory");
                    if (value.isBlank()) {
                        throw new UsageException("--exports needs a directory.");
                    }
                    exports = Optional.of(Path.of(value));
                }
                case "--database-url" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--database-url",
                            "a URL such as postgresql://user@host:5432/database");
                    if (value.isBlank()) {
                        throw new UsageException("--database-url needs a URL such as postgresql://user@host:5432/database.");
                    }
                    databaseUrl = value;
                }
                case "--post-retention" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--post-retention",
                            "a number of posts");
                    postRetention = Optional.of(postRetention(value, "--post-retention"));
                }
                case "--shards" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--shards", "a number of shards");
                    shardCount = number(value, 1, ShardPlan.MAX_SHARDS, "--shards needs a number of shards from 1 to "
                            + ShardPlan.MAX_SHARDS);
                }
                case "--shard-ids" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--shard-ids",
                            "shard ids such as 0-3 or 0,2,5");
                    shardIds = value;
                }
                case "--metrics-port" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--metrics-port", "a port");
                    metricsPort = Optional.of(number(value, 1, 65_535, "--metrics-port needs a TCP port from 1 to 65535"));
                }
                case "--message-content" -> messageContent = true;
                case "--console" -> console = true;
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                default -> throw new UsageException("Unknown option \"" + args[i] + "\".");
            }
        }
        if (dataDir == null) {
            String fromEnv = env.get(DATA_DIR_VARIABLE);
            dataDir = Path.of(fromEnv == null || fromEnv.isBlank() ? "data" : fromEnv);
        }
        if (seed.isPresent() && !console) {
            throw new UsageException("--seed works only with --console; the bot on Discord always rolls with"
                    + " SecureRandom.");
        }
        if (databaseUrl == null) {
            String fromEnv = env.get(DATABASE_URL_VARIABLE);
            databaseUrl = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        }
        if (postRetention.isEmpty()) {
            String fromEnv = env.get(POST_RETENTION_VARIABLE);
            if (fromEnv != null && !fromEnv.isBlank()) {
                postRetention = Optional.of(postRetention(fromEnv, POST_RETENTION_VARIABLE));
            }
        }
        ShardPlan shards = shards(shardCount, shardIds, console, databaseUrl != null);
        if (console && metricsPort.isPresent()) {
            throw new UsageException("--metrics-port works only for the bot on Discord, not with --console.");
        }
        if (!messageContent) {
            String fromEnv = env.get(MESSAGE_CONTENT_VARIABLE);
            if (fromEnv != null && !fromEnv.isBlank()) {
                messageContent = switch (fromEnv.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1", "yes", "on" -> true;
                    case "false", "0", "no", "off" -> false;
                    default -> throw new UsageException(MESSAGE_CONTENT_VARIABLE + " must be true or false, not \""
                            + fromEnv + "\".");
                };
            }
        }
        return new BotOptions(dataDir, devGuild, console, help, seed, version, exports,
                Optional.ofNullable(databaseUrl), postRetention, shards, metricsPort, messageContent);
    }

    private static ShardPlan shards(Integer count, String ids, boolean console, boolean database) {
        if (count == null && ids == null) {
            return ShardPlan.single();
        }
        if (console) {
            throw new UsageException("--shards and --shard-ids are for the bot on Discord; the console has no shards.");
        }
        if (count == null) {
            throw new UsageException("--shard-ids needs --shards N too: the total number of shards, the same in "
                    + "every process of the bot.");
        }
        ShardPlan plan;
        try {
            plan = ids == null ? ShardPlan.all(count) : ShardPlan.parse(ids, count);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard-ids: " + e.getMessage() + ".");
        }
        if (!plan.isComplete() && !database) {
            throw new UsageException("--shard-ids " + plan.describeIds() + " runs only part of the " + count
                    + " shards, so other processes must run the rest, and a data directory serves one process."
                    + " Store the campaigns in PostgreSQL (--database-url) to run several processes, or leave out"
                    + " --shard-ids to run all " + count + " shards here.");
        }
        return plan;
    }

    private static int number(String value, int min, int max, String problem) {
        String digits = value.strip();
        if (!digits.matches("[0-9]{1,9}")) {
            throw new UsageException(problem + ", not \"" + value + "\".");
        }
        int number = Integer.parseInt(digits);
        if (number < min || number > max) {
            throw new UsageException(problem + ", not " + number + ".");
        }
        return number;
    }

    private static int postRetention(String value, String source) {
        String digits = value.strip();
        long posts;
        try {
            posts = digits.matches("[0-9]{1,12}") ? Long.parseLong(digits) : -1;
        } catch (NumberFormatException e) {
            posts = -1;
        }
        if (posts < 1 || posts > MAX_POST_RETENTION) {
            throw new UsageException(source + " needs a whole number of posts per campaign from 1 to "
                    + MAX_POST_RETENTION + " (the post log keeps that many for edit, delete and transcripts), not \""
                    + value + "\".");
        }
        return (int) posts;
    }

    private static String value(String[] args, int index, String option, String what) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs " + what + ".");
        }
        return args[index];
    }

    /** The command line could not be understood. */
    public static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what is wrong
         */
        public UsageException(String message) {
            super(message);
        }
    }
}
