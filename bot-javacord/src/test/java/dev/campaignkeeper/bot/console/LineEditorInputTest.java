package dev.campaignkeeper.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's line editor, with keys typed into an ANSI terminal. */
class LineEditorInputTest {

    /** The keys a terminal sends in the keypad mode the line editor switches it to. */
    private static final String LEFT = "\u001bOD";
    private static final String UP = "\u001bOA";

    /** Types the keys and returns every line read until the end of input. */
    private static List<String> type(String keys) {
        List<String> lines = new ArrayList<>();
        try (LineEditorInput input = LineEditorInput.onStreams(
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream())) {
            for (Optional<String> line = input.readLine("> "); line.isPresent(); line = input.readLine("> ")) {
                lines.add(line.get());
            }
        }
        return lines;
    }

    @Test
    void arrowKeysMoveWithinTheLineInsteadOfInsertingEscapeCodes() {
        assertThat(type("/say Helo" + LEFT + "l\r")).containsExactly("/say Hello");
    }

    @Test
    void upRecallsThePreviousLine() {
        assertThat(type("/campaign info\r" + UP + "\r")).containsExactly("/campaign info", "/campaign info");
    }

    @Test
    void tabCompletesCommandsSubcommandsAndOptions() {
        assertThat(type("/camp\tcre\tna\t\"The Lost Mine\"\r"))
                .containsExactly("/campaign create name:\"The Lost Mine\"");
        assertThat(type("/npc say n\tGrik te\tHi\r")).containsExactly("/npc say npc:Grik text:Hi");
        assertThat(type("/wh\t\r")).containsExactly("/whoami ");
    }

    @Test
    void exclamationMarksAndBackslashesAreText() {
        assertThat(type("/say Hello there! !! \\o/\r")).containsExactly("/say Hello there! !! \\o/");
    }

    @Test
    void ctrlDOnAnEmptyLineEndsTheInput() {
        assertThat(type("/help\r\u0004/never\r")).containsExactly("/help");
    }

    @Test
    void aWholeSessionRunsThroughTheLineEditorAndEndsWithBye() {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8);
        ConsoleNames names = new ConsoleNames();
        var platform = new dev.campaignkeeper.core.memory.InMemoryChatPlatform();
        var keeper = dev.campaignkeeper.core.usecase.CampaignKeeper.create(
                new dev.campaignkeeper.core.memory.InMemoryCampaignStore(), platform,
                dev.campaignkeeper.core.rules.Limits.defaults(), java.time.Clock.systemUTC());
        var handlers = new dev.campaignkeeper.bot.command.CommandHandlers(keeper, export -> "{}", names::show);
        String keys = "/camp\tcre\tna\t\"The Lost Mine\"\r/campaign info\r\u0004";

        try (LineEditorInput input = LineEditorInput.onStreams(
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream())) {
            new ConsoleSession(handlers, platform, names, out, java.nio.file.Path.of("unused")).run(input);
        }

        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("The campaign The Lost Mine begins")
                .contains("Game master: @you").endsWith("Bye." + System.lineSeparator());
    }
}
