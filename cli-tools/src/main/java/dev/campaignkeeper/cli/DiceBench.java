package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.dice.DiceCommand;
import dev.campaignkeeper.core.dice.DiceFormatter;
import dev.campaignkeeper.core.dice.DiceParser;
import dev.campaignkeeper.core.dice.DiceResult;
import dev.campaignkeeper.core.dice.DiceRoller;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code campaign-admin bench --dice}: the cost of parsing and rolling typical dice expressions
 * (issue 13's target: at most 50 µs per expression), with the bot's {@code SecureRandom} roller.
 * Each operation is timed on its own after a warm-up; the figures are per expression.
 */
final class DiceBench {

    /** What players type most: an attack, damage with an annotation, ability scores, advantage, a pool. */
    static final List<String> EXPRESSIONS = List.of("1d20+5", "1d20+5 [attack] + 2d6 [fire]", "4d6kh3", "adv+7",
            "8d6", "10d10>=8f1", "3d6!", "2#1d20+5, 1d8+3");

    private final int operations;

    /**
     * A bench of a number of timed operations per measure.
     *
     * @param operations timed parse+roll operations (the warm-up runs as many again)
     */
    DiceBench(int operations) {
        if (operations < EXPRESSIONS.size()) {
            throw new IllegalArgumentException("operations must be at least " + EXPRESSIONS.size());
        }
        this.operations = operations;
    }

    /**
     * Runs the bench.
     *
     * @return the figures by --json key
     */
    Map<String, Object> run() {
        DiceRoller secure = DiceRoller.secure();
        DiceRoller seeded = DiceRoller.seeded(1);
        List<DiceCommand> parsed = EXPRESSIONS.stream().map(DiceParser::parse).toList();
        long sink = 0;
        // Warm-up: every path as often as it is measured.
        for (int i = 0; i < operations; i++) {
            String expression = EXPRESSIONS.get(i % EXPRESSIONS.size());
            sink += secure.roll(expression).rolls().size();
            sink += seeded.roll(expression).rolls().size();
            sink += DiceFormatter.format(seeded.roll(parsed.get(i % parsed.size()))).length();
        }
        long[] parseRoll = new long[operations];
        long[] parseRollSeeded = new long[operations];
        long[] parseOnly = new long[operations];
        long[] rollOnly = new long[operations];
        long[] withFormat = new long[operations];
        for (int i = 0; i < operations; i++) {
            String expression = EXPRESSIONS.get(i % EXPRESSIONS.size());
            long start = System.nanoTime();
            DiceResult result = secure.roll(expression);
            long rolled = System.nanoTime();
            sink += result.rolls().size();
            parseRoll[i] = rolled - start;

            start = System.nanoTime();
            sink += seeded.roll(expression).rolls().size();
            parseRollSeeded[i] = System.nanoTime() - start;

            start = System.nanoTime();
            DiceCommand command = DiceParser.parse(expression);
            parseOnly[i] = System.nanoTime() - start;

            start = System.nanoTime();
            sink += secure.roll(command).rolls().size();
            rollOnly[i] = System.nanoTime() - start;

            start = System.nanoTime();
            sink += DiceFormatter.format(secure.roll(expression)).length();
            withFormat[i] = System.nanoTime() - start;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dice_expressions", String.join(" | ", EXPRESSIONS));
        result.put("dice_operations", operations);
        result.put("dice_parse_roll_us", micros(percentile(parseRoll, 50)));
        result.put("dice_parse_roll_p99_us", micros(percentile(parseRoll, 99)));
        result.put("dice_parse_roll_mean_us", micros(mean(parseRoll)));
        result.put("dice_parse_roll_seeded_us", micros(percentile(parseRollSeeded, 50)));
        result.put("dice_parse_us", micros(percentile(parseOnly, 50)));
        result.put("dice_roll_us", micros(percentile(rollOnly, 50)));
        result.put("dice_parse_roll_format_us", micros(percentile(withFormat, 50)));
        result.put("dice_target_us", 50);
        if (sink == 42) {
            result.put("dice_sink", sink); // keeps the JIT from discarding the work; practically never true
        }
        return result;
    }

    private static long percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return BenchRunner.percentile(sorted, percent);
    }

    private static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElse(0);
    }

    private static double micros(double nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }
}
