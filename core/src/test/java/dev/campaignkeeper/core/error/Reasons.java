package dev.campaignkeeper.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Assertions on the reason code a core exception carries. */
public final class Reasons {

    private Reasons() {
    }

    /**
     * Checks that a failure carries a code with exactly these parameters.
     *
     * @param code the expected code
     * @param namesAndValues the expected parameters, as name, value, name, value...
     * @return a check for {@code assertThatThrownBy(...).satisfies(...)}
     */
    public static Consumer<Throwable> code(ReasonCode code, String... namesAndValues) {
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            expected.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return thrown -> {
            assertThat(thrown).isInstanceOf(CampaignKeeperException.class);
            CampaignKeeperException failure = (CampaignKeeperException) thrown;
            assertThat(failure.code()).isEqualTo(Optional.of(code));
            assertThat(failure.parameters()).isEqualTo(expected);
        };
    }
}
