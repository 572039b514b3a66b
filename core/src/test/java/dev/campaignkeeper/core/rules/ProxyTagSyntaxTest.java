package dev.campaignkeeper.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.ProxyTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyTagSyntaxTest {

    @Test
    void textMarksWhereTheMessageGoesAndBarsSeparateSeveralTags() {
        assertThat(ProxyTagSyntax.parse("F:text | [text] | text -f | \u00ab text \u00bb"))
                .containsExactly(ProxyTag.prefix("F:"), new ProxyTag("[", "]"), ProxyTag.suffix("-f"),
                        new ProxyTag("\u00ab", "\u00bb"));
    }

    @Test
    void blankOrNoneMeansNoTagsAndEmptyEntriesAreSkipped() {
        assertThat(ProxyTagSyntax.parse("  ")).isEmpty();
        assertThat(ProxyTagSyntax.parse(null)).isEmpty();
        assertThat(ProxyTagSyntax.parse("None")).isEmpty();
        assertThat(ProxyTagSyntax.parse("| F:text ||")).containsExactly(ProxyTag.prefix("F:"));
    }

    @Test
    void aTagWithoutThePlaceholderOrWithItTwiceOrWithNothingElseIsRefused() {
        assertThatThrownBy(() -> ProxyTagSyntax.parse("F:")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the word \"text\"");
        assertThatThrownBy(() -> ProxyTagSyntax.parse("text:text")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> ProxyTagSyntax.parse("text")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs some text before or after");
        assertThatThrownBy(() -> ProxyTagSyntax.parse("F:text | F:text")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void formatWritesWhatParseReadsBack() {
        List<ProxyTag> tags = List.of(ProxyTag.prefix("F:"), new ProxyTag("[", "]"));
        assertThat(ProxyTagSyntax.format(tags)).isEqualTo("F:text | [text]");
        assertThat(ProxyTagSyntax.parse(ProxyTagSyntax.format(tags))).isEqualTo(tags);
        assertThat(ProxyTagSyntax.format(List.of())).isEqualTo("none");
        assertThat(ProxyTagSyntax.parse(ProxyTagSyntax.format(List.of()))).isEmpty();
    }
}
