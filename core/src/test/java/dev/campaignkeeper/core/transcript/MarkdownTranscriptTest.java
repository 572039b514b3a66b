package dev.campaignkeeper.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Markdown transcript: byte for byte the golden file {@code transcript/golden.md}, and, parsed
 * back with a CommonMark parser, every name and post shows exactly as typed.
 */
class MarkdownTranscriptTest {

    private static String golden() throws IOException {
        try (InputStream in = MarkdownTranscriptTest.class.getResourceAsStream("/transcript/golden.md")) {
            return new String(Objects.requireNonNull(in, "golden.md").readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String render() {
        return TranscriptFormat.MARKDOWN.render(TranscriptFixture.transcript(), TranscriptFixture.style());
    }

    @Test
    void theSceneIsWrittenExactlyAsTheGoldenFile() throws IOException {
        assertThat(render()).isEqualTo(golden());
    }

    @Test
    void parsedBackTheTextUsersTypedShowsAsTypedWithoutFormatting() {
        Node document = Parser.builder().build().parse(render());
        List<String> quotes = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<String> formatting = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(BlockQuote quote) {
                quotes.add(plain(quote));
            }

            @Override
            public void visit(Heading heading) {
                headings.add(heading.getLevel() + " " + plain(heading));
            }

            @Override
            public void visit(Emphasis emphasis) {
                formatting.add("emphasis: " + plain(emphasis));
                visitChildren(emphasis);
            }

            @Override
            public void visit(Code code) {
                formatting.add("code: " + code.getLiteral());
            }

            @Override
            public void visit(StrongEmphasis strong) {
                formatting.add("strong: " + plain(strong));
            }

            @Override
            public void visit(Link link) {
                formatting.add("link: " + link.getDestination());
            }
        });
        assertThat(headings).containsExactly("1 Transcript: The Lost *Mine* & <Co>", "2 Campaign channel",
                "3 <<RAW HTML <img src=\"https://example.org/gus.png?size=64&amp;v=2\" width=\"32\" height=\"32\" "
                        + "alt=\"\">>> Old Gus [the *innkeeper*]", "3 Frodo <Baggins>", "3 Old Gus [the *innkeeper*]",
                "2 Thread 666666666666666666", "3 Frodo <Baggins>");
        assertThat(quotes).containsExactly("Welcome, travellers!\nSit by the fire.",
                TranscriptFixture.TRICKY.replace("    four", "\u00a0\u00a0\u00a0\u00a0four").replace("\n\n", "\n"),
                "Found anything?", "I search the cellar. `1d20+5` = **17**");
        // the only formatting is the transcript's own: bylines in italics, list labels, image links
        assertThat(formatting).allSatisfy(found -> assertThat(found).matches(
                "emphasis: (NPC, )?played by .*|strong: (Rolls|Images):|link: https://cdn\\.example\\.org/.*"));
        assertThat(formatting).contains("emphasis: played by Pat_the_*player* · 2026-12-01 20:01:30 UTC",
                "link: https://cdn.example.org/attachments/1/2/cellar-map.png?ex=abc&is=def");
    }

    @Test
    void textIsEscapedSoEveryCharacterShowsAsItself() {
        String escaped = MarkdownTranscript.escape("a*b_c`d<e>f[g](h)#i|j~k$l@m:n!o\\p&q=r^s-t.u+v{w}");
        Node parsed = Parser.builder().build().parse(escaped);
        assertThat(plain(parsed)).isEqualTo("a*b_c`d<e>f[g](h)#i|j~k$l@m:n!o\\p&q=r^s-t.u+v{w}");
        for (String line : List.of("- not a list", "+ nor this", "= no underline", "1. not numbered", "  2) nor this",
                "# no heading", "> no quote", "---", "===")) {
            assertThat(plain(Parser.builder().build().parse(MarkdownTranscript.escape(line))))
                    .as(line).isEqualTo(line.strip());
        }
        assertThat(MarkdownTranscript.escape("line\nbreak")).isEqualTo("line break");
        assertThat(MarkdownTranscript.escape("A 1.5 m drop - ok. (Really) 10:30!")).as("only what matters is escaped")
                .isEqualTo("A 1.5 m drop - ok. (Really) 10\\:30!");
    }

    /** The text of a node as a reader sees it: text, code literally, line breaks as \n; raw HTML flagged. */
    private static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            }

            @Override
            public void visit(HtmlInline html) {
                out.append("<<RAW HTML ").append(html.getLiteral()).append(">>");
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append('\n');
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append("<<SOFT BREAK>>");
            }

            @Override
            public void visit(Paragraph paragraph) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                visitChildren(paragraph);
            }
        });
        return out.toString();
    }
}
