package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interaction the fake dispatched to the bot, and everything the bot answered to it: the initial
 * callback, edits of the original response and follow-up messages.
 */
public final class FakeInteraction {

    /** Callback type: reply with a message. */
    public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    /** Callback type: "thinking...", edited later. */
    public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    /** Callback type: autocomplete choices. */
    public static final int APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
    /** Callback type: show a form (modal). */
    public static final int MODAL = 9;
    private static final int EPHEMERAL = 1 << 6;

    /**
     * A message body the bot sent: its JSON payload and attached files.
     *
     * @param json  the JSON payload ({@code payload_json} for multipart bodies)
     * @param files attached file name to content
     */
    public record Payload(JsonNode json, Map<String, String> files) {
        /** Validates the fields. */
        public Payload {
            Objects.requireNonNull(json, "json");
            files = Map.copyOf(files);
        }
    }

    private final long id;
    private final String token;
    private final int type;
    private final String commandName;
    private final FakeUser user;
    private final FakeChannel channel;
    private final Instant dispatchedAt = Instant.now();
    private final List<Payload> callbacks = new ArrayList<>();
    private final List<Payload> edits = new ArrayList<>();
    private final List<Payload> followups = new ArrayList<>();
    private final List<Duration> lateCallbacks = new ArrayList<>();
    private Duration firstCallbackLatency;
    private boolean followupReplacedOriginal;
    private boolean originalDeleted;

    FakeInteraction(long id, String token, int type, String commandName, FakeUser user, FakeChannel channel) {
        this.id = id;
        this.token = Objects.requireNonNull(token);
        this.type = type;
        this.commandName = Objects.requireNonNull(commandName);
        this.user = Objects.requireNonNull(user);
        this.channel = Objects.requireNonNull(channel);
    }

    /** @return the interaction id */
    public long id() {
        return id;
    }

    /** @return the interaction token */
    public String token() {
        return token;
    }

    /** @return the command name */
    public String commandName() {
        return commandName;
    }

    /** @return the interaction type: 2 command, 4 autocomplete, 5 form submission */
    public int type() {
        return type;
    }

    /** @return who ran it */
    public FakeUser user() {
        return user;
    }

    /** @return where it was run */
    public FakeChannel channel() {
        return channel;
    }

    Instant dispatchedAt() {
        return dispatchedAt;
    }

    /**
     * Records an initial callback.
     *
     * @return false if the interaction was already acknowledged (Discord answers 400 then)
     */
    synchronized boolean addCallback(Payload payload) {
        if (!callbacks.isEmpty()) {
            callbacks.add(payload);
            notifyAll();
            return false;
        }
        firstCallbackLatency = Duration.between(dispatchedAt, Instant.now());
        callbacks.add(payload);
        notifyAll();
        return true;
    }

    /** Records a callback that came after Discord's deadline (Discord answered 10062 Unknown interaction). */
    synchronized void addLateCallback() {
        lateCallbacks.add(Duration.between(dispatchedAt, Instant.now()));
        notifyAll();
    }

    /** @return how late each callback after the deadline came, measured from dispatch */
    public synchronized List<Duration> lateCallbacks() {
        return List.copyOf(lateCallbacks);
    }

    synchronized boolean acknowledged() {
        return !callbacks.isEmpty();
    }

    synchronized void addEdit(Payload payload) {
        edits.add(payload);
        notifyAll();
    }

    /**
     * Records a follow-up message. As on Discord, the first follow-up after a deferred
     * acknowledgement that has not been edited yet replaces the loading message: it becomes the
     * original response, with the acknowledgement's visibility, whatever flags it carries.
     *
     * @return the flags the message really has
     */
    synchronized int addFollowup(Payload payload) {
        boolean deferred = !callbacks.isEmpty()
                && callbacks.get(0).json().path("type").asInt() == DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE;
        if (deferred && edits.isEmpty() && !followupReplacedOriginal) {
            followupReplacedOriginal = true;
            edits.add(payload);
            notifyAll();
            return callbacks.get(0).json().path("data").path("flags").asInt(0) & EPHEMERAL;
        }
        followups.add(payload);
        notifyAll();
        return payload.json().path("flags").asInt(0) & EPHEMERAL;
    }

    synchronized void deleteOriginal() {
        originalDeleted = true;
        notifyAll();
    }

    /** @return whether the bot deleted its original response */
    public synchronized boolean originalDeleted() {
        return originalDeleted;
    }

    /**
     * Waits for the message the bot announced to the whole channel as a follow-up.
     *
     * @return the announcement
     */
    public synchronized Reply awaitAnnouncement() {
        awaitCondition(Duration.ofSeconds(10), () -> followups.stream().anyMatch(f -> !isEphemeral(f)),
                "a public announcement for /" + commandName);
        Payload announcement = followups.stream().filter(f -> !isEphemeral(f)).findFirst().orElseThrow();
        return new Reply(announcement.json().path("content").asText(""), false, announcement.files(),
                Optional.ofNullable(announcement.json().get("allowed_mentions")), false);
    }

