package dev.campaignkeeper.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML transcript, parsed back with jsoup: structure, attribution, escaping, print styles. */
class HtmlTranscriptTest {

    private static Document parsed() {
        return Jsoup.parse(TranscriptFormat.HTML.render(TranscriptFixture.transcript(), TranscriptFixture.style()));
    }

    @Test
    void eachPlaceIsASectionWithItsPostsInOrderAndRightlyAttributed() {
        Document html = parsed();

        assertThat(html.title()).isEqualTo("Transcript: The Lost *Mine* & <Co>");
        Elements sections = html.select("main > section.place");
        assertThat(sections).extracting(section -> section.selectFirst("h2").text())
                .containsExactly("Campaign channel", "Thread 666666666666666666");
        assertThat(sections.get(0).select("article.post")).extracting(post -> post.selectFirst(".speaker").text()
                + " / " + post.selectFirst(".author").text())
                .containsExactly("Old Gus [the *innkeeper*] / NPC, played by Gina (GM)",
                        "Frodo <Baggins> / played by Pat_the_*player*",
                        "Old Gus [the *innkeeper*] / NPC, played by Gina (GM)");
        Element roll = sections.get(1).selectFirst("article.post");
        assertThat(roll.id()).isEqualTo("post-900000000000000003");
        assertThat(roll.selectFirst("time").attr("datetime")).isEqualTo("2026-12-01T20:05:00Z");
        assertThat(roll.selectFirst("time").text()).isEqualTo("2026-12-01 20:05:00 UTC");
        assertThat(roll.select("ul.rolls li")).extracting(Element::text).containsExactly("1d20+5 [search] = 17");
        assertThat(roll.select("ul.images li")).extracting(Element::text)
                .containsExactly("cellar-map.png", "sketch.webp");
        assertThat(roll.selectFirst("ul.images a").attr("href"))
                .isEqualTo("https://cdn.example.org/attachments/1/2/cellar-map.png?ex=abc&is=def");
        assertThat(roll.select("ul.images a")).as("a file name is no link").hasSize(1);
    }

    @Test
    void postsTextShowsExactlyAsTypedAndNothingUsersTypedBecomesMarkup() {
        Document html = parsed();
        Element tricky = html.selectFirst("#post-900000000000000002");

        assertThat(tricky.selectFirst(".text").wholeText()).isEqualTo(TranscriptFixture.TRICKY);
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("article b")).isEmpty();
        assertThat(html.select("article a")).extracting(a -> a.attr("href"))
                .allSatisfy(href -> assertThat(href).startsWith("https://cdn.example.org/"));
    }

    @Test
    void theAvatarShowsWhereThePostHadOne() {
        Document html = parsed();

        assertThat(html.select("#post-900000000000000001 img.avatar").attr("src"))
                .isEqualTo("https://example.org/gus.png?size=64&v=2");
        assertThat(html.select("#post-900000000000000002 img")).isEmpty();
    }

    @Test
    void theFileIsSelfContainedAndStyledForPrint() {
        Document html = parsed();

        assertThat(html.select("link, script, iframe, object")).isEmpty();
        assertThat(html.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        String css = html.selectFirst("head style").data();
        assertThat(css).contains("@media print").contains("break-inside: avoid");
    }

    @Test
    void aLinkThatIsNoWebLinkIsNeverWrittenAsOne() {
        TranscriptStyle style = new TranscriptStyle(user -> "x", post -> java.util.Optional.of("javascript:alert(1)"),
                thread -> "t");
        Document html = Jsoup.parse(TranscriptFormat.HTML.render(TranscriptFixture.transcript(), style));

        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(TranscriptFormat.MARKDOWN.render(TranscriptFixture.transcript(), style)).doesNotContain("javascript");
    }

    @Test
    void formatsAreNamedAsUsersTypeThem() {
        assertThat(TranscriptFormat.named(" HTML ")).hasValue(TranscriptFormat.HTML);
        assertThat(TranscriptFormat.named("md")).hasValue(TranscriptFormat.MARKDOWN);
        assertThat(TranscriptFormat.named("pdf")).isEmpty();
    }
}
