package dev.campaignkeeper.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.persistence.json.DataDirectory;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code campaign-admin [--data DIR] [--verbose] COMMAND}: the root command. Subcommands reach
 * the shared options and streams through it.
 */
@Command(name = "campaign-admin",
        mixinStandardHelpOptions = true,
        versionProvider = CampaignAdmin.Version.class,
        sortOptions = false,
        description = "Offline admin tool for a Campaign Keeper data directory: inspect, verify, "
                + "back up, restore, export and import campaigns, and benchmark the store.",
        subcommands = {
                InspectCommand.class,
                ShowCommand.class,
                VerifyCommand.class,
                BackupsCommand.class,
                RestoreCommand.class,
                PruneCommand.class,
                CheckpointCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                TranscriptCommand.class,
                ImportCharactersCommand.class,
                BenchCommand.class,
                MigrateCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:problems found (verify), nothing found (show), no data here, or refused (declined, conflict)",
                "2:usage error",
                "3:data directory locked by a running bot, not readable, or owned by another user",
                "4:data damaged beyond recovery"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CAMPAIGN_DATA_DIR      data directory when --data is not given (default ./data)",
            "  CAMPAIGN_DATABASE_URL  database for bench --store postgres when --database-url is not given",
            "  PGPASSWORD             database password when the URL has none",
            "  CAMPAIGN_OFFSITE       off-site backup location (s3://BUCKET/PREFIX) for backups/restore --remote",
            "  CAMPAIGN_S3_ENDPOINT   S3-compatible server for it (default: AWS); CAMPAIGN_S3_REGION its region",
            "  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY  its credentials (else the AWS default chain)"})
public final class CampaignAdmin implements Runnable {

    /** Name of the environment variable naming the data directory. */
    public static final String DATA_DIR_VARIABLE = "CAMPAIGN_DATA_DIR";

