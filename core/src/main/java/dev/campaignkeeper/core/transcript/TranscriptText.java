package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.PostRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What both transcript formats say the same way: times, the heading line, section titles. */
final class TranscriptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private TranscriptText() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String title(Transcript transcript) {
        return "Transcript: " + transcript.campaignName();
    }

    /** "12 posts from … to …, made …". */
    static String summary(Transcript transcript) {
        int count = transcript.postCount();
        if (count == 0) {
            return "No posts. Made " + time(transcript.madeAt()) + ".";
        }
        Instant first = transcript.sections().stream().map(s -> s.posts().get(0).postedAt()).min(Instant::compareTo)
                .orElseThrow();
        Instant last = transcript.sections().stream().map(s -> s.posts().get(s.posts().size() - 1).postedAt())
                .max(Instant::compareTo).orElseThrow();
        return count + (count == 1 ? " post" : " posts") + " from " + time(first) + " to " + time(last)
                + ", in " + transcript.sections().size() + (transcript.sections().size() == 1 ? " place" : " places")
                + ". Made " + time(transcript.madeAt()) + ".";
    }

    static String sectionTitle(Transcript.Section section, TranscriptStyle style) {
        return section.thread().map(style.threadName()).orElse("Campaign channel");
    }

    static String byline(PostRecord post, TranscriptStyle style) {
        return (post.npc().isPresent() ? "NPC, played by " : "played by ") + style.authorName().apply(post.author());
    }

    /** Whether a link may be written as one: web links only, never {@code javascript:} and the like. */
    static boolean isWebLink(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
