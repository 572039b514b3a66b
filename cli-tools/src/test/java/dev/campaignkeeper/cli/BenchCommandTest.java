package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench on the real JSON store with tiny sizes: every key is printed (figures are not asserted). */
class BenchCommandTest {

    static final List<String> KEYS = List.of("guilds", "bytes", "open_ms", "mutation_p50_ms", "mutation_p99_ms",
            "throughput_1_per_s", "throughput_16_per_s", "checkpoint_ms", "checkpoint_mutation_p99_ms",
            "peak_heap_mb", "fsync_p50_ms", "p50_over_fsync");

    @TempDir
    Path tmp;

    @Test
    void jsonHasEveryIssueThreeKey() {
        Path dir = tmp.resolve("bench");

        Run run = Run.of("bench", "--guilds", "3", "--mutations", "30", "--replay-entries", "40", "--dir",
                dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = run.json();
        assertThat(json.keySet()).containsAll(KEYS);
        assertThat(json.get("guilds").getAsInt()).isEqualTo(3);
        assertThat(json.get("bytes").getAsLong()).isPositive();
        assertThat(json.get("throughput_16_per_s").getAsLong()).isPositive();
        assertThat(dir.resolve("campaigns.json")).exists(); // --dir is kept
        // the restore dry run compares a backup from before one guild (1% of 3, at least one) changed
        assertThat(json.get("restore_dry_run_ms").getAsDouble()).isPositive();
        assertThat(json.get("restore_dry_run_guilds_differing").getAsInt()).isEqualTo(1);
        // the store's own share of the heap leaves out what the process held before it opened
        assertThat(json.get("heap_before_open_mb").getAsDouble()).isPositive();
        assertThat(json.get("store_heap_over_json").getAsDouble())
                .isLessThan(json.get("live_heap_over_json").getAsDouble());
    }

    @Test
    void tableNamesEveryMeasureAndTheTemporaryDirectoryIsDeleted() {
        Run run = Run.of("bench", "--guilds", "2", "--mutations", "20", "--replay-entries", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("open (load + replay)").contains("durable mutation p50")
                .contains("throughput, 16 writers").contains("mutation p99 during checkpoint")
                .contains("raw append+fsync p50").contains("mutation p50 / fsync p50").contains("peak heap")
                .containsPattern("store measured \\(json or postgres\\) +json");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void thePostgresStoreIsMeasuredOnASchemaOfItsOwn() {
        Run run = Run.of("bench", "--store", "postgres", "--database-url", TestDatabaseUrl.url(), "--guilds", "3",
                "--mutations", "30", "--replay-entries", "40", "--json");

        assertThat(run.exitCode()).as(run.err() + " " + TestDatabaseUrl.hint()).isZero();
        JsonObject json = run.json();
        assertThat(json.keySet()).containsAll(KEYS);
        assertThat(json.get("store").getAsString()).isEqualTo("postgres");
        assertThat(json.get("throughput_16_per_s").getAsLong()).isPositive();
        assertThat(json.get("pool_size").getAsInt()).isEqualTo(20);
    }

    @Test
    void thePoolSizeIsTheOneAskedFor() {
        Run run = Run.of("bench", "--store", "postgres", "--database-url", TestDatabaseUrl.url(), "--guilds", "2",
                "--mutations", "20", "--replay-entries", "10", "--pool-size", "3", "--json");

        assertThat(run.exitCode()).as(run.err() + " " + TestDatabaseUrl.hint()).isZero();
        assertThat(run.json().get("pool_size").getAsInt()).isEqualTo(3);
    }

    @Test
    void aPoolSizeWithoutThePostgresStoreOrBelowOneIsAUsageError() {
        Run json = Run.of("bench", "--guilds", "2", "--pool-size", "4");
        Run zero = Run.of("bench", "--store", "postgres", "--database-url", TestDatabaseUrl.url(), "--guilds", "2",
                "--pool-size", "0");

        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).contains("--pool-size needs --store postgres");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--pool-size must be at least 1, not 0");
    }

    @Test
    void thePostgresStoreNeedsADatabaseUrl() {
        Run run = Run.of("bench", "--store", "postgres", "--guilds", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--database-url postgresql://");
    }

    @Test
    void nonEmptyDirectoryIsRefused() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("used"));

        Run run = Run.of("bench", "--guilds", "2", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not empty");
    }

    @Test
    void diceModePrintsTheParseAndRollFigureWithoutTouchingAStore() {
        Run run = Run.of("bench", "--dice", "--dice-operations", "2000", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = run.json();
        assertThat(json.keySet()).contains("dice_parse_roll_us", "dice_parse_roll_p99_us", "dice_parse_us",
                "dice_roll_us", "dice_parse_roll_format_us").doesNotContain("guilds");
        assertThat(json.get("dice_parse_roll_us").getAsDouble()).isPositive();
        assertThat(json.get("dice_operations").getAsInt()).isEqualTo(2000);
    }

    @Test
    void diceTableNamesTheMeasures() {
        Run run = Run.of("bench", "--dice", "--dice-operations", "500");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("parse + roll p50 (SecureRandom)").contains("4d6kh3").contains("target");
    }

    @Test
    void tooFewDiceOperationsAreAUsageError() {
        Run run = Run.of("bench", "--dice", "--dice-operations", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--dice-operations");
    }
}
