package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.PostRecord;
import java.util.List;
import java.util.Optional;

/**
 * A transcript as GitHub-flavoured Markdown. Every piece of text users chose (names, posts, rolls,
 * file names) is escaped, so it shows exactly as posted: no stray emphasis, headings, tables, math,
 * mentions or raw HTML. A post's text is a block quote whose lines break where the post's did.
 */
final class MarkdownTranscript {

    /** ASCII punctuation GitHub may read as formatting; each is backslash-escaped (CommonMark allows any). */
    private static final String SPECIAL = "\\`*_{}[]<>()#+-.!|~:@$&=^";
    private static final int AVATAR_SIZE = 32;

    private MarkdownTranscript() {
    }

    static String render(Transcript transcript, TranscriptStyle style) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# ").append(escape(TranscriptText.title(transcript))).append("\n\n");
        out.append(escape(TranscriptText.summary(transcript))).append("\n");
        for (Transcript.Section section : transcript.sections()) {
            out.append("\n## ").append(escape(TranscriptText.sectionTitle(section, style))).append("\n");
            for (PostRecord post : section.posts()) {
                post(out, post, style);
            }
        }
        return out.toString();
    }

    private static void post(StringBuilder out, PostRecord post, TranscriptStyle style) {
        out.append("\n### ");
        post.avatarUrl().filter(TranscriptText::isWebLink).ifPresent(url -> out.append("<img src=\"")
                .append(HtmlTranscript.escape(url)).append("\" width=\"").append(AVATAR_SIZE).append("\" height=\"")
                .append(AVATAR_SIZE).append("\" alt=\"\"> "));
        out.append(escape(post.speaker())).append("\n\n");
        out.append('*').append(escape(TranscriptText.byline(post, style))).append(" · ")
                .append(escape(TranscriptText.time(post.postedAt()))).append('*');
        Optional<String> link = style.postLink().apply(post).filter(TranscriptText::isWebLink);
        link.ifPresent(url -> out.append(" · [message](<").append(url.replace(">", "%3E")).append(">)"));
        out.append("\n\n");
        if (!post.text().isEmpty()) {
            quote(out, post.text());
            out.append('\n');
        }
        list(out, "Rolls", post.rolls(), false);
        list(out, "Images", post.images(), true);
    }

    /** The text as a block quote; a line break inside a paragraph is a hard break (a trailing backslash). */
    private static void quote(StringBuilder out, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append('>');
            if (!line.isBlank()) {
                out.append(' ').append(keepIndent(escape(line)));
                boolean nextInParagraph = i + 1 < lines.length && !lines[i + 1].isBlank();
                if (nextInParagraph) {
                    out.append('\\');
                }
            }
            out.append('\n');
        }
    }

    private static void list(StringBuilder out, String label, List<String> items, boolean links) {
        if (items.isEmpty()) {
            return;
        }
        out.append("**").append(label).append(":**\n\n");
        for (String item : items) {
            out.append("- ");
            if (links && TranscriptText.isWebLink(item)) {
                out.append('[').append(escape(fileName(item))).append("](<").append(item.replace(">", "%3E"))
                        .append(">)");
            } else {
                out.append(escape(item));
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /** The last path segment of a link, without its query, as the link's text. */
    static String fileName(String url) {
        String path = url.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? url : name;
    }

    /** Leading spaces and tabs kept as no-break spaces (four spaces would start a code block). */
    private static String keepIndent(String line) {
        int i = 0;
        StringBuilder indent = new StringBuilder();
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            indent.append(line.charAt(i) == '\t' ? "&nbsp;&nbsp;&nbsp;&nbsp;" : "&nbsp;");
            i++;
        }
        return indent + line.substring(i);
    }

    /**
     * Escapes text for GitHub Markdown: every formatting character gets a backslash; a carriage
     * return or line break becomes a space (callers split lines themselves).
     *
     * @param text the text as posted
     * @return Markdown that shows exactly that text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
