package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The fake's gateway: a plain WebSocket server on loopback that speaks enough of Discord's gateway
 * protocol (v10, JSON, uncompressed) to log Javacord in and to push events to it.
 */
final class FakeGateway implements AutoCloseable {

    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private long lastIntents;
    private static final int IDENTIFY = 2;
    /** Intent bit: guild messages (MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE in guilds). */
    static final long GUILD_MESSAGES = 1L << 9;
    /** Intent bit: message content (privileged). */
    static final long MESSAGE_CONTENT = 1L << 15;
    private static final int RESUME = 6;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;
    private static final int HEARTBEAT_INTERVAL_MS = 41_250;

    private final ObjectMapper json;
    private final Function<String, List<ObjectNode>> loginEvents;
    private final MockWebServer server = new MockWebServer();
    private final List<Session> sessions = new ArrayList<>();
    private final List<String> identifiedTokens = new ArrayList<>();
    private final List<String> identifiedShards = new ArrayList<>();
    private int heartbeats;
    private volatile boolean refusePrivilegedIntents;
    private final List<Integer> closeCodesSent = new ArrayList<>();

    /**
     * @param json        the mapper
     * @param loginEvents builds READY and the GUILD_CREATE events (type in field {@code t}, payload in
     *                    {@code d}) for a session id
     */
    FakeGateway(ObjectMapper json, Function<String, List<ObjectNode>> loginEvents) {
        this.json = Objects.requireNonNull(json);
        this.loginEvents = Objects.requireNonNull(loginEvents);
    }

    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Session session = new Session();
                synchronized (FakeGateway.this) {
                    sessions.add(session);
                }
                return new MockResponse().withWebSocketUpgrade(session);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** @return the URL to give Javacord ({@code DiscordWebSocketAdapter.setGateway}) */
    String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    /** @return the tokens of every IDENTIFY received, in order */
    synchronized List<String> identifiedTokens() {
        return List.copyOf(identifiedTokens);
    }

    /** @return the {@code shard} field of every IDENTIFY, as {@code "id/total"} ({@code "none"} if absent), in order */
    synchronized List<String> identifiedShards() {
        return List.copyOf(identifiedShards);
    }

    /**
     * Makes IDENTIFYs asking for the Message Content intent (1 << 15) fail with close code 4014
     * ("Disallowed intent(s)"), as Discord does when it is not switched on in the Developer Portal.
     *
     * @param refuse whether to refuse
     */
    void refusePrivilegedIntents(boolean refuse) {
        refusePrivilegedIntents = refuse;
    }

    /** @return the close codes the fake closed sessions with (4004, 4014), in order */
    synchronized List<Integer> closeCodesSent() {
        return List.copyOf(closeCodesSent);
    }

    /** @return how many heartbeats (op 1) clients sent; each was acknowledged with op 11 */
    synchronized int heartbeats() {
        return heartbeats;
    }

    /** @return whether a logged-in session is open */
    synchronized boolean hasReadySession() {
        return sessions.stream().anyMatch(Session::isReady);
    }

    /**
     * Waits until a session has identified and received READY and GUILD_CREATE.
     *
     * @param timeout how long to wait
     */
    synchronized void awaitReadySession(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReadySession()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no client logged in to the fake gateway within " + timeout.toMillis() + " ms");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Waits until no session is open any more (the client disconnected).
     *
     * @param timeout how long to wait
     * @return whether all sessions closed in time
     */
    synchronized boolean awaitAllClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.stream().anyMatch(s -> !s.closed)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Sends a dispatch event to every logged-in session.
     *
     * @param type event name, e.g. {@code INTERACTION_CREATE}
     * @param data event payload
     * @return how many sessions it was sent to
     */
    /** @return the intents of the last IDENTIFY */
    synchronized long lastIntents() {
        return lastIntents;
    }

    int dispatch(String type, JsonNode data) {
        List<Session> ready;
        synchronized (this) {
            ready = sessions.stream().filter(Session::isReady).toList();
        }
        ready.forEach(s -> s.dispatch(type, data));
        return ready.size();
    }

    @Override
    public void close() throws IOException {
        List<Session> open;
        synchronized (this) {
            open = List.copyOf(sessions);
        }
        for (Session session : open) {
            session.closeFromServer();
        }
        server.shutdown();
    }

    private synchronized void changed() {
        notifyAll();
    }

    /** One WebSocket connection from a client. */
    private final class Session extends WebSocketListener {
        private WebSocket socket;
        private int sequence;
        private boolean ready;
        private volatile boolean closed;

        synchronized boolean isReady() {
            return ready && !closed;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (this) {
                socket = webSocket;
            }
            ObjectNode hello = json.createObjectNode().put("op", HELLO);
            hello.putNull("s");
            hello.putNull("t");
            hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
            webSocket.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode packet;
            try {
                packet = json.readTree(text);
            } catch (IOException e) {
                webSocket.close(4002, "Error while decoding payload.");
                return;
            }
            switch (packet.path("op").asInt(-1)) {
                case HEARTBEAT -> {
                    synchronized (FakeGateway.this) {
                        heartbeats++;
                    }
                    ObjectNode ack = json.createObjectNode().put("op", HEARTBEAT_ACK);
                    webSocket.send(ack.toString());
                }
                case IDENTIFY -> identify(webSocket, packet.path("d"));
                case RESUME -> {
                    ObjectNode invalid = json.createObjectNode().put("op", INVALID_SESSION).put("d", false);
                    webSocket.send(invalid.toString());
                }
                default -> {
                    // presence updates, voice state updates, member requests: nothing to do
                }
            }
        }

        private void identify(WebSocket webSocket, JsonNode data) {
            String token = data.path("token").asText("");
            synchronized (FakeGateway.this) {
                identifiedTokens.add(token);
                JsonNode shard = data.path("shard");
                identifiedShards.add(shard.isArray() && shard.size() == 2
                        ? shard.get(0).asInt() + "/" + shard.get(1).asInt() : "none");
                lastIntents = data.path("intents").asLong(0);
            }
            if (!token.startsWith("Bot ") || token.length() <= "Bot ".length()) {
                synchronized (FakeGateway.this) {
                    closeCodesSent.add(4004);
                }
                webSocket.close(4004, "Authentication failed.");
                return;
            }
            if (refusePrivilegedIntents && (data.path("intents").asLong(0) & MESSAGE_CONTENT) != 0) {
                synchronized (FakeGateway.this) {
                    closeCodesSent.add(4014);
                }
                webSocket.close(4014, "Disallowed intent(s).");
                return;
            }
            String sessionId = "fake-session-" + Integer.toHexString(System.identityHashCode(this));
            for (ObjectNode event : loginEvents.apply(sessionId)) {
                dispatch(event.get("t").asText(), event.get("d"));
            }
            synchronized (this) {
                ready = true;
            }
            changed();
        }

        synchronized void dispatch(String type, JsonNode data) {
            if (socket == null || closed) {
                return;
            }
            ObjectNode packet = json.createObjectNode().put("op", DISPATCH).put("s", ++sequence).put("t", type);
            packet.set("d", data);
            socket.send(packet.toString());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            markClosed();
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            markClosed();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            markClosed();
        }

        private void markClosed() {
            closed = true;
            changed();
        }

        void closeFromServer() {
            WebSocket s;
            synchronized (this) {
                s = socket;
            }
            if (s != null && !closed) {
                s.close(1001, "fake Discord shutting down");
            }
        }
    }
}
