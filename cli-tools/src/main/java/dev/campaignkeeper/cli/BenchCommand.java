package dev.campaignkeeper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code campaign-admin bench}: the performance proof of issue 3, on generated seed-shaped data.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = {
            "Benchmarks the JSON store (or, with --store postgres, the PostgreSQL store) on generated seed-shaped data (per guild: 5 campaign channels,"
                    + " 6 players with a character each, 4 NPCs per channel).",
            "Measures open (load + journal replay), durable mutation p50/p99, throughput with 1 and 16"
                    + " writers, a checkpoint and mutation p99 during it, peak heap, and the raw"
                    + " append+fsync cost of the same disk. Ignores --data.",
            "With --dice, measures dice parse+roll instead (issue 13's target: at most 50 us per"
                    + " typical expression), with no data directory."})
final class BenchCommand implements Callable<Integer> {

    /** Issue 3's table order and labels; the keys are the --json keys. */
    private static final List<String[]> ROWS = List.of(
            new String[] {"store", "store measured (json or postgres)", ""},
            new String[] {"guilds", "guilds", ""},
            new String[] {"bytes", "bytes on disk", "bytes"},
            new String[] {"open_ms", "open (load + replay)", "ms"},
            new String[] {"jit_ms_during_open", "JIT compiling during the open (-1: unknown)", "ms"},
            new String[] {"mutation_p50_ms", "durable mutation p50", "ms"},
            new String[] {"mutation_p99_ms", "durable mutation p99", "ms"},
            new String[] {"throughput_1_per_s", "throughput, 1 writer", "/s"},
            new String[] {"throughput_16_per_s", "throughput, 16 writers", "/s"},
            new String[] {"throughput_16_first_round_per_s", "16 writers, first (warm-up) round", "/s"},
            new String[] {"warm_up_rounds_16", "warm-up rounds before it (at most 8)", ""},
            new String[] {"jit_quiet_16", "JIT quiet in the last of them", ""},
            new String[] {"jit_ms_during_16", "JIT compiling while it was timed (-1: unknown)", "ms"},
            new String[] {"pool_size", "connections in the pool (postgres)", ""},
            new String[] {"checkpoint_ms", "checkpoint", "ms"},
            new String[] {"checkpoint_incremental_ms", "checkpoint, 1% of guilds changed", "ms"},
            new String[] {"checkpoint_incremental_over_full", "that / the full checkpoint", "x"},
            new String[] {"checkpoint_mutation_p99_ms", "mutation p99 during checkpoint", "ms"},
            new String[] {"peak_heap_mb", "peak heap", "MB"},
            new String[] {"fsync_p50_ms", "raw append+fsync p50", "ms"},
            new String[] {"post_append_p50_ms", "durable post-log append p50", "ms"},
            new String[] {"post_append_p99_ms", "durable post-log append p99", "ms"},
            new String[] {"post_append_p50_over_fsync", "post append p50 / its fsync p50", "x"},
            new String[] {"p50_over_fsync", "mutation p50 / fsync p50", "x"},
            new String[] {"json_bytes", "of which the three JSON files", "bytes"},
            new String[] {"replay_entries", "journal entries replayed at open", ""},
            new String[] {"fsync_overwrite_p50_ms", "raw overwrite+fsync p50 (preallocated)", "ms"},
            new String[] {"peak_live_heap_mb", "peak heap after GC (live set)", "MB"},
            new String[] {"live_heap_mb", "heap after open + full GC", "MB"},
            new String[] {"json_mb", "the three JSON files", "MB"},
            new String[] {"live_heap_over_json", "heap after open / JSON files", "x"},
            new String[] {"heap_before_open_mb", "heap before open + full GC (no store)", "MB"},
            new String[] {"store_heap_over_json", "(after - before open) / JSON files", "x"},
            new String[] {"max_heap_mb", "max heap (-Xmx)", "MB"},
            new String[] {"show_guild_ms", "offline read of one guild (show guild)", "ms"},
            new String[] {"export_guild_ms", "export of one guild (read + export JSON)", "ms"},
            new String[] {"full_read_ms", "offline read of every guild", "ms"},
            new String[] {"show_guild_over_full_read", "one guild's read / full read", "x"},
            new String[] {"restore_dry_run_ms", "restore --dry-run, 1% of guilds changed", "ms"},
            new String[] {"restore_dry_run_guilds_differing", "guilds that dry run lists", ""});

