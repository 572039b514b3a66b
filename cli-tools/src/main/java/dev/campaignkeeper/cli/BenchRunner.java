package dev.campaignkeeper.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The store benchmark of issue 3: generates seed-shaped data, builds a journal, then measures
 * open + replay, durable mutation latency and throughput, a checkpoint and mutations during it,
 * peak heap, and the raw append+fsync cost of the same disk.
 */
final class BenchRunner {

    /** How the benchmark opens and checkpoints the store under test. */
    interface StoreFactory {
        /**
         * Opens the store on a data directory for writing.
         *
         * @param dir the data directory
         * @param autoCheckpoint false while the benchmark builds a journal that must survive
         *     close and be replayed by the next open
         * @return the open store
         */
        CampaignStore open(Path dir, boolean autoCheckpoint);

        /**
         * Runs one checkpoint synchronously.
         *
         * @param store a store from {@link #open}
         */
        void checkpoint(CampaignStore store);

        /**
         * The post log that goes with the store.
         *
         * @param store a store from {@link #open}
         * @return its post log
         */
        dev.campaignkeeper.core.port.PostLog postLog(CampaignStore store);

        /**
         * Times the offline admin reads on the closed data directory: one guild's read (what
         * {@code show guild} and {@code export --guild} cost) against a full read of every guild.
         *
         * @param dir the data directory (no store open on it)
         * @param guild the guild to read
         * @return the figures by {@code --json} key; empty for a store without offline admin reads
         */
        default Map<String, Object> adminReads(Path dir, dev.campaignkeeper.core.model.GuildId guild) {
            return Map.of();
        }

        /**
         * Times a restore dry run (what {@code restore --dry-run} costs) of a backup taken before
         * {@code change} ran, against the state after it, checkpointed: the change's guilds are
         * all that differ.
         *
         * @param dir the data directory
         * @param store the open store on it (a dry run takes no lock)
         * @param change changes some guilds through the store
         * @return the figures by {@code --json} key; empty for a store without backups of its own
         */
        default Map<String, Object> restoreDryRun(Path dir, CampaignStore store, Runnable change) {
            return Map.of();
        }
    }

    /** Reports which phase runs and how far it got. */
    interface Listener {
        void phase(String name, long total);

        void progress(long done);

        void phaseDone();
    }

    /**
     * What to run.
     *
     * @param guilds guilds to generate
     * @param mutations single-writer mutations measured (the concurrent run does ten times as many)
     * @param replayEntries journal entries left for the measured open to replay
     * @param writers concurrent writers in the throughput run
     * @param fsyncSamples raw overwrite+fsync samples (the append+fsync probe takes one sample per
     *     single-writer mutation, interleaved with them)
     */
    record Settings(int guilds, int mutations, int replayEntries, int writers, int fsyncSamples) {
        Settings {
            if (guilds < 1 || mutations < 1 || replayEntries < 0 || writers < 1 || fsyncSamples < 1) {
                throw new IllegalArgumentException("bench settings must be positive");
            }
        }
    }

    private static final String FSYNC_PROBE = ".bench-fsync.probe";

    private final StoreFactory factory;
    private final Listener listener;
    private final AtomicLong sequence = new AtomicLong();

