package dev.campaignkeeper.cli;

/**
 * The PostgreSQL server the CLI's database tests use: {@code CAMPAIGN_TEST_DATABASE_URL} if set,
 * else this project's machines' server on 127.0.0.1:5432. The commands under test work in schemas
 * of their own.
 */
final class TestDatabaseUrl {

    static final String VARIABLE = "CAMPAIGN_TEST_DATABASE_URL";

    private TestDatabaseUrl() {
    }

    static String url() {
        String url = System.getenv(VARIABLE);
        return url == null || url.isBlank() ? "postgresql://postgres@127.0.0.1:5432/test" : url;
    }

    /** What a failing database test says, so a missing server is told apart from a bug. */
    static String hint() {
        return "(the database tests use " + url() + "; if no PostgreSQL runs there, start one or set " + VARIABLE
                + "=postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE)";
    }
}
