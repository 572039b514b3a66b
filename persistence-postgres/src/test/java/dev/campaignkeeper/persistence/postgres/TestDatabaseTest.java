package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void theConfiguredUrlWinsOverEverythingElse() {
        assertThat(TestDatabase.choose("postgresql://ci@db:5433/x", false, true)).isEqualTo("postgresql://ci@db:5433/x");
        assertThat(TestDatabase.choose("postgresql://ci@db:5433/x", true, false)).isEqualTo("postgresql://ci@db:5433/x");
    }

    @Test
    void withoutOneTheLocalServerIsUsedWhenItAnswers() {
        assertThat(TestDatabase.choose(null, true, true)).isEqualTo(TestDatabase.DEFAULT_URL);
        assertThat(TestDatabase.choose(" ", true, false)).isEqualTo(TestDatabase.DEFAULT_URL);
    }

    @Test
    void withNoServerAnEmbeddedOneStartsUnlessTheBuildRunsAsRoot() {
        assertThat(TestDatabase.choose(null, false, false)).isEqualTo(TestDatabase.EMBEDDED);
        assertThatThrownBy(() -> TestDatabase.choose(null, false, true))
                .isInstanceOf(AssertionError.class)
                .hasMessage("No PostgreSQL on 127.0.0.1:5432, and an embedded one cannot run as root: start PostgreSQL"
                        + " 15+ on 127.0.0.1:5432 (trust auth, database test) or set CAMPAIGN_TEST_DATABASE_URL="
                        + "postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE to a server where the tests may create"
                        + " schemas.")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
    }
}