    BenchRunner(StoreFactory factory, Listener listener) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs the benchmark in {@code dir}, which must be empty or absent.
     *
     * @param dir the data directory to fill
     * @param settings what to run
     * @return the figures, keyed as issue 3's {@code --json} keys, in order
     * @throws IOException if the disk fails
     */
    Map<String, Object> run(Path dir, Settings settings) throws IOException {
        HeapWatch heap = HeapWatch.start();
        try {
            int guilds = settings.guilds();
            listener.phase("generating " + guilds + " guilds", 3L * guilds);
            SeedDataGenerator.write(dir, guilds, listener::progress);
            listener.phaseDone();

            listener.phase("writing " + settings.replayEntries() + " journal entries", settings.replayEntries());
            try (CampaignStore store = factory.open(dir, false)) {
                concurrentMutations(store, guilds, settings.replayEntries(), settings.writers(), true);
            }
            listener.phaseDone();

            long bytes = directorySize(dir);
            long jsonBytes = 0;
            for (String file : DataDirectory.SNAPSHOT_FILES) {
                jsonBytes += Files.size(dir.resolve(file));
            }

            listener.phase("offline admin reads (one guild, then every guild)", 1);
            Map<String, Object> adminReads = factory.adminReads(dir, SeedDataGenerator.guild(guilds / 2));
            listener.phaseDone();

            listener.phase("measuring overwrite+fsync", settings.fsyncSamples());
            long[] overwrite = overwriteProbe(dir, settings.fsyncSamples());
            listener.phaseDone();

            // what the process holds without the store (classes' statics, the bench's own state)
            long liveBeforeOpen = liveHeapAfterFullGc();
            heap.resetPeak();
            listener.phase("opening (load + replay)", 1);
            long openCompileStart = compileMillis();
            long openStart = System.nanoTime();
            CampaignStore store = factory.open(dir, true);
            long openNanos = System.nanoTime() - openStart;
            long openCompile = compileMillisSince(openCompileStart);
            listener.phaseDone();
            long liveAfterOpen = liveHeapAfterFullGc();
            try {
                if (store.guilds().size() != guilds) {
                    throw new IllegalStateException("store opened with " + store.guilds().size()
                            + " guilds, expected " + guilds);
                }
                // warm up the code paths so the first samples are not JIT compile time (the JDBC
                // driver's paths take about 2,000 updates to compile)
                for (int i = 0; i < Math.min(2000, settings.mutations()); i++) {
                    mutate(store, guilds);
                }

                // single writer, each durable mutation followed by one raw append+fsync of the probe
                // file on the same disk: both distributions are sampled under the same conditions
                listener.phase("single-writer durable mutations (+ raw append+fsync)", settings.mutations());
                long[] single = new long[settings.mutations()];
                long[] fsync = new long[settings.mutations()];
                long singleNanos;
                try (AppendProbe probe = new AppendProbe(dir)) {
                    long singleStart = System.nanoTime();
                    long probeNanos = 0;
                    for (int i = 0; i < single.length; i++) {
                        long t0 = System.nanoTime();
                        mutate(store, guilds);
                        long t1 = System.nanoTime();
                        single[i] = t1 - t0;
                        fsync[i] = probe.sample();
                        probeNanos += System.nanoTime() - t1;
                        listener.progress(i + 1);
                    }
                    singleNanos = System.nanoTime() - singleStart - probeNanos;
                }
                listener.phaseDone();

                // the post log: one durable append per post (as /say records it), sampled beside the
                // same raw append+fsync probe
                listener.phase("single-writer post-log appends (+ raw append+fsync)", settings.mutations());
                long[] posts = new long[settings.mutations()];
                long[] postFsync = new long[settings.mutations()];
                dev.campaignkeeper.core.port.PostLog postLog = factory.postLog(store);
                try (AppendProbe probe = new AppendProbe(dir)) {
                    for (int i = 0; i < Math.min(200, posts.length); i++) {
                        appendPost(postLog, guilds);
                    }
                    for (int i = 0; i < posts.length; i++) {
                        long t0 = System.nanoTime();
                        appendPost(postLog, guilds);
                        posts[i] = System.nanoTime() - t0;
                        postFsync[i] = probe.sample();
                        listener.progress(i + 1);
                    }
                }
                listener.phaseDone();

                // warm up the group-commit path un-timed, in rounds of half as many mutations as are
                // then timed, until the JIT compiler is quiet (see WARM_UP_ROUNDS), then time enough
                // mutations for about a second
                int concurrentCount = Math.max(settings.writers() * 50, settings.mutations() * 10);
                long compileBefore = compileMillis();
                long firstRoundNanos = concurrentMutations(store, guilds, concurrentCount / 2, settings.writers(), false);
                boolean quiet = jitQuiet(compileMillisSince(compileBefore), firstRoundNanos);
                int warmUpRounds = 1;
                while (warmUpRounds < WARM_UP_ROUNDS && !quiet) {
                    long roundStart = compileMillis();
                    long roundNanos = concurrentMutations(store, guilds, concurrentCount / 2, settings.writers(), false);
                    quiet = jitQuiet(compileMillisSince(roundStart), roundNanos);
                    warmUpRounds++;
                }
                listener.phase(settings.writers() + " concurrent writers", concurrentCount);
                long compileStart = compileMillis();
                long concurrentNanos = concurrentMutations(store, guilds, concurrentCount, settings.writers(), true);
                long compileDuring = compileMillisSince(compileStart);
                listener.phaseDone();

                listener.phase("checkpoint with concurrent mutations", 1);
                CheckpointRun checkpointRun = checkpointUnderLoad(store, guilds);
                listener.phaseDone();
                long checkpointNanos = checkpointRun.nanos();
                long[] checkpointLatencies = checkpointRun.latencies();

                // the same under the same load with 1% of the guilds changed since the last checkpoint
                // (a quiet checkpoint first takes in what the mutations during the first one changed)
                listener.phase("checkpoint with 1% of guilds changed", 1);
                factory.checkpoint(store);
                int changedGuilds = Math.max(1, guilds / 100);
                for (int g = 0; g < changedGuilds; g++) {
                    mutateGuild(store, (int) ((long) g * guilds / changedGuilds));
                }
                CheckpointRun incrementalRun = checkpointUnderLoad(store, guilds);
                listener.phaseDone();

                // a restore dry run of a backup from before 1% of the guilds changed
                listener.phase("restore --dry-run with 1% of guilds changed", 1);
                Map<String, Object> restoreFigures = factory.restoreDryRun(dir, store, () -> {
                    for (int g = 0; g < changedGuilds; g++) {
                        mutateGuild(store, (int) ((long) g * guilds / changedGuilds + 1) % guilds);
                    }
                });
                listener.phaseDone();

                Arrays.sort(single);
                Arrays.sort(fsync);
                Arrays.sort(posts);
                Arrays.sort(postFsync);
                Arrays.sort(overwrite);
                Arrays.sort(checkpointLatencies);
                double fsyncP50 = millis(percentile(fsync, 50));
                double mutationP50 = millis(percentile(single, 50));

                Map<String, Object> result = new LinkedHashMap<>();
                result.put("guilds", guilds);
                result.put("bytes", bytes);
                result.put("open_ms", round(millis(openNanos)));
                result.put("jit_ms_during_open", openCompile);
                result.put("mutation_p50_ms", round(mutationP50));
                result.put("mutation_p99_ms", round(millis(percentile(single, 99))));
                result.put("throughput_1_per_s", Math.round(single.length / (singleNanos / 1e9)));
                result.put("throughput_16_per_s", Math.round(concurrentCount / (concurrentNanos / 1e9)));
                result.put("throughput_16_first_round_per_s",
                        Math.round(concurrentCount / 2 / (firstRoundNanos / 1e9)));
                result.put("warm_up_rounds_16", warmUpRounds);
                result.put("jit_quiet_16", quiet);
                result.put("jit_ms_during_16", compileDuring);
                result.put("checkpoint_ms", round(millis(checkpointNanos)));
                result.put("checkpoint_incremental_ms", round(millis(incrementalRun.nanos())));
                result.put("checkpoint_incremental_over_full", checkpointNanos > 0
                        ? round((double) incrementalRun.nanos() / checkpointNanos) : null);
                result.put("checkpoint_mutation_p99_ms", round(millis(percentile(checkpointLatencies, 99))));
                result.put("peak_heap_mb", round(heap.peakUsedBytes() / 1048576.0));
                result.put("live_heap_mb", round(liveAfterOpen / 1048576.0));
                result.put("json_mb", round(jsonBytes / 1048576.0));
                result.put("live_heap_over_json", round((double) liveAfterOpen / jsonBytes));
                result.put("heap_before_open_mb", round(liveBeforeOpen / 1048576.0));
                result.put("store_heap_over_json", round((double) Math.max(0, liveAfterOpen - liveBeforeOpen)
                        / jsonBytes));
                result.put("fsync_p50_ms", round(fsyncP50));
                result.put("p50_over_fsync", fsyncP50 > 0 ? round(mutationP50 / fsyncP50) : null);
                // extra context, not part of issue 3's key list
                result.put("json_bytes", jsonBytes);
                result.put("replay_entries", settings.replayEntries());
                result.put("mutations", settings.mutations());
                result.put("writers", settings.writers());
                result.put("checkpoint_mutations", checkpointLatencies.length);
                result.put("peak_live_heap_mb", round(heap.peakLiveBytes() / 1048576.0));
                result.put("max_heap_mb", round(Runtime.getRuntime().maxMemory() / 1048576.0));
                result.put("fsync_p99_ms", round(millis(percentile(fsync, 99))));
                result.put("fsync_overwrite_p50_ms", round(millis(percentile(overwrite, 50))));
                double postFsyncP50 = millis(percentile(postFsync, 50));
                result.put("post_append_p50_ms", round(millis(percentile(posts, 50))));
                result.put("post_append_p99_ms", round(millis(percentile(posts, 99))));
                result.put("post_fsync_p50_ms", round(postFsyncP50));
                result.put("post_append_p50_over_fsync", postFsyncP50 > 0
                        ? round(millis(percentile(posts, 50)) / postFsyncP50) : null);
                adminReads.forEach((key, value) -> result.put(key, value instanceof Double d ? round(d) : value));
                restoreFigures.forEach((key, value) -> result.put(key, value instanceof Double d ? round(d) : value));
                return result;
            } finally {
                store.close();
            }
        } finally {
            heap.stop();
        }
    }