    @Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "data directory (default: $CAMPAIGN_DATA_DIR, else ./data); before or after the command")
    private String data;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "show stack traces and library warnings")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final boolean terminal;
    private final java.util.function.Function<Path, DataDirectory> directories;

    /** Creates the root command for a real process: real environment, stdin and a check of stderr. */
    public CampaignAdmin() {
        this(System.getenv(), System.in, StderrTerminal.detect());
    }

    /**
     * Creates the root command with explicit surroundings (used by tests).
     *
     * @param environment environment variables
     * @param stdin where confirmations are read from
     * @param terminal whether stderr is a terminal (progress bars are drawn only then)
     */
    public CampaignAdmin(Map<String, String> environment, InputStream stdin, boolean terminal) {
        this(environment, stdin, terminal, DataDirectory::at);
    }

    /**
     * Creates the root command on an explicit seam: how a data directory's admin API is made
     * (tests give settings of their own).
     */
    CampaignAdmin(Map<String, String> environment, InputStream stdin, boolean terminal,
                  java.util.function.Function<Path, DataDirectory> directories) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.terminal = terminal;
        this.directories = Objects.requireNonNull(directories, "directories");
    }

    /**
     * Runs the CLI and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(new CampaignAdmin(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Builds the picocli command line with the CLI's error handling and streams.
     *
     * @param admin the root command
     * @param out standard output
     * @param err standard error
     * @return the command line, ready to {@code execute}
     */
    public static CommandLine commandLine(CampaignAdmin admin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(admin);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            int code = admin.report(ex, cmd.getErr());
            if (cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--json")) {
                admin.printJsonError(cmd.getOut(), admin.message(ex), code);
            }
            return code;
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            String message = usageMessage(ex);
            if (java.util.Arrays.asList(args).contains("--json")) {
                admin.printJsonError(ex.getCommandLine().getOut(), message, ExitCodes.USAGE);
            }
            PrintWriter errors = ex.getCommandLine().getErr();
            errors.println("campaign-admin: " + message);
            errors.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionStrategy(parseResult -> {
            admin.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /**
     * A usage error in plain words with where to read more: an unknown command is named as such,
     * never "Unmatched argument at index 0".
     */
    static String usageMessage(CommandLine.ParameterException ex) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String help = "`" + spec.qualifiedName() + " --help`";
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !spec.subcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && ex.getCommandLine().getParseResult().subcommand() == null) {
            String first = unmatched.getUnmatched().get(0);
            if (!first.startsWith("-")) {
                return "unknown command '" + first + "'; see " + (spec.parent() == null ? "--help" : help);
            }
        }
        return Messages.clean(Messages.clause(Table.oneLine(String.valueOf(ex.getMessage())))) + " (see " + help + ")";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * The data directory: {@code --data}, else {@code $CAMPAIGN_DATA_DIR}, else {@code ./data}.
     *
     * @return the directory
     */
    Path dataDir() {
        if (data != null) {
            if (data.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "--data needs a directory; it was given an empty value");
            }
            try {
                return Path.of(data);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CliException(ExitCodes.USAGE, "--data " + data + " is not a valid path: " + e.getReason());
            }
        }
        String fromEnvironment = environment.get(DATA_DIR_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return Path.of("data");
    }

    /**
     * The data directory, which must exist and be a directory.
     *
     * @return the directory
     * @throws CliException with exit code 3 if it is missing or not a directory
     */
    Path existingDataDir() {
        Path dir = dataDir();
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE, "data directory " + dir.toAbsolutePath()
                    + (java.nio.file.Files.exists(dir) ? " is not a directory" : " does not exist")
                    + " (set --data or $" + DATA_DIR_VARIABLE + ")");
        }
        if (!java.nio.file.Files.isReadable(dir)) {
            throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE, "data directory " + dir.toAbsolutePath()
                    + " is not readable");
        }
        return dir;
    }

    /**
     * The data directory, which must exist and hold the store's files (or the seed's).
     *
     * @param allowEmpty whether a directory without any of the store's files is accepted
     * @return the directory
     * @throws CliException with exit code 1 ("no data here") when it holds none of the store's files
     */
    Path dataDirWithData(boolean allowEmpty) {
        Path dir = existingDataDir();
        if (!allowEmpty && !StoreFiles.holdsData(dir)) {
            throw new CliException(ExitCodes.PROBLEMS, "no data here: " + dir.toAbsolutePath()
                    + " holds none of the store's files (campaigns.json, characters.json, npcs.json, manifest.json,"
                    + " journal, backups, posts); give the data directory with --data, or pass --allow-empty");
        }
        return dir;
    }

    /**
     * Refuses to write a data directory as another user than its owner: files this process
     * creates would belong to it (root, under {@code sudo}), and the bot, running as the owner,
     * could not read them and would not start.
     *
     * @param dir the data directory
     * @param what the operation, for the message
     */
    void requireOwner(Path dir, String what) {
        Optional<Owners.Mismatch> mismatch = Owners.mismatch(dir);
        if (mismatch.isPresent()) {
            Owners.Mismatch m = mismatch.get();
            String again = spec == null ? "campaign-admin ..." : "campaign-admin " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs().stream().map(Owners::shellQuote).toList());
            throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE, "cannot " + what + ": data directory "
                    + dir.toAbsolutePath() + " belongs to user " + m.owner() + ", but this runs as " + m.current()
                    + ", and the files it writes would not be readable by the bot; run it as the owner: sudo -u "
                    + Owners.shellQuote(m.owner()) + " " + again);
        }
    }

    /**
     * Refuses a writing command while a bot holds the directory.
     *
     * @param dir the data directory
     * @param what the operation, for the message
     */
    void requireUnlocked(Path dir, String what) {
        requireOwner(dir, what);
        java.util.OptionalLong holder = dataDirectory(dir).lockHolder();
        if (holder.isPresent()) {
            throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE, "cannot " + what + ": data directory "
                    + dir.toAbsolutePath() + " is in use by " + (holder.getAsLong() > 0 ? "PID " + holder.getAsLong()
                    : "another process") + "; stop the bot first");
        }
    }

    /** The environment variables the CLI was started with. */
    Map<String, String> environment() {
        return environment;
    }

    /**
     * The database URL: the given option value, else {@code $CAMPAIGN_DATABASE_URL}.
     *
     * @param option the command's {@code --database-url}, or null
     * @return the URL, if either is set
     */
    /** The environment variables this run sees. */
    Map<String, String> environmentMap() {
        return environment;
    }

    /** An environment variable's value, if set and not blank. */
    java.util.Optional<String> environment(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    java.util.Optional<String> databaseUrl(String option) {
        if (option != null && !option.isBlank()) {
            return java.util.Optional.of(option);
        }
        String fromEnvironment = environment.get(PostgresStoreConfig.DATABASE_URL_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(fromEnvironment);
    }

    /**
     * The store settings for a database URL (the password from the URL or {@code PGPASSWORD}).
     *
     * @param url the URL
     * @return the settings
     * @throws CliException with the usage exit code if the URL cannot be used
     */
    PostgresStoreConfig databaseConfig(String url) {
        try {
            return PostgresStoreConfig.fromDatabaseUrl(url, environment);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--database-url: " + e.getMessage());
        }
    }

    /**
     * The JSON store's admin API on a data directory (default settings).
     *
     * @param dir the data directory
     * @return the handle (no I/O yet)
     */
    DataDirectory dataDirectory(Path dir) {
        return directories.apply(dir);
    }

    /**
     * Opens the JSON store on a data directory for writing (takes the lock, runs recovery; default
     * settings, a checkpoint on close).
     *
     * @param dir the data directory
     * @return the open store
     */
    JsonCampaignStore openForWrite(Path dir) {
        return JsonCampaignStore.open(JsonStoreConfig.defaults(dir));
    }

    /**
     * Opens a data directory for writing a few guilds only ({@link JsonCampaignStore#openForGuilds}:
     * no other guild is parsed, no checkpoint is written); empty when the directory needs a repair
     * only {@link #openForWrite} may make.
     */
    Optional<JsonCampaignStore> openGuildsForWrite(Path dir, Set<GuildId> guilds) {
        return JsonCampaignStore.openForGuilds(JsonStoreConfig.defaults(dir), guilds);
    }

    /**
     * The levels LogConfigurator (or a logback configuration file) set, kept so one --verbose run
     * does not leak into the next in-process run.
     */
    private static ch.qos.logback.classic.Level configuredRoot;
    private static ch.qos.logback.classic.Level configuredLoader;

    /** With --verbose, library logs at INFO (still on stderr); otherwise as LogConfigurator set them. */
    void configureLogging() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger loader = context.getLogger("dev.campaignkeeper.persistence.json.Loader");
        synchronized (CampaignAdmin.class) {
            if (configuredRoot == null) {
                configuredRoot = root.getLevel();
                configuredLoader = loader.getLevel();
            }
            root.setLevel(verbose ? ch.qos.logback.classic.Level.INFO : configuredRoot);
            loader.setLevel(verbose ? ch.qos.logback.classic.Level.INFO : configuredLoader);
        }
    }

    boolean verbose() {
        return verbose;
    }

    boolean terminal() {
        return terminal;
    }

    InputStream stdin() {
        return stdin;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A progress line for a job (drawn on stderr only when it is a terminal).
     *
     * @param label the job
     * @return the progress line, to close when the job ends
     */
    Progress progress(String label) {
        return new Progress(err(), terminal, label, 0);
    }

    /** Prints {@code {"error": MESSAGE, "exit": CODE}} on stdout, for scripts that asked for --json. */
    void printJsonError(PrintWriter out, String message, int code) {
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("error", message);
        document.put("exit", code);
        out.println(GSON.toJson(document));
        out.flush();
    }

    /** Prints one JSON document on stdout. */
    void printJson(Object document) {
        PrintWriter out = out();
        out.println(GSON.toJson(document));
        out.flush();
    }

    static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    /** Turns a failure into one line on stderr and an exit code. */
    int report(Exception ex, PrintWriter err) {
        int code = exitCodeOf(ex);
        err.println("campaign-admin: " + message(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** A failure in plain words: one line, no Java class names, no doubled punctuation. */
    String message(Exception ex) {
        String message;
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            message = describeIo(ex);
        } else if (ex instanceof CliException || ex instanceof CampaignKeeperException) {
            message = ex.getMessage() == null || ex.getMessage().isBlank() ? "failed" : ex.getMessage();
        } else {
            // not one of the failures the CLI expects (a bug): say so, and how to see more
            message = "unexpected internal error" + (ex.getMessage() == null || ex.getMessage().isBlank() ? ""
                    : ": " + ex.getMessage()) + (verbose ? "" : " (run with --verbose for details)");
        }
        return Messages.clean(Table.oneLine(message));
    }

    private static String describeIo(Exception ex) {
        Throwable cause = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
        if (cause instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        return Messages.ioReason(cause);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CliException cli) {
            return cli.exitCode();
        }
        if (ex instanceof DataDamagedException) {
            return ExitCodes.DAMAGED;
        }
        if (ex instanceof DataDirectoryLockedException || ex instanceof StoreException) {
            return ExitCodes.LOCKED_OR_UNREADABLE;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            return ExitCodes.LOCKED_OR_UNREADABLE;
        }
        if (ex instanceof NotFoundException || ex instanceof InvalidInputException
                || ex instanceof ConflictException) {
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.PROBLEMS;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CampaignAdmin.class.getPackage().getImplementationVersion();
            return new String[] {"campaign-admin " + (version == null ? "0.1.0-SNAPSHOT" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
