package dev.campaignkeeper.persistence.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One post-log line per event, in the journal's line format (a sequence number first, a CRC32C
 * last, see {@link JournalCodec}):
 * {@code {"seq":N,"op":"append","post":{...},"crc32c":"xxxxxxxx"}}, with ops {@code append},
 * {@code replace} (a post), {@code remove} ({@code guild}, {@code post}: its first message) and
 * {@code remove_campaign} ({@code guild}, {@code campaign}), and {@code reset} (starts a compacted segment).
 */
final class PostLogCodec {

    private PostLogCodec() {
    }

    /** A decoded event. */
    sealed interface Event {
    }

    /** A new post. */
    record Append(PostRecord post) implements Event {
    }

    /** An edited post. */
    record Replace(PostRecord post) implements Event {
    }

    /** A deleted post. */
    record Remove(GuildId guild, MessageId post) implements Event {
    }

    /** Every post of an ended campaign. */
    record RemoveCampaign(GuildId guild, ChannelId campaign) implements Event {
    }

    /**
     * The first line of a compacted segment: everything before it is superseded by the appends that
     * follow it (so a crash between writing the compacted segment and deleting the older ones
     * replays to the same log).
     */
    record Reset() implements Event {
    }

    static byte[] encode(Event event) {
        try {
            StringWriter text = new StringWriter(256);
            JsonWriter out = new JsonWriter(text);
            out.setHtmlSafe(false);
            out.beginObject();
            if (event instanceof Append append) {
                out.name("op").value("append");
                writePost(out.name("post"), append.post());
            } else if (event instanceof Replace replace) {
                out.name("op").value("replace");
                writePost(out.name("post"), replace.post());
            } else if (event instanceof Remove remove) {
                out.name("op").value("remove");
                out.name("guild").value(remove.guild().value());
                out.name("post").value(remove.post().value());
            } else if (event instanceof RemoveCampaign removeCampaign) {
                out.name("op").value("remove_campaign");
                out.name("guild").value(removeCampaign.guild().value());
                out.name("campaign").value(removeCampaign.campaign().value());
            } else if (event instanceof Reset) {
                out.name("op").value("reset");
            } else {
                throw new IllegalArgumentException("unknown post-log event " + event);
            }
            out.endObject();
            out.flush();
            String object = text.toString();
            return object.substring(1, object.length() - 1).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
    }

    private static void writePost(JsonWriter out, PostRecord post) throws IOException {
        out.beginObject();
        out.name("guild").value(post.guild().value());
        out.name("campaign").value(post.campaign().value());
        out.name("webhook").value(post.webhook().value());
        if (post.thread().isPresent()) {
            out.name("thread").value(post.thread().get().value());
        }
        out.name("messages").beginArray();
        for (MessageId message : post.messages()) {
            out.value(message.value());
        }
        out.endArray();
        out.name("author").value(post.author().value());
        if (post.npc().isPresent()) {
            out.name("npc").value(post.npc().get().value());
        }
        out.name("speaker").value(post.speaker());
        out.name("posted_at").value(post.postedAt().toString());
        out.name("text").value(post.text());
        if (post.avatarUrl().isPresent()) {
            out.name("avatar").value(post.avatarUrl().get());
        }
        writeStrings(out, "rolls", post.rolls());
        writeStrings(out, "images", post.images());
        out.endObject();
    }

    /** A list of strings, left out when empty (as lines written before the field existed have it). */
    private static void writeStrings(JsonWriter out, String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        out.name(name).beginArray();
        for (String value : values) {
            out.value(value);
        }
        out.endArray();
    }

    private static List<String> readStrings(JsonReader in) throws IOException {
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(in.nextString());
        }
        in.endArray();
        return values;
    }

    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * The sequence number a line starts with ({@code {"seq":N,}, as written), or -1 when it does not
     * start that way (no number, a leading zero, more than 18 digits, or no comma after it).
     */
    static long seq(byte[] line, int length) {
        int i = SEQ_PREFIX.length;
        if (length <= i || !Arrays.equals(line, 0, i, SEQ_PREFIX, 0, i) || line[i] == '0') {
            return -1;
        }
        long seq = 0;
        int start = i;
        while (i < length && line[i] >= '0' && line[i] <= '9') {
            if (i - start == 18) {
                return -1;
            }
            seq = seq * 10 + (line[i++] - '0');
        }
        return i > start && i < length && line[i] == ',' ? seq : -1;
    }

    /** Decodes a checksum-valid line. */
    static Event decode(byte[] line, int length) throws FormatException {
        JsonReader in = new JsonReader(new StringReader(new String(line, 0, length, StandardCharsets.UTF_8)));
        in.setStrictness(Strictness.STRICT);
        try {
            in.beginObject();
            String op = null;
            PostRecord post = null;
            GuildId guild = null;
            String target = null;
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "op" -> op = in.nextString();
                    case "post" -> {
                        if (in.peek() == JsonToken.BEGIN_OBJECT) {
                            post = readPost(in);
                        } else {
                            target = in.nextString();
                        }
                    }
                    case "guild" -> guild = GuildId.of(in.nextString());
                    case "campaign" -> target = in.nextString();
                    default -> in.skipValue();
                }
            }
            in.endObject();
            if (op == null) {
                throw new FormatException("post-log event without \"op\"");
            }
            return switch (op) {
                case "append" -> new Append(require(post, op));
                case "replace" -> new Replace(require(post, op));
                case "remove" -> new Remove(require(guild, op), MessageId.of(require(target, op)));
                case "remove_campaign" -> new RemoveCampaign(require(guild, op), ChannelId.of(require(target, op)));
                case "reset" -> new Reset();
                default -> throw new FormatException("unknown post-log event \"" + RecordJson.excerpt(op, 40) + "\"");
            };
        } catch (IllegalStateException e) {
            RecordJson.rethrowBug(e); // only the parser's mis-shaped-value errors are damage
            throw new FormatException("malformed post-log event: " + RecordJson.oneLine(e));
        } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
            // a bad id or time, or not strict JSON (the reader reads a string, so only the parser fails)
            throw new FormatException("malformed post-log event: " + RecordJson.oneLine(e));
        }
    }

    private static <T> T require(T value, String op) throws FormatException {
        if (value == null) {
            throw new FormatException("post-log event \"" + op + "\" lacks a field");
        }
        return value;
    }

    private static PostRecord readPost(JsonReader in) throws IOException, FormatException {
        in.beginObject();
        GuildId guild = null;
        ChannelId campaign = null;
        WebhookId webhook = null;
        Optional<ChannelId> thread = Optional.empty();
        List<MessageId> messages = new ArrayList<>();
        UserId author = null;
        Optional<NpcId> npc = Optional.empty();
        String speaker = null;
        Instant postedAt = null;
        String text = null;
        Optional<String> avatar = Optional.empty();
        List<String> rolls = List.of();
        List<String> images = List.of();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "guild" -> guild = GuildId.of(in.nextString());
                case "campaign" -> campaign = ChannelId.of(in.nextString());
                case "webhook" -> webhook = WebhookId.of(in.nextString());
                case "thread" -> thread = Optional.of(ChannelId.of(in.nextString()));
                case "messages" -> {
                    in.beginArray();
                    while (in.hasNext()) {
                        messages.add(MessageId.of(in.nextString()));
                    }
                    in.endArray();
                }
                case "author" -> author = UserId.of(in.nextString());
                case "npc" -> npc = Optional.of(NpcId.of(in.nextString()));
                case "speaker" -> speaker = in.nextString();
                case "posted_at" -> postedAt = Instant.parse(in.nextString());
                case "text" -> text = in.nextString();
                case "avatar" -> avatar = Optional.of(in.nextString());
                case "rolls" -> rolls = readStrings(in);
                case "images" -> images = readStrings(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (guild == null || campaign == null || webhook == null || author == null || speaker == null
                || postedAt == null || text == null) {
            throw new FormatException("post lacks a required field");
        }
        return new PostRecord(guild, campaign, webhook, thread, messages, author, npc, speaker, postedAt, text,
                avatar, rolls, images);
    }
}
