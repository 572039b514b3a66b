package dev.campaignkeeper.backup.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where off-site backups go.
 *
 * @param bucket   the bucket name (3 to 63 characters: lower-case letters, digits, dots, hyphens)
 * @param prefix   key prefix inside the bucket, without leading or trailing slash; may be empty
 * @param endpoint the S3-compatible server to use instead of AWS (path-style addressing is used then)
 * @param region   the region to sign for, e.g. {@code us-east-1}
 */
public record OffsiteConfig(String bucket, String prefix, Optional<URI> endpoint, String region) {

    /** The region used when none is given; S3-compatible servers usually accept any. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*)?");

    public OffsiteConfig {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name (3 to 63 characters: "
                    + "lower-case letters, digits, dots and hyphens)");
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("the key prefix '" + prefix + "' may hold only letters, digits, "
                    + "'.', '_', '-' and single '/' between parts");
        }
        endpoint.ifPresent(uri -> {
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("the S3 endpoint '" + uri + "' must be an http(s) URL with a host");
            }
        });
        if (region.isBlank()) {
            throw new IllegalArgumentException("the S3 region must not be empty");
        }
    }

    /**
     * Reads a location written as {@code s3://bucket/optional/prefix}.
     *
     * @param location the location
     * @param endpoint an S3-compatible server, or empty for AWS
     * @param region   the region, or empty for {@link #DEFAULT_REGION}
     * @return the configuration
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static OffsiteConfig parse(String location, Optional<String> endpoint, Optional<String> region) {
        Objects.requireNonNull(location, "location");
        if (!location.startsWith("s3://")) {
            throw new IllegalArgumentException("an off-site location looks like s3://bucket/prefix, not '"
                    + location + "'");
        }
        String rest = location.substring("s3://".length());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<URI> uri;
        try {
            uri = endpoint.filter(e -> !e.isBlank()).map(URI::create);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the S3 endpoint '" + endpoint.orElse("") + "' is not a URL", e);
        }
        return new OffsiteConfig(bucket, prefix, uri, region.filter(r -> !r.isBlank()).orElse(DEFAULT_REGION));
    }

    /** The location as {@code s3://bucket/prefix}, for messages. */
    public String location() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    String key(String setId, String file) {
        return (prefix.isEmpty() ? "" : prefix + "/") + setId + "/" + file;
    }

    String setsPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }
}
