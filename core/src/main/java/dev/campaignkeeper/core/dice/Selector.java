package dev.campaignkeeper.core.dice;

import java.util.Objects;

/**
 * Which dice an operator applies to: by value ({@code =N}, {@code >N}, {@code >=N}, {@code <N},
 * {@code <=N}) or by rank ({@code hN}, {@code lN}: the N highest or lowest).
 */
record Selector(Kind kind, long n) {

    enum Kind { EQ, GT, GE, LT, LE, HIGHEST, LOWEST }

    Selector {
        Objects.requireNonNull(kind, "kind");
    }

    boolean byRank() {
        return kind == Kind.HIGHEST || kind == Kind.LOWEST;
    }

    boolean matches(long value) {
        return switch (kind) {
            case EQ -> value == n;
            case GT -> value > n;
            case GE -> value >= n;
            case LT -> value < n;
            case LE -> value <= n;
            case HIGHEST, LOWEST -> throw new IllegalStateException("rank selectors match sets, not values");
        };
    }

    /** Whether a value selector matches every face from {@code min} to {@code max}. */
    boolean matchesAll(long min, long max) {
        return switch (kind) {
            case EQ -> min == n && max == n;
            case GT -> min > n;
            case GE -> min >= n;
            case LT -> max < n;
            case LE -> max <= n;
            case HIGHEST, LOWEST -> false;
        };
    }
}
