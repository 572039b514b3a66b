package dev.campaignkeeper.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void escapeBackslashesEveryFormattingCharacter() {
        assertThat(Markdown.escape("**x** ||y|| [l](https://a.b)"))
                .isEqualTo("\\*\\*x\\*\\* \\|\\|y\\|\\| \\[l\\]\\(https\\://a.b\\)");
        assertThat(Markdown.escape("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(Markdown.escape("Zoë 👨‍👩‍👧‍👦")).isEqualTo("Zoë 👨‍👩‍👧‍👦");
    }

    @Test
    void plainDropsTheRepliesBoldAndShowsEscapedNamesExactly() {
        String name = "**x** ||y|| [l](https://a.b) back\\slash";

        assertThat(Markdown.plain("Created **" + Markdown.escape(name) + "**.")).isEqualTo("Created " + name + ".");
    }
}
