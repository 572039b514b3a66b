package dev.campaignkeeper.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.bot.console.ConsoleLine.Command;
import dev.campaignkeeper.bot.console.ConsoleLine.Directive;
import dev.campaignkeeper.bot.console.ConsoleLine.Mistake;
import dev.campaignkeeper.bot.console.ConsoleLine.Nothing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLineTest {

    private final ConsoleNames names = new ConsoleNames();

    private Command command(String line) {
        ConsoleLine parsed = ConsoleLine.parse(line, names);
        assertThat(parsed).isInstanceOf(Command.class);
        return (Command) parsed;
    }

    private String mistake(String line) {
        ConsoleLine parsed = ConsoleLine.parse(line, names);
        assertThat(parsed).isInstanceOf(Mistake.class);
        return ((Mistake) parsed).message();
    }

    @Test
    void quotedOptionValuesKeepTheirSpaces() {
        Command command = command("/campaign create name:\"The Lost Mine\"");

        assertThat(command.spec().path()).isEqualTo("campaign create");
        assertThat(command.options().asMap()).isEqualTo(Map.of("name", "The Lost Mine"));
    }

    @Test
    void singleQuotesAndEscapesWork() {
        Command command = command("/character create name:'Brynn' description:\"Says \\\"hi\\\" a lot\"");

        assertThat(command.options().asMap()).isEqualTo(Map.of("name", "Brynn", "description", "Says \"hi\" a lot"));
    }

    @Test
    void looseWordsGoToTheOneMissingRequiredOptionAndKeepApostrophes() {
        Command say = command("/say I'm here: the ale's on me");
        Command npcSay = command("/npc say npc:Grik Back off, it's mine!");

        assertThat(say.options().asMap()).isEqualTo(Map.of("text", "I'm here: the ale's on me"));
        assertThat(npcSay.options().asMap()).isEqualTo(Map.of("npc", "Grik", "text", "Back off, it's mine!"));
    }

    @Test
    void aQuotedWordIsNeverTakenForAnOption() {
        Command say = command("/say \"name:Bob\"");

        assertThat(say.options().asMap()).isEqualTo(Map.of("text", "name:Bob"));
    }

    @Test
    void usersAreNamedAndMapToStableIds() {
        Command kick = command("/campaign kick user:@Bob");

        assertThat(kick.options().user("user")).contains(names.user("bob"));
        assertThat(new ConsoleNames().user("Bob")).isEqualTo(names.user("Bob"));
        assertThat(names.user("Alice")).isNotEqualTo(names.user("Bob"));
        assertThat(names.channel("#tavern")).isEqualTo(names.channel("tavern"));
    }

    @Test
    void booleansAcceptTrueAndFalseWords() {
        assertThat(command("/campaign end confirm:true").options().bool("confirm")).contains(true);
        assertThat(command("/campaign end confirm:no").options().bool("confirm")).contains(false);
        assertThat(mistake("/campaign end confirm:maybe")).contains("confirm:<true|false>");
    }

    @Test
    void missingRequiredOptionsAndUnknownCommandsAreExplained() {
        assertThat(mistake("/character create")).contains("Missing name:<text>").contains("Usage: /character create");
        assertThat(mistake("/campaign")).contains("needs a subcommand").contains("create");
        assertThat(mistake("/campaign explode")).contains("no subcommand");
        assertThat(mistake("/dance")).contains("Unknown command /dance");
        assertThat(mistake("/say \"unclosed")).contains("not closed");
        assertThat(mistake("/npc say Grik hello")).contains("key:value");
        assertThat(mistake("/campaign create name:A name:B")).contains("twice");
    }

    @Test
    void aLineWithoutASlashIsAnOrdinaryMessage() {
        assertThat(ConsoleLine.parse("  A: hello there ", names)).isEqualTo(new ConsoleLine.Plain("A: hello there"));
        assertThat(ConsoleLine.parse("\\[not in character]", names))
                .isEqualTo(new ConsoleLine.Plain("\\[not in character]"));
    }

    @Test
    void directivesBlankLinesAndCommentsAreRecognised() {
        assertThat(ConsoleLine.parse("/as \"Game Master\"", names))
                .isEqualTo(new Directive("as", List.of("Game Master")));
        assertThat(ConsoleLine.parse("/in #tavern", names)).isEqualTo(new Directive("in", List.of("#tavern")));
        assertThat(ConsoleLine.parse("   ", names)).isInstanceOf(Nothing.class);
        assertThat(ConsoleLine.parse("# a comment", names)).isInstanceOf(Nothing.class);
    }
}
