package dev.campaignkeeper.bot.javacord;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot connects to Discord.
 *
 * <p>The token is a secret: it is only handed to Javacord, and {@link #toString()} hides it.
 *
 * @param token the bot token (from the {@code DISCORD_TOKEN} environment variable)
 * @param devGuild a guild to register commands on instantly; empty to register them globally
 * @param loginTimeout how long to wait for Javacord's login before giving up
 * @param requestTimeout how long one Discord call (including waits for rate limits) may take
 * @param shards the gateway shards this process runs ({@link ShardPlan#single()} unless sharded)
 * @param messageContent whether to ask Discord for the privileged Message Content intent, which
 *     proxy tags need ({@code --message-content}); off by default, and if Discord refuses it the bot
 *     logs in again without it
 */
public record JavacordConfig(String token, Optional<Long> devGuild, Duration loginTimeout, Duration requestTimeout,
                             ShardPlan shards, boolean messageContent) {

    /** Default login timeout. */
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(60);
    /** Default timeout of one Discord call. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Validates the fields.
     *
     * @param token the bot token (from the {@code DISCORD_TOKEN} environment variable)
     * @param devGuild a guild to register commands on instantly; empty to register them globally
     * @param loginTimeout how long to wait for Javacord's login before giving up
     * @param requestTimeout how long one Discord call (including waits for rate limits) may take
     * @param shards the gateway shards this process runs
     * @param messageContent whether to ask for the Message Content intent
     */
    public JavacordConfig {
        Objects.requireNonNull(shards, "shards");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(devGuild, "devGuild");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Discord token is empty");
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * A configuration of one shard.
     *
     * @param token the bot token
     * @param devGuild a guild to register commands on instantly; empty to register them globally
     * @param loginTimeout how long to wait for each shard's login
     * @param requestTimeout how long one Discord call may take
     */
    public JavacordConfig(String token, Optional<Long> devGuild, Duration loginTimeout, Duration requestTimeout) {
        this(token, devGuild, loginTimeout, requestTimeout, ShardPlan.single(), false);
    }

    /**
     * A configuration without the Message Content intent.
     *
     * @param token the bot token
     * @param devGuild a guild to register commands on instantly; empty to register them globally
     * @param loginTimeout how long to wait for each shard's login
     * @param requestTimeout how long one Discord call may take
     * @param shards the gateway shards this process runs
     */
    public JavacordConfig(String token, Optional<Long> devGuild, Duration loginTimeout, Duration requestTimeout,
                          ShardPlan shards) {
        this(token, devGuild, loginTimeout, requestTimeout, shards, false);
    }

    /**
     * This configuration asking for the Message Content intent, or not.
     *
     * @param requested whether to ask for it
     * @return the new configuration
     */
    public JavacordConfig withMessageContent(boolean requested) {
        return new JavacordConfig(token, devGuild, loginTimeout, requestTimeout, shards, requested);
    }

    /**
     * This configuration running other shards.
     *
     * @param plan the shards this process runs
     * @return the new configuration
     */
    public JavacordConfig withShards(ShardPlan plan) {
        return new JavacordConfig(token, devGuild, loginTimeout, requestTimeout, plan, messageContent);
    }

    /**
     * A configuration with the default timeouts.
     *
     * @param token the bot token
     * @param devGuild the guild to register commands on instantly, if any
     * @return the configuration
     */
    public static JavacordConfig of(String token, Optional<Long> devGuild) {
        return new JavacordConfig(token, devGuild, DEFAULT_LOGIN_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Describes the configuration without the token. */
    @Override
    public String toString() {
        return "JavacordConfig[token=<hidden>, devGuild=" + devGuild.map(String::valueOf).orElse("none")
                + ", loginTimeout=" + loginTimeout + ", requestTimeout=" + requestTimeout + ", shards=" + shards + ", messageContent=" + messageContent + "]";
    }
}
