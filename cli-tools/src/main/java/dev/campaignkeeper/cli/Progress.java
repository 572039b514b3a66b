package dev.campaignkeeper.cli;

import dev.campaignkeeper.persistence.json.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Live progress on stderr, drawn only when stderr is a terminal; otherwise every call does nothing.
 *
 * <p>Nothing is drawn during the first second, so quick jobs print nothing. After that a
 * background ticker redraws the line ten times a second: the job, what it is doing now, a bar with
 * the count when the total is known (else a spinner), and the time elapsed, so a long step that
 * reports no counts (loading 20,000 guilds, say) still visibly moves. Verify, restore and inspect
 * pass {@link #listener()} to the library, which reports real counts (files and backups checked,
 * guilds whose records were checked).
 */
final class Progress implements AutoCloseable {

    private static final int BAR = 30;
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long TICK_MILLIS = 100;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final LongSupplier clock;
    private final long start;
    private final Thread ticker;
    private String phase = "";
    private long total;
    private long done;
    private int frame;
    private int drawnWidth;

    /**
     * A progress line with a ticker thread (when enabled).
     *
     * @param err standard error
     * @param enabled whether stderr is a terminal
     * @param label the job, e.g. "verify"
     * @param total the number of steps, or 0 when unknown (a spinner is drawn)
     */
    Progress(PrintWriter err, boolean enabled, String label, long total) {
        this(err, enabled, label, total, System::nanoTime, enabled);
    }

    /**
     * A progress line on an explicit clock (tests call {@link #tick()} themselves).
     *
     * @param err standard error
     * @param enabled whether stderr is a terminal
     * @param label the job
     * @param total the number of steps, or 0 when unknown
     * @param clock nanoseconds, like {@link System#nanoTime()}
     * @param withTicker whether a background thread redraws the line
     */
    Progress(PrintWriter err, boolean enabled, String label, long total, LongSupplier clock, boolean withTicker) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = Math.max(0, total);
        this.clock = clock;
        this.start = clock.getAsLong();
        if (enabled && withTicker) {
            ticker = new Thread(this::tickUntilInterrupted, "campaign-admin-progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            ticker = null;
        }
    }

    private void tickUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(TICK_MILLIS);
                tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Says what the job does now (shown until the next phase).
     *
     * @param what e.g. "reading the snapshot"
     */
    synchronized void phase(String what) {
        phase = what;
    }

    /**
     * Says what the job does now and how many steps it has.
     *
     * @param what what the job does now
     * @param steps the number of steps of this phase, 0 when unknown
     */
    synchronized void phase(String what, long steps) {
        phase = what;
        total = Math.max(0, steps);
        done = 0;
    }

    /**
     * Reports the steps done so far.
     *
     * @param count steps done
     */
    synchronized void update(long count) {
        done = count;
    }

    /**
     * A listener for the library's long operations: each phase it names becomes this line's phase,
     * with the counts it reports (a bar when the total is known).
     *
     * @return the listener
     */
    ProgressListener listener() {
        return (what, count, steps) -> {
            synchronized (this) {
                if (!what.equals(phase) || steps != total) {
                    phase(what, steps);
                }
                update(count);
            }
        };
    }

    /** Redraws the line now (the ticker calls this; nothing during the first second). */
    synchronized void tick() {
        if (!enabled) {
            return;
        }
        long elapsed = clock.getAsLong() - start;
        if (elapsed < QUIET_NANOS) {
            return;
        }
        StringBuilder line = new StringBuilder(label);
        if (!phase.isEmpty()) {
            line.append(": ").append(phase);
        }
        if (total > 0) {
            long clamped = Math.min(Math.max(done, 0), total);
            int filled = (int) (clamped * BAR / total);
            line.append(" [").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(clamped * 100 / total).append("% ").append(clamped).append('/').append(total);
        } else {
            line.append(' ').append(SPINNER.charAt(frame++ % SPINNER.length()));
        }
        line.append(' ').append(TimeUnit.NANOSECONDS.toSeconds(elapsed)).append('s');
        int width = line.length();
        line.append(" ".repeat(Math.max(0, drawnWidth - width)));
        err.print("\r" + line);
        err.flush();
        drawnWidth = Math.max(drawnWidth, width);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (enabled && drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
        }
    }
}