    /**
     * Everything of this interaction that members other than the user saw at some moment: a public
     * original response in each of its states, and public follow-ups.
     *
     * @return the texts, in order
     */
    public synchronized List<String> seenByOthers() {
        List<String> seen = new ArrayList<>();
        if (!callbacks.isEmpty() && (callbacks.get(0).json().path("data").path("flags").asInt(0) & EPHEMERAL) == 0) {
            String original = callbacks.get(0).json().path("data").path("content").asText("");
            if (!original.isEmpty()) {
                seen.add(original);
            }
            edits.stream().map(e -> e.json().path("content").asText("")).filter(t -> !t.isEmpty()).forEach(seen::add);
        }
        followups.stream().filter(f -> !isEphemeral(f)).map(f -> f.json().path("content").asText(""))
                .forEach(seen::add);
        return seen;
    }

    private static boolean isEphemeral(Payload payload) {
        return (payload.json().path("flags").asInt(0) & EPHEMERAL) != 0;
    }

    /** @return every callback the bot sent, including rejected second acknowledgements */
    public synchronized List<Payload> callbacks() {
        return List.copyOf(callbacks);
    }

    /** @return every edit of the original response */
    public synchronized List<Payload> edits() {
        return List.copyOf(edits);
    }

    /** @return every follow-up message */
    public synchronized List<Payload> followups() {
        return List.copyOf(followups);
    }

    /** @return how long the bot took to acknowledge, if it did */
    public synchronized Optional<Duration> callbackLatency() {
        return Optional.ofNullable(firstCallbackLatency);
    }

    /**
     * Waits until the bot has answered visibly: an immediate reply, or a deferred reply that has been
     * edited (or followed up).
     *
     * @param timeout how long to wait
     * @return the reply as the user sees it
     * @throws AssertionError if no reply arrives in time
     */
    public synchronized Reply awaitReply(Duration timeout) {
        awaitCondition(timeout, this::hasVisibleReply, "a reply to /" + commandName);
        Payload first = callbacks.get(0);
        int callbackType = first.json().path("type").asInt();
        JsonNode data = first.json().path("data");
        boolean ephemeral = (data.path("flags").asInt(0) & EPHEMERAL) != 0;
        boolean deferred = callbackType == DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE;
        String content = data.path("content").asText("");
        Map<String, String> files = new LinkedHashMap<>(first.files());
        Optional<JsonNode> allowedMentions = Optional.ofNullable(data.get("allowed_mentions"));
        List<Payload> updates = new ArrayList<>(edits);
        for (Payload edit : updates) {
            if (edit.json().has("content")) {
                content = edit.json().get("content").asText("");
            }
            if (edit.json().has("allowed_mentions")) {
                allowedMentions = Optional.of(edit.json().get("allowed_mentions"));
            }
            files.putAll(edit.files());
        }
        return new Reply(content, ephemeral, files, allowedMentions, deferred);
    }

    /**
     * Waits until the bot answered with a form.
     *
     * @return the form's {@code data}: custom_id, title, components
     * @throws AssertionError if the bot answered otherwise or not in time
     */
    public synchronized JsonNode awaitModal() {
        awaitCondition(Duration.ofSeconds(10), () -> !callbacks.isEmpty(), "a form for /" + commandName);
        Payload first = callbacks.get(0);
        if (first.json().path("type").asInt() != MODAL) {
            throw new AssertionError("expected a form, got " + first.json());
        }
        return first.json().path("data");
    }

    /**
     * Waits for the reply with the default timeout of ten seconds.
     *
     * @return the reply as the user sees it
     */
    public Reply awaitReply() {
        return awaitReply(Duration.ofSeconds(10));
    }

    /**
     * Waits for the autocomplete answer.
     *
     * @param timeout how long to wait
     * @return the offered choices, name to value, in order
     */
    public synchronized Map<String, String> awaitChoices(Duration timeout) {
        awaitCondition(timeout, () -> !callbacks.isEmpty(), "autocomplete choices for /" + commandName);
        JsonNode body = callbacks.get(0).json();
        if (body.path("type").asInt() != APPLICATION_COMMAND_AUTOCOMPLETE_RESULT) {
            throw new AssertionError("expected an autocomplete result (type 8) but got " + body);
        }
        Map<String, String> choices = new LinkedHashMap<>();
        body.path("data").path("choices").forEach(c -> choices.put(c.path("name").asText(), c.path("value").asText()));
        return choices;
    }

    /**
     * Waits for the autocomplete answer with the default timeout of ten seconds.
     *
     * @return the offered choices, name to value, in order
     */
    public Map<String, String> awaitChoices() {
        return awaitChoices(Duration.ofSeconds(10));
    }

    private boolean hasVisibleReply() {
        if (callbacks.isEmpty()) {
            return false;
        }
        int callbackType = callbacks.get(0).json().path("type").asInt();
        if (callbackType == DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE) {
            return edits.stream().anyMatch(e -> e.json().has("content") || !e.files().isEmpty())
                    || !followups.isEmpty();
        }
        return true;
    }

    private void awaitCondition(Duration timeout, java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!lateCallbacks.isEmpty()) {
                throw new AssertionError("the bot acknowledged " + this + " only after " + lateCallbacks.get(0).toMillis()
                        + " ms, too late for Discord (404 Unknown interaction), while waiting for " + what);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; callbacks=" + callbacks + " edits=" + edits + " followups=" + followups);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "interaction " + id + " /" + commandName + " by " + user.username() + " in #" + channel.name();
    }
}
