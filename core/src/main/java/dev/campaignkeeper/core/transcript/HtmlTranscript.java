package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.PostRecord;
import java.util.List;
import java.util.Optional;

/**
 * A transcript as one self-contained HTML page: its styles inside, no scripts, nothing fetched but
 * the avatars and the linked images. Printed, each post stays on one page where it fits, links
 * show their address, and the avatars shrink. Everything users chose is escaped.
 */
final class HtmlTranscript {

    private static final String STYLE = """
            body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1d1d1f; max-width: 46em;
                   margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; border-bottom: 1px solid #bbb; margin-top: 2em; }
            .summary, .meta { color: #555; font-size: 0.9em; }
            article.post { margin: 1.2em 0; padding-left: 0.8em; border-left: 3px solid #ddd; }
            article.post > header { display: flex; align-items: center; gap: 0.6em; }
            img.avatar { width: 40px; height: 40px; border-radius: 50%; object-fit: cover; }
            .speaker { font-weight: bold; font-size: 1.1em; }
            .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.4em 0; }
            ul.rolls, ul.images { margin: 0.3em 0; padding-left: 1.4em; font-size: 0.9em; }
            ul.rolls { font-family: Menlo, Consolas, monospace; }
            @media print {
                body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
                h2 { break-after: avoid; }
                article.post { break-inside: avoid; border-left-color: #999; }
                img.avatar { width: 24px; height: 24px; }
                a { color: #000; text-decoration: none; }
                .meta a[href]::after, ul.images a[href]::after { content: " (" attr(href) ")";
                    font-size: 0.8em; overflow-wrap: anywhere; }
            }
            """;

    private HtmlTranscript() {
    }

    static String render(Transcript transcript, TranscriptStyle style) {
        StringBuilder out = new StringBuilder(8192);
        String title = TranscriptText.title(transcript);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"summary\">").append(escape(TranscriptText.summary(transcript)))
                .append("</p>\n</header>\n<main>\n");
        for (Transcript.Section section : transcript.sections()) {
            out.append("<section class=\"place\"")
                    .append(section.thread().map(t -> " id=\"thread-" + t.value() + "\"").orElse(" id=\"channel\""))
                    .append(">\n<h2>").append(escape(TranscriptText.sectionTitle(section, style))).append("</h2>\n");
            for (PostRecord post : section.posts()) {
                post(out, post, style);
            }
            out.append("</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void post(StringBuilder out, PostRecord post, TranscriptStyle style) {
        out.append("<article class=\"post\" id=\"post-").append(post.id().value()).append("\">\n<header>");
        post.avatarUrl().filter(TranscriptText::isWebLink).ifPresent(url -> out.append("<img class=\"avatar\" src=\"")
                .append(escape(url)).append("\" alt=\"\" width=\"40\" height=\"40\">"));
        out.append("<span class=\"speaker\">").append(escape(post.speaker())).append("</span></header>\n");
        out.append("<p class=\"meta\"><span class=\"author\">").append(escape(TranscriptText.byline(post, style)))
                .append("</span> · <time datetime=\"").append(post.postedAt()).append("\">")
                .append(escape(TranscriptText.time(post.postedAt()))).append("</time>");
        Optional<String> link = style.postLink().apply(post).filter(TranscriptText::isWebLink);
        link.ifPresent(url -> out.append(" · <a href=\"").append(escape(url)).append("\">message</a>"));
        out.append("</p>\n");
        if (!post.text().isEmpty()) {
            out.append("<div class=\"text\">").append(escape(post.text())).append("</div>\n");
        }
        list(out, "rolls", post.rolls(), false);
        list(out, "images", post.images(), true);
        out.append("</article>\n");
    }

    private static void list(StringBuilder out, String kind, List<String> items, boolean links) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<ul class=\"").append(kind).append("\">");
        for (String item : items) {
            out.append("<li>");
            if (links && TranscriptText.isWebLink(item)) {
                out.append("<a href=\"").append(escape(item)).append("\">")
                        .append(escape(MarkdownTranscript.fileName(item))).append("</a>");
            } else {
                out.append(escape(item));
            }
            out.append("</li>");
        }
        out.append("</ul>\n");
    }

    /**
     * Escapes text for HTML content and quoted attributes.
     *
     * @param text the text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
