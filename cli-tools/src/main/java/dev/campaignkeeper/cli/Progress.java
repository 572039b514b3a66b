package dev.campaignkeeper.cli;

import java.io.PrintWriter;

/**
 * A progress bar on stderr, drawn only when stderr is a terminal; otherwise every call does nothing.
 */
final class Progress implements AutoCloseable {

    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final long total;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled, String label, long total) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** Reports progress; redraws at most ten times a second. */
    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        long clamped = Math.min(Math.max(done, 0), total);
        int filled = (int) (clamped * BAR / total);
        int percent = (int) (clamped * 100 / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] "
                + percent + "% " + clamped + "/" + total + "  ");
        err.flush();
    }

    @Override
    public void close() {
        if (enabled && drawn) {
            err.print("\r" + " ".repeat(label.length() + BAR + 30) + "\r");
            err.flush();
        }
    }
}
