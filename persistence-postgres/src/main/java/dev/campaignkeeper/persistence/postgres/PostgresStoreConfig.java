package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.port.PostLog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of a {@link PostgresCampaignStore}. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl the JDBC URL, {@code jdbc:postgresql://host:port/database[?params]}, without credentials
 * @param user the database user
 * @param password the password, empty for trust, peer or certificate authentication (or a {@code .pgpass} file)
 * @param schema the schema the store's tables live in (created, and migrated, on open)
 * @param maximumPoolSize connections in the pool: updates use at most two at once (they share transactions),
 *     the rest serve reads and the post log
 * @param connectTimeout how long to wait for a connection before the call fails
 * @param postRetentionPerCampaign how many posts the post log keeps per campaign (the oldest dropped first)
 */
public record PostgresStoreConfig(
        String jdbcUrl,
        String user,
        Optional<String> password,
        String schema,
        int maximumPoolSize,
        Duration connectTimeout,
        int postRetentionPerCampaign) {

    /** The environment variable the bot and the admin CLI read when {@code --database-url} is not given. */
    public static final String DATABASE_URL_VARIABLE = "CAMPAIGN_DATABASE_URL";

    /** The schema used unless another is configured. */
    public static final String DEFAULT_SCHEMA = "campaign_keeper";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&]password=)[^&]*");

    /**
     * Validates the settings.
     *
     * @param jdbcUrl the JDBC URL, {@code jdbc:postgresql://host:port/database[?params]}, without credentials
     * @param user the database user
     * @param password the password, empty for trust, peer or certificate authentication (or a {@code .pgpass} file)
     * @param schema the schema the store's tables live in (created, and migrated, on open)
     * @param maximumPoolSize connections in the pool: updates use at most two at once (they share
     *     transactions), the rest serve reads and the post log
     * @param connectTimeout how long to wait for a connection before the call fails
     * @param postRetentionPerCampaign how many posts the post log keeps per campaign (the oldest dropped first)
     */
    public PostgresStoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the database URL must start with postgresql:// or jdbc:postgresql://");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the database URL needs a user (postgresql://USER@host/database)");
        }
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be 1 to 63 lower-case letters, digits or _, not starting"
                    + " with a digit, got \"" + schema + "\"");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least 1 connection");
        }
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250 ms");
        }
        if (postRetentionPerCampaign < 1) {
            throw new IllegalArgumentException("the post log must keep at least 1 post per campaign");
        }
    }

    /**
     * Settings from a database URL as an admin writes it: {@code postgresql://user[:password]@host[:port]/database},
     * {@code postgres://...} or {@code jdbc:postgresql://host[:port]/database?user=...}. A password not in the URL
     * is taken from {@code PGPASSWORD} in {@code environment}; with neither, none is sent (trust or {@code .pgpass}).
     * A {@code user} missing from the URL is taken from {@code PGUSER}, else {@code USER}. A {@code schema} (or
     * {@code currentSchema}) parameter names the schema. Defaults: schema {@value #DEFAULT_SCHEMA}, 20 connections, 10 s connect timeout, {@link PostLog#DEFAULT_RETENTION_PER_CAMPAIGN}
     * posts per campaign.
     *
     * @param url the database URL
     * @param environment the environment variables ({@code System.getenv()})
     * @return the configuration
     * @throws IllegalArgumentException if the URL cannot be used; the message never contains the password
     */
    public static PostgresStoreConfig fromDatabaseUrl(String url, Map<String, String> environment) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(environment, "environment");
        String rest;
        if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("the database URL must look like postgresql://user@host:5432/database,"
                    + " postgres://... or jdbc:postgresql://host:5432/database, got "
                    + (url.contains("://") ? "one starting \"" + url.substring(0, url.indexOf("://") + 3) + "\""
                    : "no scheme://"));
        }
        String user = null;
        String password = null;
        String schema = DEFAULT_SCHEMA;
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (key.equalsIgnoreCase("user")) {
                user = value;
            } else if (key.equalsIgnoreCase("password")) {
                password = value;
            } else if (key.equals("currentSchema") || key.equals("schema")) {
                schema = value;
            } else {
                kept.append(kept.length() == 0 ? '?' : '&').append(parameter);
            }
        }
        if (rest.isEmpty() || rest.startsWith("/")) {
            throw new IllegalArgumentException("the database URL needs a host: postgresql://user@host:5432/database");
        }
        if (!rest.contains("/")) {
            throw new IllegalArgumentException("the database URL needs a database name: postgresql://user@"
                    + rest + "/database");
        }
        if (user == null || user.isEmpty()) {
            user = environment.getOrDefault("PGUSER", environment.getOrDefault("USER", ""));
        }
        if (password == null && environment.get("PGPASSWORD") != null) {
            password = environment.get("PGPASSWORD");
        }
        return new PostgresStoreConfig("jdbc:postgresql://" + rest + kept, user, Optional.ofNullable(password),
                schema, 20, Duration.ofSeconds(10), PostLog.DEFAULT_RETENTION_PER_CAMPAIGN);
    }

    /**
     * Where the database is, for messages and logs: host, port, database and user, never the password.
     *
     * @return for example {@code postgres@127.0.0.1:5432/test (schema campaign_keeper)}
     */
    public String describe() {
        String location = redact(jdbcUrl.substring("jdbc:postgresql://".length()));
        return user + "@" + location + " (schema " + schema + ")";
    }

    /**
     * Returns a copy using another schema.
     *
     * @param newSchema the schema name
     * @return the changed configuration
     */
    public PostgresStoreConfig withSchema(String newSchema) {
        return new PostgresStoreConfig(jdbcUrl, user, password, newSchema, maximumPoolSize, connectTimeout,
                postRetentionPerCampaign);
    }

    /**
     * Returns a copy with another pool size.
     *
     * @param connections at least 1
     * @return the changed configuration
     */
    public PostgresStoreConfig withMaximumPoolSize(int connections) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, connections, connectTimeout,
                postRetentionPerCampaign);
    }

    /**
     * Returns a copy with another connect timeout.
     *
     * @param timeout at least 250 ms
     * @return the changed configuration
     */
    public PostgresStoreConfig withConnectTimeout(Duration timeout) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, maximumPoolSize, timeout,
                postRetentionPerCampaign);
    }

    /**
     * Returns a copy keeping another number of posts per campaign in the post log.
     *
     * @param posts at least 1
     * @return the changed configuration
     */
    public PostgresStoreConfig withPostRetentionPerCampaign(int posts) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, maximumPoolSize, connectTimeout, posts);
    }

    /**
     * The settings without the password.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "PostgresStoreConfig[" + describe() + ", password " + (password.isPresent() ? "set" : "not set")
                + ", pool " + maximumPoolSize + ", connectTimeout " + connectTimeout + ", postRetentionPerCampaign "
                + postRetentionPerCampaign + "]";
    }

    private static String redact(String text) {
        return PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
