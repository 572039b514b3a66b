package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static List<Backups.Ref> everySixHoursForFiveWeeks() {
        List<Backups.Ref> refs = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
        for (int i = 0; i < 5 * 7 * 4; i++) {
            Instant time = start.plus(Duration.ofHours(6L * i));
            String id = Backups.newId(time, i);
            refs.add(0, new Backups.Ref(id, time, i, false, List.of(Path.of(id))));
        }
        return refs; // newest first
    }

    @Test
    void keepsLastHourlyDailyAndWeeklyRepresentatives() {
        List<Backups.Ref> refs = everySixHoursForFiveWeeks();
        List<Backups.Ref> removed = Backups.toPrune(refs, new RetentionPolicy(2, 0, 3, 2), null);
        List<Backups.Ref> kept = new ArrayList<>(refs);
        kept.removeAll(removed);
        // last 2, the newest of the 3 newest days (the newest is already kept), newest of 2 newest weeks
        assertThat(kept).extracting(Backups.Ref::seq).containsExactly(139L, 138L, 135L, 131L, 111L);
    }

    @Test
    void defaultPolicyKeepsAtMostLastPlusBucketsAndNeverTheProtectedOne() {
        List<Backups.Ref> refs = everySixHoursForFiveWeeks();
        List<Backups.Ref> removed = Backups.toPrune(refs, RetentionPolicy.defaults(), refs.get(refs.size() - 1).id());
        assertThat(refs.size() - removed.size()).isLessThanOrEqualTo(10 + 24 + 7 + 4 + 1);
        assertThat(removed).doesNotContain(refs.get(refs.size() - 1)).doesNotContain(refs.get(0));
    }

    @Test
    void seedStyleBackupsAreNeverPruned() {
        Backups.Ref seed = new Backups.Ref("seed-20200101000000", Instant.parse("2020-01-01T00:00:00Z"), -1, true,
                List.of(Path.of("campaigns.json.20200101000000")));
        assertThat(Backups.toPrune(List.of(seed), new RetentionPolicy(0, 0, 0, 0), null)).isEmpty();
    }
}
