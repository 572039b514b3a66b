package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.core.error.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lasting links to Discord attachments, signed fresh when they are used.
 *
 * <p>Discord's attachment links are signed and expire: {@code
 * https://cdn.discordapp.com/attachments/<channel>/<attachment>/<name>?ex=<hex expiry>&is=...&hm=...}.
 * The part before {@code ?} names the file for as long as its message exists, so that part (the
 * "lasting link") is what the bot stores as an avatar. Before a post uses it, this class hands out a
 * signed link that is valid for at least {@link #MARGIN} more: one it saw recently (when the image
 * was kept, or the last refresh), else one Discord signs anew through {@code POST
 * /attachments/refresh-urls}. A pasted attachment link (signed or not) is treated the same way, so it
 * keeps working after its signature expired too.
 *
 * <p>A link that cannot be signed (the message was deleted, Discord is unreachable) is used as
 * given: the post still goes out, showing the default avatar, and a warning is logged.
 */
final class AttachmentLinks {

    /** A signed link is refreshed when less than this is left of it. */
    static final Duration MARGIN = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentLinks.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final String CDN = "cdn.discordapp.com";
    private static final String MEDIA = "media.discordapp.net";

    private final Function<List<String>, Map<String, String>> refresh;
    private final Clock clock;
    private final Map<String, String> signed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    /**
     * Creates the links.
     *
     * @param refresh signs lasting links anew: from the links asked for to their signed links (a link
     *     Discord did not sign is left out); may throw a platform exception
     * @param clock the time to compare expiries with
     */
    AttachmentLinks(Function<List<String>, Map<String, String>> refresh, Clock clock) {
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a link names a file attached to a Discord message.
     *
     * @param url the link
     * @return true for {@code cdn.discordapp.com} and {@code media.discordapp.net} attachment links
     */
    static boolean isAttachment(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed != null && (CDN.equals(parsed.host()) || MEDIA.equals(parsed.host()))
                && parsed.encodedPath().startsWith("/attachments/");
    }

    /**
     * The lasting part of an attachment link: its CDN address without the signature.
     *
     * @param url an attachment link
     * @return {@code https://cdn.discordapp.com/attachments/...} without query
     */
    static String lasting(String url) {
        HttpUrl parsed = Objects.requireNonNull(HttpUrl.parse(url), "url");
        return new HttpUrl.Builder().scheme("https").host(CDN).encodedPath(parsed.encodedPath()).build().toString();
    }

    /**
     * When a signed link expires, from its {@code ex} parameter (hexadecimal Unix seconds).
     *
     * @param url the link
     * @return the expiry, empty if the link is not signed or unreadable
     */
    static Optional<Instant> expiry(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        String ex = parsed == null ? null : parsed.queryParameter("ex");
        if (ex == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseUnsignedLong(ex, 16)));
        } catch (NumberFormatException | java.time.DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Remembers a signed link Discord just handed out and returns its lasting link.
     *
     * @param signedUrl the signed link
     * @return the lasting link to store
     */
    String remember(String signedUrl) {
        String key = lasting(signedUrl);
        signed.put(key, signedUrl);
        return key;
    }

    /**
     * A link to use now: a non-attachment link as it is, an attachment link signed for at least
     * {@link #MARGIN} more.
     *
     * @param url the stored link
     * @return the link to send to Discord
     */
    String usable(String url) {
        if (!isAttachment(url)) {
            return url;
        }
        String key = lasting(url);
        String known = signed.get(key);
        if (known == null && expiry(url).isPresent()) {
            known = url;
        }
        if (known != null && stillValid(known)) {
            return known;
        }
        try {
            String fresh = refresh.apply(List.of(key)).get(key);
            if (fresh == null) {
                LOG.warn("Discord did not sign the attachment link {} again (its message may be deleted)", key);
                return url;
            }
            signed.put(key, fresh);
            return fresh;
        } catch (PlatformException e) {
            LOG.warn("Could not refresh the attachment link {}: {}", key, e.getMessage());
            return url;
        }
    }

    private boolean stillValid(String signedUrl) {
        return expiry(signedUrl).map(ex -> ex.isAfter(clock.instant().plus(MARGIN))).orElse(false);
    }
}
