package dev.campaignkeeper.core.error;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of every failure the core reports. Its message is written for the person who caused it:
 * a user or an admin reading it can act on it without reading code.
 *
 * <p>A failure a front end explains in its own words (naming its commands, say) carries a
 * {@link ReasonCode} and that code's parameters; its message is then the code's plain-language
 * default. Other failures carry only their message.
 */
public abstract class CampaignKeeperException extends RuntimeException {

    /** Why, if the failure has a code; null otherwise. */
    private final ReasonCode code;
    /** The code's parameters; empty without a code. */
    private final Map<String, String> parameters;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    protected CampaignKeeperException(String message) {
        super(message);
        this.code = null;
        this.parameters = Map.of();
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    protected CampaignKeeperException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
        this.parameters = Map.of();
    }

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's {@link ReasonCode#parameterNames()}, no others
     * @throws IllegalArgumentException if the parameters do not match the code's
     */
    protected CampaignKeeperException(ReasonCode code, Map<String, String> parameters) {
        super(checked(code, parameters).message(parameters));
        this.code = code;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Creates the exception for a reason code, with its cause.
     *
     * @param code why
     * @param parameters a value for each of the code's {@link ReasonCode#parameterNames()}, no others
     * @param cause the underlying failure
     * @throws IllegalArgumentException if the parameters do not match the code's
     */
    protected CampaignKeeperException(ReasonCode code, Map<String, String> parameters, Throwable cause) {
        super(checked(code, parameters).message(parameters), cause);
        this.code = code;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Why, as a code a front end can render in its own words.
     *
     * @return the code, or empty if the message is all there is
     */
    public Optional<ReasonCode> code() {
        return Optional.ofNullable(code);
    }

    /**
     * The values of the code's placeholders, e.g. {@code count=8}.
     *
     * @return the parameters; empty without a code
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    private static ReasonCode checked(ReasonCode code, Map<String, String> parameters) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.keySet().equals(code.parameterNames())) {
            throw new IllegalArgumentException(code + " takes " + code.parameterNames() + ", not "
                    + parameters.keySet());
        }
        return code;
    }
}
