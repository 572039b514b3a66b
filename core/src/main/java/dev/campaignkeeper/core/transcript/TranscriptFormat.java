package dev.campaignkeeper.core.transcript;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The files a transcript is written as. */
public enum TranscriptFormat {

    /** Markdown that reads well on GitHub: every character users typed is escaped. */
    MARKDOWN("markdown", "md", "text/markdown") {
        @Override
        public String render(Transcript transcript, TranscriptStyle style) {
            return MarkdownTranscript.render(transcript, style);
        }
    },

    /** One self-contained HTML page (styles inside, no scripts) that reads well printed. */
    HTML("html", "html", "text/html") {
        @Override
        public String render(Transcript transcript, TranscriptStyle style) {
            return HtmlTranscript.render(transcript, style);
        }
    };

    private final String label;
    private final String extension;
    private final String mediaType;

    TranscriptFormat(String label, String extension, String mediaType) {
        this.label = label;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /**
     * Writes a transcript in this format.
     *
     * @param transcript the transcript
     * @param style names and links
     * @return the file's text
     */
    public abstract String render(Transcript transcript, TranscriptStyle style);

    /**
     * The format's name as users type it.
     *
     * @return {@code markdown} or {@code html}
     */
    public String label() {
        return label;
    }

    /**
     * The file name extension, without the dot.
     *
     * @return {@code md} or {@code html}
     */
    public String extension() {
        return extension;
    }

    /**
     * The file's media type.
     *
     * @return e.g. {@code text/html}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a user named, ignoring case; {@code md} also means Markdown.
     *
     * @param name what the user typed
     * @return the format, if there is one by that name
     */
    public static Optional<TranscriptFormat> named(String name) {
        String key = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        for (TranscriptFormat format : values()) {
            if (format.label.equals(key) || format.extension.equals(key)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
