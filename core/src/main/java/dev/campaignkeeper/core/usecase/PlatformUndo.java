package dev.campaignkeeper.core.usecase;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers how to undo platform side effects of a use case in progress, so a failure half-way
 * through leaves nothing behind. Undo steps run in reverse order; a failing step is logged and
 * attached to the original failure as suppressed, and the remaining steps still run.
 */
final class PlatformUndo {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformUndo.class);

    private final Deque<Step> steps = new ArrayDeque<>();

    /**
     * Registers an undo step.
     *
     * @param description what the step undoes, for the log
     * @param step the undo action
     */
    void push(String description, Runnable step) {
        steps.push(new Step(description, step));
    }

    /**
     * Runs every undo step, newest first.
     *
     * @param cause the failure that made the use case give up; undo failures are added to it
     */
    void undoAll(Throwable cause) {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.action().run();
            } catch (RuntimeException e) {
                LOG.warn("Could not undo {} after a failed operation; remove it by hand", step.description(), e);
                cause.addSuppressed(e);
            }
        }
    }

    private record Step(String description, Runnable action) {
    }
}
