package dev.campaignkeeper.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.ReasonCode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReasonTextTest {

    private static final Pattern COMMAND = Pattern.compile("/([a-z]+)( [a-z]+)?");

    @Test
    void everyReasonCodeHasARenderingUsingExactlyItsParameters() {
        for (ReasonCode code : ReasonCode.values()) {
            String template = ReasonText.template(code);

            assertThat(template).as(code.name()).isNotBlank().endsWith(".");
            assertThat(ReasonCode.placeholders(template)).as(code.name()).isEqualTo(code.parameterNames());
            assertThat(ReasonText.render(code, sampleParameters(code))).as(code.name()).doesNotContain("{");
        }
    }

    @Test
    void everyCommandARenderingNamesExists() {
        var paths = CommandCatalog.specs().stream().map(CommandSpec::path).toList();
        for (ReasonCode code : ReasonCode.values()) {
            var commands = COMMAND.matcher(ReasonText.template(code));
            while (commands.find()) {
                String path = commands.group(0).substring(1);
                String command = commands.group(1);
                boolean exists = paths.contains(path) || (paths.contains(command) && !CommandCatalog.hasSubcommands(command));
                assertThat(exists).as(code + " names /" + path).isTrue();
            }
        }
    }

    @Test
    void aCodedFailureIsRenderedWithTheCommandToUseAndItsParameters() {
        var failure = new LimitReachedException(ReasonCode.PLAYERS_PER_CAMPAIGN_REACHED, Map.of("count", "8"));

        assertThat(failure).hasMessage("This campaign already has 8 players, the most allowed. "
                + "The GM can make room by removing a player.");
        assertThat(ReasonText.of(failure)).isEqualTo("This campaign already has 8 players, the most allowed. "
                + "The GM can make room with /campaign kick.");
    }

    @Test
    void aFailureWithoutCodeIsShownByItsMessage() {
        assertThat(ReasonText.of(new NotFoundException("That post is gone."))).isEqualTo("That post is gone.");
    }

    @Test
    void parametersAreInsertedVerbatimEvenWithDollarsAndBraces() {
        var failure = new ConflictException(ReasonCode.NPC_NAME_TAKEN, Map.of("name", "$1 {name} \\x"));

        assertThat(ReasonText.of(failure)).contains("\"$1 {name} \\x\"");
    }

    @Test
    void aCodeWithTheWrongParametersIsABug() {
        assertThatThrownBy(() -> new NotFoundException(ReasonCode.NO_NPC_NAMED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[name]");
    }

    private static Map<String, String> sampleParameters(ReasonCode code) {
        Map<String, String> values = new HashMap<>();
        code.parameterNames().forEach(name -> values.put(name, "x"));
        return values;
    }
}