    @ParentCommand
    private CampaignAdmin admin;

    @Option(names = "--guilds", paramLabel = "N", defaultValue = "1000",
            description = "guilds to generate (default ${DEFAULT-VALUE})")
    private int guilds;

    @Option(names = "--mutations", paramLabel = "M", defaultValue = "2000",
            description = "single-writer durable mutations to time; the 16-writer run does 10x as many"
                    + " (default ${DEFAULT-VALUE})")
    private int mutations;

    @Option(names = "--replay-entries", paramLabel = "E",
            description = "journal entries the measured open replays (default: 10 per guild, so"
                    + " 100,000 at 10,000 guilds)")
    private Integer replayEntries;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "where to generate the data; must be empty or absent, and is kept"
                    + " (default: a temporary directory, deleted afterwards)")
    private Path dir;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    private boolean json;

    /** The stores the benchmark can measure. */
    enum StoreKind { JSON, POSTGRES }

    @Option(names = "--store", paramLabel = "json|postgres", defaultValue = "json",
            description = "the store to benchmark (default ${DEFAULT-VALUE}); postgres needs --database-url"
                    + " or $CAMPAIGN_DATABASE_URL and works in a schema of its own, dropped afterwards")
    private StoreKind store;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "with --store postgres: postgresql://user@host:5432/database (password from the URL"
                    + " or $PGPASSWORD; default $CAMPAIGN_DATABASE_URL)")
    private String databaseUrl;

    @Option(names = "--pool-size", paramLabel = "N",
            description = "with --store postgres: connections in the store's pool (default 20, more than the"
                    + " 16 writers)")
    private Integer poolSize;

    @Option(names = "--dice", description = "benchmark dice parse+roll of typical expressions instead of the"
            + " store")
    private boolean dice;

    @Option(names = "--dice-operations", paramLabel = "N", defaultValue = "200000",
            description = "timed parse+roll operations with --dice (default ${DEFAULT-VALUE})")
    private int diceOperations;

    /** Labels of the --dice table; the keys are the --json keys. */
    private static final List<String[]> DICE_ROWS = List.of(
            new String[] {"dice_expressions", "expressions (in turn)", ""},
            new String[] {"dice_operations", "timed operations per measure", ""},
            new String[] {"dice_parse_roll_us", "parse + roll p50 (SecureRandom)", "us"},
            new String[] {"dice_parse_roll_p99_us", "parse + roll p99 (SecureRandom)", "us"},
            new String[] {"dice_parse_roll_mean_us", "parse + roll mean (SecureRandom)", "us"},
            new String[] {"dice_parse_roll_seeded_us", "parse + roll p50 (seeded java.util.Random)", "us"},
            new String[] {"dice_parse_us", "parse only p50", "us"},
            new String[] {"dice_roll_us", "roll only p50 (SecureRandom)", "us"},
            new String[] {"dice_parse_roll_format_us", "parse + roll + format p50", "us"},
            new String[] {"dice_target_us", "target (issue 13)", "us"});

    private final BenchRunner.StoreFactory factory;

    /** Benchmarks the store --store names (the JSON store by default). */
    BenchCommand() {
        this(null);
    }

    /**
     * Benchmarks the store the factory opens.
     *
     * @param factory opens and checkpoints the store under test
     */
    BenchCommand(BenchRunner.StoreFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws IOException {
        if (dice) {
            if (diceOperations < DiceBench.EXPRESSIONS.size()) {
                throw new CliException(ExitCodes.USAGE, "--dice-operations must be at least "
                        + DiceBench.EXPRESSIONS.size());
            }
            Map<String, Object> result = new DiceBench(diceOperations).run();
            if (json) {
                admin.printJson(result);
            } else {
                printTable(admin.out(), result, DICE_ROWS);
            }
            return ExitCodes.OK;
        }
        if (guilds < 1 || mutations < 1 || (replayEntries != null && replayEntries < 0)) {
            throw new CliException(ExitCodes.USAGE, "--guilds and --mutations must be at least 1,"
                    + " --replay-entries at least 0");
        }
        Path target;
        boolean temporary = dir == null;
        if (temporary) {
            target = Files.createTempDirectory("campaign-admin-bench-");
        } else {
            target = dir;
            if (Files.exists(target)) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new CliException(ExitCodes.USAGE, "bench directory " + target
                                + " is not empty; give an empty or new directory");
                    }
                }
            }
        }
        int entries = replayEntries != null ? replayEntries : guilds * 10;
        BenchRunner.Settings settings = new BenchRunner.Settings(guilds, mutations, entries, 16, 1000);
        // A temporary directory is removed even when the run is interrupted (Ctrl-C).
        Thread cleanup = temporary ? new Thread(() -> deleteQuietly(target), "bench-cleanup") : null;
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        Map<String, Object> result;
        BenchRunner.StoreFactory chosen = factory != null ? factory : chooseFactory();
        try (StderrListener listener = new StderrListener(admin.err(), admin.terminal())) {
            result = new BenchRunner(chosen, listener).run(target, settings);
            result.put("store", store == StoreKind.POSTGRES && factory == null ? "postgres" : "json");
            if (chosen instanceof PostgresStoreBenchFactory postgres) {
                result.put("pool_size", postgres.poolSize());
            }
        } finally {
            if (chosen instanceof PostgresStoreBenchFactory postgres) {
                postgres.close();
            }
            if (temporary) {
                Runtime.getRuntime().removeShutdownHook(cleanup);
                deleteTree(target);
            }
        }
        if (json) {
            admin.printJson(result);
        } else {
            printTable(admin.out(), result, ROWS);
        }
        return ExitCodes.OK;
    }

    private BenchRunner.StoreFactory chooseFactory() {
        if (store != StoreKind.POSTGRES) {
            if (databaseUrl != null) {
                throw new CliException(ExitCodes.USAGE, "--database-url needs --store postgres");
            }
            if (poolSize != null) {
                throw new CliException(ExitCodes.USAGE, "--pool-size needs --store postgres");
            }
            return new JsonStoreBenchFactory();
        }
        if (poolSize != null && poolSize < 1) {
            throw new CliException(ExitCodes.USAGE, "--pool-size must be at least 1, not " + poolSize);
        }
        String url = admin.databaseUrl(databaseUrl).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--store postgres needs --database-url postgresql://user@host:5432/database (or $"
                        + dev.campaignkeeper.persistence.postgres.PostgresStoreConfig.DATABASE_URL_VARIABLE + ")"));
        return new PostgresStoreBenchFactory(admin.databaseConfig(url), poolSize != null ? poolSize : 20);
    }

    private static void printTable(PrintWriter out, Map<String, Object> result, List<String[]> rows) {
        Table table = new Table("measure", "value", "unit");
        for (String[] row : rows) {
            if (result.containsKey(row[0])) {
                Object value = result.get(row[0]);
                table.row(row[1], value, row[2]);
            }
        }
        table.print(out);
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | RuntimeException e) {
            // Shutting down: nothing left to report to.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException exc) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Draws one progress bar per phase on stderr when it is a terminal; silent otherwise. */
    private static final class StderrListener implements BenchRunner.Listener, AutoCloseable {
        private final PrintWriter err;
        private final boolean terminal;
        private Progress current;

        StderrListener(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public synchronized void phase(String name, long total) {
            phaseDone();
            current = new Progress(err, terminal, "bench: " + name, total);
            current.update(0);
        }

        @Override
        public synchronized void progress(long done) {
            if (current != null) {
                current.update(done);
            }
        }

        @Override
        public synchronized void phaseDone() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            phaseDone();
        }
    }
}