    /** A checkpoint's duration and the latencies of the mutations that ran during it. */
    private record CheckpointRun(long nanos, long[] latencies) {
    }

    /** Runs a checkpoint on another thread while this one mutates. */
    private CheckpointRun checkpointUnderLoad(CampaignStore store, int guilds) {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicLong checkpointNanos = new AtomicLong();
        ExecutorService executor = Executors.newSingleThreadExecutor(daemon("bench-checkpoint"));
        try {
            Future<?> checkpoint = executor.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    factory.checkpoint(store);
                } finally {
                    checkpointNanos.set(System.nanoTime() - t0);
                    finished.set(true);
                }
            });
            long[] latencies = new long[1024];
            int count = 0;
            while (!finished.get() || count < 20) {
                long t0 = System.nanoTime();
                mutate(store, guilds);
                long elapsed = System.nanoTime() - t0;
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = elapsed;
            }
            get(checkpoint);
            return new CheckpointRun(checkpointNanos.get(), Arrays.copyOf(latencies, count));
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The most un-timed rounds of concurrent writers before the timed one. The first rounds of many
     * writers make the JIT compile again what it compiled for one writer (other branches taken,
     * other types seen): on the PostgreSQL store its compiler took 35 to 40% of the machine's CPU
     * during the timed round when one round warmed up. Warming up ends after the first round in
     * which the compilers ran for at most 2% of the round's time; when the JVM cannot tell their
     * time, after all of them.
     */
    static final int WARM_UP_ROUNDS = 8;

    /**
     * Whether the compilers ran for at most 2% of a round's time.
     *
     * @param compileMillis their time during the round, negative when unknown (never quiet)
     */
    static boolean jitQuiet(long compileMillis, long roundNanos) {
        return compileMillis >= 0 && compileMillis <= roundNanos / 1e6 * 0.02;
    }

    /**
     * The JIT compilers' time so far (their threads' elapsed time in compilations), in ms; -1 when
     * the JVM does not keep it ({@code -XX:-UsePerfData} makes it read 0 for ever).
     */
    private static long compileMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return -1;
        }
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (vm != null && "false".equals(vm.getVMOption("UsePerfData").getValue())) {
                return -1;
            }
        } catch (IllegalArgumentException notHotSpot) {
            // another JVM: trust the bean
        }
        return jit.getTotalCompilationTime();
    }

    /** The compilers' time since {@code start} (a {@link #compileMillis()}), -1 when unknown. */
    private static long compileMillisSince(long start) {
        return start < 0 ? -1 : compileMillis() - start;
    }

    /** Runs {@code total} mutations on {@code writers} threads; returns the wall time. */
    private long concurrentMutations(CampaignStore store, int guilds, int total, int writers, boolean report) {
        if (total == 0) {
            return 0;
        }
        AtomicLong remaining = new AtomicLong(total);
        AtomicLong done = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(writers, daemon("bench-writer"));
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(executor.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        mutate(store, guilds);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (report) {
                            listener.progress(done.get());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw rethrow(e.getCause());
                    }
                }
            }
            long elapsed = System.nanoTime() - start;
            if (report) {
                listener.progress(total);
            }
            return elapsed;
        } finally {
            executor.shutdownNow();
        }
    }

    /** One durable character edit in a random guild. */
    private final java.util.concurrent.atomic.AtomicLong nextMessage = new java.util.concurrent.atomic.AtomicLong(
            900_000_000_000_000_000L);

    /** One post of a random generated character, as {@code /say} records it. */
    private void appendPost(dev.campaignkeeper.core.port.PostLog log, int guilds) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int g = random.nextInt(guilds);
        int c = random.nextInt(SeedDataGenerator.CHANNELS);
        int p = random.nextInt(SeedDataGenerator.PLAYERS);
        log.append(new dev.campaignkeeper.core.model.PostRecord(SeedDataGenerator.guild(g),
                SeedDataGenerator.channel(g, c), dev.campaignkeeper.core.model.WebhookId.of(1),
                java.util.Optional.empty(), List.of(dev.campaignkeeper.core.model.MessageId.of(
                        nextMessage.incrementAndGet())), SeedDataGenerator.player(g, c, p), java.util.Optional.empty(),
                "Benchmark character", java.time.Instant.now(),
                "The benchmark speaks in character, post " + sequence.incrementAndGet() + "."));
    }

    private void mutate(CampaignStore store, int guilds) {
        mutateGuild(store, ThreadLocalRandom.current().nextInt(guilds));
    }

    /** One durable character edit in generated guild {@code g}. */
    private void mutateGuild(CampaignStore store, int g) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int c = random.nextInt(SeedDataGenerator.CHANNELS);
        int p = random.nextInt(SeedDataGenerator.PLAYERS);
        GuildId guild = SeedDataGenerator.guild(g);
        ChannelId channel = SeedDataGenerator.channel(g, c);
        UserId user = SeedDataGenerator.player(g, c, p);
        String description = "Edited by the benchmark, revision " + sequence.incrementAndGet() + ".";
        store.update(guild, state -> {
            PlayerCharacter old = state.character(channel, user).orElseThrow(() ->
                    new IllegalStateException("generated character missing: guild " + guild + " channel "
                            + channel + " user " + user));
            PlayerCharacter edited = old.withDescription(description);
            return Update.of(null, new RecordChange.PutCharacter(edited));
        });
    }

    private static final byte[] PROBE_LINE = ("{\"seq\":0000000000,\"crc\":\"00000000\",\"changes\":"
            + "[{\"put_character\":\"Edited by the benchmark, revision 0000000.\"}]}\n").getBytes(StandardCharsets.UTF_8);

    /**
     * The physical limit: one small line appended to a growing file in the data directory, then
     * {@code force(false)} (fdatasync; the file size changes, so its inode is flushed too).
     */
    private static final class AppendProbe implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        AppendProbe(Path dir) throws IOException {
            file = dir.resolve(FSYNC_PROBE);
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            for (int i = 0; i < 50; i++) { // warm-up: JIT, first blocks
                sample();
            }
        }

        long sample() throws IOException {
            long t0 = System.nanoTime();
            channel.write(ByteBuffer.wrap(PROBE_LINE));
            channel.force(false);
            return System.nanoTime() - t0;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * For comparison: one small line written over a file already allocated and synced, then
     * {@code force(false)} — data only, as in a preallocated journal.
     */
    private long[] overwriteProbe(Path dir, int samples) throws IOException {
        Path probe = dir.resolve(FSYNC_PROBE);
        long[] nanos = new long[samples];
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(PROBE_LINE.length * (samples + 50));
            while (zeros.hasRemaining()) {
                channel.write(zeros);
            }
            channel.force(true);
            channel.position(0);
            for (int i = 0; i < 50; i++) {
                channel.write(ByteBuffer.wrap(PROBE_LINE));
                channel.force(false);
            }
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                channel.write(ByteBuffer.wrap(PROBE_LINE));
                channel.force(false);
                nanos[i] = System.nanoTime() - t0;
                listener.progress(i + 1L);
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        return nanos;
    }

    /** Heap in use after a full collection: what the open store keeps alive (not timed). */
    private static long liveHeapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file removed while walking (e.g. a temp file) does not count
                }
            }).sum();
        }
    }

    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void get(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(cause);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Watches heap use: the highest used heap sampled every few milliseconds (garbage included),
     * and the highest heap left after a collection (the live set).
     */
    static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Thread sampler;
        private final List<Runnable> unregister = new ArrayList<>();
        private volatile boolean running = true;

        private HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-watch");
            sampler.setDaemon(true);
            NotificationListener gcListener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = 0;
                    for (Map.Entry<String, MemoryUsage> entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeapPool(entry.getKey())) {
                            after += entry.getValue().getUsed();
                        }
                    }
                    long before = 0;
                    for (Map.Entry<String, MemoryUsage> entry : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                        if (isHeapPool(entry.getKey())) {
                            before += entry.getValue().getUsed();
                        }
                    }
                    peakUsed.accumulateAndGet(before, Math::max);
                    peakLive.accumulateAndGet(after, Math::max);
                }
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(gcListener, null, null);
                    unregister.add(() -> {
                        try {
                            emitter.removeNotificationListener(gcListener);
                        } catch (javax.management.ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
        }

        private static final java.util.Set<String> HEAP_POOLS = heapPools();

        private static java.util.Set<String> heapPools() {
            java.util.Set<String> names = new java.util.HashSet<>();
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .forEach(pool -> names.add(pool.getName()));
            return names;
        }

        private static boolean isHeapPool(String name) {
            return HEAP_POOLS.contains(name);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void resetPeak() {
            peakUsed.set(0);
            peakLive.set(0);
        }

        long peakUsedBytes() {
            sample();
            return peakUsed.get();
        }

        long peakLiveBytes() {
            return peakLive.get();
        }

        void stop() {
            running = false;
            sampler.interrupt();
            unregister.forEach(Runnable::run);
        }
    }
}
