package dev.campaignkeeper.cli;

import dev.campaignkeeper.backup.s3.OffsiteBackups;
import dev.campaignkeeper.backup.s3.OffsiteConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say where off-site backups are ({@code backups --remote}, {@code restore --remote}). */
final class OffsiteOptions {

    static final String LOCATION_VARIABLE = "CAMPAIGN_OFFSITE";
    static final String ENDPOINT_VARIABLE = "CAMPAIGN_S3_ENDPOINT";
    static final String REGION_VARIABLE = "CAMPAIGN_S3_REGION";

    @Option(names = "--offsite", paramLabel = "s3://BUCKET/PREFIX",
            description = "off-site backup location (default: $CAMPAIGN_OFFSITE)")
    String location;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "S3-compatible server, e.g. http://127.0.0.1:9000 (default: $CAMPAIGN_S3_ENDPOINT, else AWS)")
    String endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION",
            description = "region to sign for (default: $CAMPAIGN_S3_REGION, else us-east-1)")
    String region;

    /** Connects to the off-site location; credentials from the environment, else the AWS default chain. */
    OffsiteBackups open(CampaignAdmin admin) {
        String where = Optional.ofNullable(location).filter(l -> !l.isBlank())
                .or(() -> admin.environment(LOCATION_VARIABLE))
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "--remote needs the off-site location: "
                        + "--offsite s3://BUCKET/PREFIX or $" + LOCATION_VARIABLE));
        OffsiteConfig config;
        try {
            config = OffsiteConfig.parse(where,
                    Optional.ofNullable(endpoint).or(() -> admin.environment(ENDPOINT_VARIABLE)),
                    Optional.ofNullable(region).or(() -> admin.environment(REGION_VARIABLE)));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        try {
            return OffsiteBackups.open(config, admin.environmentMap());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }
}
