package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that hold for every command in the catalog. */
class EveryCommandTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
        bot.campaignWithCharacters();
        bot.run(GM, TAVERN, "npc create", "name", "Grik");
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    static Stream<CommandSpec> commandsThatNeedACampaign() {
        return CommandCatalog.specs().stream().filter(spec -> !spec.path().equals("campaign create"));
    }

    /** Plausible values for every option of a command, as a user would give them. */
    private static Object[] someOptions(CommandSpec spec) {
        List<Object> keyValues = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            keyValues.add(option.name());
            keyValues.add(switch (option.type()) {
                case USER -> ALICE;
                case BOOLEAN -> Boolean.TRUE;
                case ATTACHMENT -> new dev.campaignkeeper.core.port.Upload("map.png", "image/png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                case FILE -> new dev.campaignkeeper.core.port.Upload("tuppers.json", "application/json",
                        "{\"tuppers\":[{\"name\":\"Imported\",\"brackets\":[\"i:\",\"\"]}]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case STRING -> switch (option.name()) {
                    case "avatar" -> "https://example.com/a.png";
                    case "npc" -> "Grik";
                    case "expression" -> "1d20";
                    case "tags" -> "S:text";
                    default -> "Something";
                };
            });
        }
        return keyValues.toArray();
    }

    @ParameterizedTest(name = "/{0} where no campaign runs")
    @MethodSource("commandsThatNeedACampaign")
    void isRefusedEphemerallyInAChannelWithoutACampaign(CommandSpec spec) {
        Reply reply = bot.run(GM, MARKET, spec.path(), someOptions(spec));

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.attachment()).isEmpty();
        assertThat(reply.text()).contains("no campaign in this channel");
    }

    @ParameterizedTest(name = "/{0} by someone outside the campaign")
    @MethodSource("commandsThatNeedACampaign")
    void neverFailsUnexpectedlyForAStranger(CommandSpec spec) {
        Reply reply = bot.run(BotFixture.ADMIN, TAVERN, spec.path(), someOptions(spec));

        assertThat(reply.text()).doesNotContain("went wrong on the bot's side");
    }
}
