package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresStoreConfigTest {

    @Test
    void aLibpqUrlGivesUserPasswordAndAJdbcUrlWithoutCredentials() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(
                "postgresql://keeper:s%40cret@db.example:5433/campaigns?sslmode=require", Map.of());

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/campaigns?sslmode=require");
        assertThat(config.user()).isEqualTo("keeper");
        assertThat(config.password()).hasValue("s@cret");
        assertThat(config.schema()).isEqualTo(PostgresStoreConfig.DEFAULT_SCHEMA);
    }

    @Test
    void thePasswordComesFromPgpasswordWhenTheUrlHasNone() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl("postgres://keeper@localhost/campaigns",
                Map.of("PGPASSWORD", "from-env"));

        assertThat(config.password()).hasValue("from-env");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/campaigns");
    }

    @Test
    void aJdbcUrlsUserAndPasswordParametersAreTakenOutOfIt() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(
                "jdbc:postgresql://h:5432/d?user=u&password=p&ssl=true", Map.of("USER", "someone-else"));

        assertThat(config.user()).isEqualTo("u");
        assertThat(config.password()).hasValue("p");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?ssl=true");
    }

    @Test
    void aSchemaParameterNamesTheSchema() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl("postgresql://u@h/d?schema=guild_data&ssl=true",
                Map.of());

        assertThat(config.schema()).isEqualTo("guild_data");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://h/d?ssl=true");
    }

    @Test
    void withoutAUserTheLoginNameIsUsed() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl("postgresql://h/d", Map.of("USER", "alice"));

        assertThat(config.user()).isEqualTo("alice");
        assertThat(config.password()).isEmpty();
    }

    @Test
    void thePasswordNeverShowsInToStringOrDescribe() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl("postgresql://keeper:hunter2@h:5432/d",
                Map.of());

        assertThat(config.toString()).doesNotContain("hunter2").contains("keeper@h:5432/d", "password set");
        assertThat(config.describe()).doesNotContain("hunter2");
    }

    @Test
    void urlsThatCannotWorkAreRefusedWithTheFormToUse() {
        assertThatThrownBy(() -> PostgresStoreConfig.fromDatabaseUrl("mysql://u:secret@h/d", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://user@host:5432/database")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresStoreConfig.fromDatabaseUrl("postgresql://u@h", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name");
        assertThatThrownBy(() -> PostgresStoreConfig.fromDatabaseUrl("postgresql://h/d", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a user");
        assertThatThrownBy(() -> PostgresStoreConfig.fromDatabaseUrl("postgresql://u@h/d", Map.of())
                .withSchema("Bad-Name")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
    }

    @Test
    void anUnreachableServerFailsWithWhereItLookedAndWhatToCheckButNotThePassword() {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl("postgresql://keeper:hunter2@127.0.0.1:1/d",
                Map.of()).withConnectTimeout(Duration.ofSeconds(1));

        assertThatThrownBy(() -> PostgresCampaignStore.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at keeper@127.0.0.1:1/d")
                .hasMessageContaining("--database-url")
                .hasMessageNotContaining("hunter2");
    }
}
