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

    /**
     * Characters GitHub may read as formatting anywhere in a line: emphasis, code, links, raw HTML,
     * headings, tables, strikethrough, emoji codes and link schemes, mentions, math, entities.
     */
    private static final String SPECIAL = "\\`*_[]<>#|~:@$&";
    /** Characters that start a list, a heading underline or a quote only at the start of a line. */
    private static final String LINE_START = "-+=";
    private static final int AVATAR_SIZE = 32;

    private MarkdownTranscript() {
    }

    static String render(Transcript transcript, TranscriptStyle style) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# Transcript: ").append(escape(transcript.campaignName())).append("\n\n");
        out.append(TranscriptText.summary(transcript)).append("\n");
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
        out.append('*').append(post.npc().isPresent() ? "NPC, played by " : "played by ")
                .append(escape(style.authorName().apply(post.author()))).append(" · ")
                .append(TranscriptText.time(post.postedAt())).append('*');
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
     * Escapes text for GitHub Markdown: every formatting character gets a backslash (a list marker,
     * heading underline or ordered-list number only at the start); a carriage return or line break
     * becomes a space (callers split lines themselves).
     *
     * @param text the text as posted
     * @return Markdown that shows exactly that text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start < text.length() && text.charAt(start) == ' ') {
            out.append(' ');
            start++;
        }
        int digits = start;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)) && text.charAt(digits) < 128) {
            digits++;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean numbered = i == digits && digits > start && (c == '.' || c == ')');
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0 || numbered || i == start && LINE_START.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
