package dev.campaignkeeper.bot.javacord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import dev.campaignkeeper.core.port.Upload;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Discord webhook client on OkHttp: create, list and delete a channel's webhooks (bot
 * token), and execute, edit and delete webhook messages (webhook token) in a channel, a thread
 * ({@code thread_id}) or a new forum post ({@code thread_name}), always with {@code wait=true}, so
 * a message Discord did not save is an error.
 *
 * <p>Why not Javacord: Javacord 3.8.0 cannot post into threads nor edit or delete webhook
 * messages, and its one rate limiter holds back every request, interaction replies included, while
 * a global 429 is waited out. This client has its own limiter (per webhook and global, from
 * Discord's headers and 429 answers), so webhook traffic never delays interaction replies.
 *
 * <p>Errors become the core's platform exceptions: 404 (Unknown Webhook 10015, Unknown Message
 * 10008, Unknown Channel 10003) {@link PlatformNotFoundException}; 403 with 50013 (missing
 * permission) {@link MissingPermissionException} naming Manage Webhooks; 403 with 50001 (missing
 * access: the bot cannot see the channel) a message saying so; archived or locked threads (50083,
 * 160005) a message saying what a moderator can do; 429 waited out up to the call's time budget.
 */
final class WebhookClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_ATTEMPTS = 5;
    static final String DEFAULT_API = "https://discord.com/api/v10";

    /** A message Discord saved, with the links of the files uploaded with it. */
    record Message(long id, long channelId, List<String> attachmentUrls) {
        Message {
            attachmentUrls = List.copyOf(attachmentUrls);
        }
    }

    /** A webhook as Discord lists it. */
    record Hook(long id, String token, long channelId) {
    }

    private final OkHttpClient http;
    private final HttpUrl api;
    private final String botToken;
    private final Duration budget;
    private final LongSupplier clock;
    private volatile long globalNotBefore;
    private final Map<Long, Long> webhookNotBefore = new ConcurrentHashMap<>();

    /**
     * Creates the client.
     *
     * @param http the HTTP client
     * @param api the API's base URL, e.g. {@code https://discord.com/api/v10}
     * @param botToken the bot's token, for creating, listing and deleting webhooks
     * @param budget how long one call may take, rate-limit waits included
     */
    WebhookClient(OkHttpClient http, String api, String botToken, Duration budget) {
        this(http, api, botToken, budget, System::currentTimeMillis);
    }

    WebhookClient(OkHttpClient http, String api, String botToken, Duration budget, LongSupplier clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.api = Objects.requireNonNull(HttpUrl.parse(api), "api");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Hook create(long channelId, String name, String auditReason) {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        Request request = botRequest(url("channels", Long.toUnsignedString(channelId), "webhooks").build())
                .header("X-Audit-Log-Reason", auditReason)
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        JsonObject created = call(request, 0, "create a webhook in this channel").getAsJsonObject();
        return hook(created);
    }

    List<Hook> list(long channelId) {
        Request request = botRequest(url("channels", Long.toUnsignedString(channelId), "webhooks").build())
                .get().build();
        JsonElement listed = call(request, 0, "look up the campaign's webhook");
        return listed.getAsJsonArray().asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(hook -> hook.has("token") && !hook.get("token").isJsonNull())
                .map(WebhookClient::hook)
                .toList();
    }

    void delete(long webhookId, String auditReason) {
        Request request = botRequest(url("webhooks", Long.toUnsignedString(webhookId)).build())
                .header("X-Audit-Log-Reason", auditReason)
                .delete().build();
        call(request, webhookId, "delete the campaign's webhook");
    }

    Message execute(Hook hook, Optional<Long> threadId, Optional<String> threadName, String username,
                    Optional<String> avatarUrl, String content, List<Upload> files) {
        HttpUrl.Builder url = url("webhooks", Long.toUnsignedString(hook.id()), hook.token())
                .addQueryParameter("wait", "true");
        threadId.ifPresent(id -> url.addQueryParameter("thread_id", Long.toUnsignedString(id)));
        JsonObject body = new JsonObject();
        body.addProperty("content", content);
        body.addProperty("username", username);
        avatarUrl.ifPresent(avatar -> body.addProperty("avatar_url", avatar));
        threadName.ifPresent(name -> body.addProperty("thread_name", name));
        body.add("allowed_mentions", noMentions());
        RequestBody requestBody;
        if (files.isEmpty()) {
            requestBody = RequestBody.create(body.toString(), JSON);
        } else {
            com.google.gson.JsonArray attachments = new com.google.gson.JsonArray();
            MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
            for (int i = 0; i < files.size(); i++) {
                Upload file = files.get(i);
                JsonObject attachment = new JsonObject();
                attachment.addProperty("id", i);
                attachment.addProperty("filename", file.fileName());
                attachments.add(attachment);
                multipart.addFormDataPart("files[" + i + "]", file.fileName(),
                        RequestBody.create(file.content(), MediaType.parse(file.contentType())));
            }
            body.add("attachments", attachments);
            multipart.addFormDataPart("payload_json", body.toString());
            requestBody = multipart.build();
        }
        Request request = new Request.Builder().url(url.build()).post(requestBody).build();
        JsonObject saved = call(request, hook.id(), "post as " + username).getAsJsonObject();
        return new Message(Long.parseUnsignedLong(saved.get("id").getAsString()),
                Long.parseUnsignedLong(saved.get("channel_id").getAsString()), attachmentUrls(saved));
    }

    /** The {@code url} of each of a saved message's {@code attachments}, skipping any without one. */
    private static List<String> attachmentUrls(JsonObject saved) {
        if (!saved.has("attachments") || !saved.get("attachments").isJsonArray()) {
            return List.of();
        }
        List<String> urls = new java.util.ArrayList<>();
        for (com.google.gson.JsonElement attachment : saved.getAsJsonArray("attachments")) {
            if (attachment.isJsonObject() && attachment.getAsJsonObject().has("url")
                    && attachment.getAsJsonObject().get("url").isJsonPrimitive()) {
                urls.add(attachment.getAsJsonObject().get("url").getAsString());
            }
        }
        return urls;
    }

    /**
     * Fetches a file Discord holds for an interaction (an attachment's CDN link), reading at most
     * {@code maxBytes}.
     *
     * @return the bytes, or null if the file is larger than {@code maxBytes}
     */
    byte[] download(String url, int maxBytes) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new PlatformException("Discord gave the attachment a link the bot cannot read.");
        }
        Request request = new Request.Builder().url(parsed).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new PlatformException("Discord did not hand out the attached file (HTTP " + response.code()
                        + "). Attach it again and retry.");
            }
            okio.BufferedSource source = response.body().source();
            if (!source.request(maxBytes + 1L)) {
                return source.readByteArray();
            }
            return null;
        } catch (IOException e) {
            throw new PlatformException("The bot could not fetch the attached file from Discord. Try again.", e);
        }
    }

    /**
     * Asks Discord to sign attachment links anew ({@code POST /attachments/refresh-urls}, bot token).
     *
     * @param urls the links, signed or not
     * @return each link Discord signed, to its new signed link
     */
    Map<String, String> refreshUrls(List<String> urls) {
        JsonObject body = new JsonObject();
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        urls.forEach(list::add);
        body.add("attachment_urls", list);
        Request request = botRequest(url("attachments", "refresh-urls").build())
                .post(RequestBody.create(body.toString(), JSON)).build();
        JsonElement answer = call(request, 0, "refresh an avatar's link");
        Map<String, String> refreshed = new java.util.LinkedHashMap<>();
        if (answer.isJsonObject() && answer.getAsJsonObject().has("refreshed_urls")) {
            for (JsonElement entry : answer.getAsJsonObject().getAsJsonArray("refreshed_urls")) {
                JsonObject pair = entry.getAsJsonObject();
                if (pair.has("original") && pair.has("refreshed")) {
                    refreshed.put(pair.get("original").getAsString(), pair.get("refreshed").getAsString());
                }
            }
        }
        return refreshed;
    }

    void edit(Hook hook, Optional<Long> threadId, long messageId, String content) {
        JsonObject body = new JsonObject();
        body.addProperty("content", content);
        body.add("allowed_mentions", noMentions());
        Request request = new Request.Builder().url(messageUrl(hook, threadId, messageId))
                .patch(RequestBody.create(body.toString(), JSON)).build();
        call(request, hook.id(), "edit the post");
    }

    void deleteMessage(Hook hook, Optional<Long> threadId, long messageId) {
        Request request = new Request.Builder().url(messageUrl(hook, threadId, messageId)).delete().build();
        call(request, hook.id(), "delete the post");
    }

    /** A file attached to a member's message. */
    record Attachment(String url, String fileName, String contentType, long size) {
    }

    /**
     * A member's message as Discord has it now.
     *
     * @param content its text (the latest edit)
     * @param attachments its files
     * @param replyTo the message it replies to (channel, message), if any
     */
    record ChannelMessage(String content, List<Attachment> attachments, Optional<long[]> replyTo) {
    }

    /**
     * Reads a message of a channel or thread ({@code GET /channels/{c}/messages/{m}}, bot token; needs
     * Read Message History, and the Message Content intent for the text).
     *
     * @return the message, or empty if it no longer exists
     */
    Optional<ChannelMessage> fetchMessage(long channelId, long messageId) {
        Request request = botRequest(url("channels", Long.toUnsignedString(channelId), "messages",
                Long.toUnsignedString(messageId)).build()).get().build();
        JsonObject message;
        try {
            message = call(request, channelId, "read the message").getAsJsonObject();
        } catch (PlatformNotFoundException gone) {
            return Optional.empty();
        }
        String content = message.has("content") && message.get("content").isJsonPrimitive()
                ? message.get("content").getAsString() : "";
        List<Attachment> files = new java.util.ArrayList<>();
        if (message.has("attachments") && message.get("attachments").isJsonArray()) {
            for (JsonElement element : message.getAsJsonArray("attachments")) {
                JsonObject file = element.getAsJsonObject();
                files.add(new Attachment(text(file, "url"), text(file, "filename"),
                        text(file, "content_type").isEmpty() ? "application/octet-stream" : text(file, "content_type"),
                        file.has("size") ? file.get("size").getAsLong() : 0));
            }
        }
        Optional<long[]> reply = Optional.empty();
        if (message.has("message_reference") && message.get("message_reference").isJsonObject()) {
            JsonObject reference = message.getAsJsonObject("message_reference");
            String replied = text(reference, "message_id");
            String in = text(reference, "channel_id");
            if (!replied.isEmpty()) {
                reply = Optional.of(new long[] {in.isEmpty() ? channelId : Long.parseUnsignedLong(in),
                        Long.parseUnsignedLong(replied)});
            }
        }
        return Optional.of(new ChannelMessage(content, List.copyOf(files), reply));
    }

    /**
     * Deletes a member's message ({@code DELETE /channels/{c}/messages/{m}}, bot token; needs Manage
     * Messages).
     *
     * @throws PlatformNotFoundException if it is already gone
     * @throws MissingPermissionException if the bot may not delete it
     */
    void deleteChannelMessage(long channelId, long messageId, String auditReason) {
        Request request = botRequest(url("channels", Long.toUnsignedString(channelId), "messages",
                Long.toUnsignedString(messageId)).build())
                .header("X-Audit-Log-Reason", auditReason)
                .delete().build();
        try {
            call(request, channelId, "delete the proxied message");
        } catch (MissingPermissionException refused) {
            MissingPermissionException manageMessages = new MissingPermissionException(
                    JavacordChatPlatform.MANAGE_MESSAGES);
            manageMessages.initCause(refused);
            throw manageMessages;
        }
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) && object.get(field).isJsonPrimitive() ? object.get(field).getAsString() : "";
    }

    private HttpUrl messageUrl(Hook hook, Optional<Long> threadId, long messageId) {
        HttpUrl.Builder url = url("webhooks", Long.toUnsignedString(hook.id()), hook.token(), "messages",
                Long.toUnsignedString(messageId));
        threadId.ifPresent(id -> url.addQueryParameter("thread_id", Long.toUnsignedString(id)));
        return url.build();
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = api.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private Request.Builder botRequest(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bot " + botToken);
    }

    private static JsonObject noMentions() {
        JsonObject mentions = new JsonObject();
        mentions.add("parse", new com.google.gson.JsonArray());
        return mentions;
    }

    private static Hook hook(JsonObject json) {
        return new Hook(Long.parseUnsignedLong(json.get("id").getAsString()), json.get("token").getAsString(),
                Long.parseUnsignedLong(json.get("channel_id").getAsString()));
    }

    /**
     * Sends a request, waiting out rate limits within the budget.
     *
     * @param bucket the webhook the request belongs to (0 for none), for its rate limit
     */
    private JsonElement call(Request request, long bucket, String what) {
        long deadline = clock.getAsLong() + budget.toMillis();
        for (int attempt = 1; ; attempt++) {
            waitUntil(Math.max(globalNotBefore, webhookNotBefore.getOrDefault(bucket, 0L)), deadline, what);
            try (Response response = http.newCall(request).execute()) {
                rememberBucket(response, bucket);
                String text = readBody(response.body());
                if (response.isSuccessful()) {
                    return text.isBlank() ? new JsonObject() : JsonParser.parseString(text);
                }
                JsonObject error = parseObject(text);
                if (response.code() == 429 && attempt < MAX_ATTEMPTS) {
                    long waitMillis = retryAfterMillis(response, error);
                    boolean global = "true".equalsIgnoreCase(response.header("X-RateLimit-Global"))
                            || (error.has("global") && error.get("global").getAsBoolean());
                    long until = clock.getAsLong() + waitMillis;
                    if (global) {
                        globalNotBefore = Math.max(globalNotBefore, until);
                    } else {
                        webhookNotBefore.merge(bucket, until, Math::max);
                    }
                    LOG.info("Rate limited ({}) while trying to {}; waiting {} ms", global ? "global" : "webhook",
                            what, waitMillis);
                    continue;
                }
                throw translate(response.code(), error, what);
            } catch (InterruptedIOException e) {
                throw new PlatformException("Discord did not answer in time when the bot tried to " + what
                        + ". It may still happen: check the channel before trying again.", e);
            } catch (IOException e) {
                throw new PlatformException("Could not reach Discord to " + what + ". Try again in a moment.", e);
            }
        }
    }

    private void waitUntil(long notBefore, long deadline, String what) {
        long now = clock.getAsLong();
        if (notBefore <= now) {
            return;
        }
        if (notBefore > deadline) {
            throw new RateLimitedException(Duration.ofMillis(notBefore - now));
        }
        try {
            Thread.sleep(notBefore - now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while waiting out a Discord rate limit to " + what + ".", e);
        }
    }

    private void rememberBucket(Response response, long bucket) {
        String remaining = response.header("X-RateLimit-Remaining");
        String resetAfter = response.header("X-RateLimit-Reset-After");
        if ("0".equals(remaining) && resetAfter != null) {
            try {
                long until = clock.getAsLong() + (long) Math.ceil(Double.parseDouble(resetAfter) * 1000);
                webhookNotBefore.merge(bucket, until, Math::max);
            } catch (NumberFormatException ignored) {
                LOG.debug("Unreadable X-RateLimit-Reset-After: {}", resetAfter);
            }
        }
    }

    private static long retryAfterMillis(Response response, JsonObject error) {
        try {
            if (error.has("retry_after")) {
                return (long) Math.ceil(error.get("retry_after").getAsDouble() * 1000);
            }
            String header = response.header("Retry-After");
            if (header != null) {
                return (long) Math.ceil(Double.parseDouble(header) * 1000);
            }
        } catch (RuntimeException unreadable) {
            LOG.debug("Unreadable retry_after", unreadable);
        }
        return 1000;
    }

    /**
     * Translates an error answer.
     *
     * @param status the HTTP status
     * @param error the JSON error body (code, message), possibly empty
     * @param what what the bot tried
     * @return the core's exception
     */
    static RuntimeException translate(int status, JsonObject error, String what) {
        int code = error.has("code") && error.get("code").isJsonPrimitive() ? error.get("code").getAsInt() : 0;
        String message = error.has("message") && error.get("message").isJsonPrimitive()
                ? error.get("message").getAsString() : "";
        if (code == 50083 || code == 160005) {
            return new NotPermittedException("This thread is " + (code == 160005 ? "locked" : "archived")
                    + " and the bot may not reopen it. A moderator can "
                    + (code == 160005 ? "unlock" : "unarchive") + " it; then try again.");
        }
        if (status == 404 || code == 10015 || code == 10008 || code == 10003) {
            return new PlatformNotFoundException("Discord no longer knows what the bot needed to " + what
                    + " (" + (message.isEmpty() ? "not found" : message) + ").");
        }
        if (code == 50001) {
            return new PlatformException("The bot cannot see this channel (Discord: Missing Access), so it cannot "
                    + what + ". Ask a server admin to let the bot's role view the channel (and its threads).");
        }
        if (status == 403 || code == 50013) {
            MissingPermissionException missing = new MissingPermissionException(JavacordChatPlatform.MANAGE_WEBHOOKS);
            return missing;
        }
        if (status == 429) {
            return new RateLimitedException(Duration.ofSeconds(1));
        }
        LOG.warn("Discord refused to {}: HTTP {} code {} {}", what, status, code, message);
        return new PlatformException("Discord refused when the bot tried to " + what + " (HTTP " + status
                + (code != 0 ? ", code " + code : "") + "). Try again in a moment.");
    }

    private static String readBody(ResponseBody body) throws IOException {
        return body == null ? "" : body.string();
    }

    private static JsonObject parseObject(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }
}
