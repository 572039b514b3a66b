package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import dev.campaignkeeper.core.port.Upload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookClientTest {

    private static final WebhookClient.Hook HOOK = new WebhookClient.Hook(42, "secret-token", 7);

    private MockWebServer server;
    private WebhookClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = client(Duration.ofSeconds(5));
    }

    private WebhookClient client(Duration budget) {
        return new WebhookClient(new OkHttpClient(), server.url("/api/v10").toString(), "bot-token", budget);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static MockResponse message(long id, long channel) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"id\":\"" + id + "\",\"channel_id\":\"" + channel + "\"}");
    }

    private static MockResponse error(int status, int code) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"message\":\"no\",\"code\":" + code + "}");
    }

    @Test
    void executeWaitsForTheSavedMessageAndPostsIntoAThreadWithoutMentions() throws Exception {
        server.enqueue(message(1001, 99));

        WebhookClient.Message saved = client.execute(HOOK, Optional.of(99L), Optional.empty(), "Tilda",
                Optional.of("https://example.com/t.png"), "Hello @everyone", List.of());

        assertThat(saved).isEqualTo(new WebhookClient.Message(1001, 99, List.of()));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v10/webhooks/42/secret-token");
        assertThat(request.getRequestUrl().queryParameter("wait")).isEqualTo("true");
        assertThat(request.getRequestUrl().queryParameter("thread_id")).isEqualTo("99");
        assertThat(request.getHeader("Authorization")).as("webhook calls carry no bot token").isNull();
        String body = request.getBody().readUtf8();
        assertThat(body).contains("\"username\":\"Tilda\"").contains("\"allowed_mentions\":{\"parse\":[]}")
                .contains("\"avatar_url\":\"https://example.com/t.png\"").doesNotContain("thread_name");
    }

    @Test
    void aNewForumPostIsStartedWithThreadNameAndFilesGoAsMultipart() throws Exception {
        server.enqueue(message(1002, 555));

        WebhookClient.Message saved = client.execute(HOOK, Optional.empty(), Optional.of("The Caves"), "Tilda",
                Optional.empty(), "Off we go", List.of(new Upload("map.png", "image/png", new byte[] {1, 2})));

        assertThat(saved.channelId()).as("the new forum post").isEqualTo(555);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
        String body = request.getBody().readUtf8();
        assertThat(body).contains("name=\"payload_json\"").contains("\"thread_name\":\"The Caves\"")
                .contains("name=\"files[0]\"; filename=\"map.png\"").contains("\"filename\":\"map.png\"");
    }

    @Test
    void theLinksOfUploadedFilesComeBackWithTheSavedMessage() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"id\":\"1003\",\"channel_id\":\"99\",\"attachments\":[{\"id\":\"7\","
                        + "\"filename\":\"map.png\",\"url\":\"https://cdn.discordapp.com/attachments/99/7/map.png?ex=1\"},"
                        + "{\"id\":\"8\"}]}"));

        WebhookClient.Message saved = client.execute(HOOK, Optional.empty(), Optional.empty(), "Tilda",
                Optional.empty(), "", List.of(new Upload("map.png", "image/png", new byte[] {1, 2})));

        assertThat(saved.attachmentUrls()).containsExactly("https://cdn.discordapp.com/attachments/99/7/map.png?ex=1");
    }

    @Test
    void editAndDeleteAddressTheMessageInItsThread() throws Exception {
        server.enqueue(message(1001, 99));
        server.enqueue(new MockResponse().setResponseCode(204));

        client.edit(HOOK, Optional.of(99L), 1001, "Better");
        client.deleteMessage(HOOK, Optional.empty(), 1001);

        RecordedRequest edit = server.takeRequest();
        assertThat(edit.getMethod()).isEqualTo("PATCH");
        assertThat(edit.getPath()).isEqualTo("/api/v10/webhooks/42/secret-token/messages/1001?thread_id=99");
        assertThat(edit.getBody().readUtf8()).contains("\"content\":\"Better\"").contains("allowed_mentions");
        RecordedRequest delete = server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/api/v10/webhooks/42/secret-token/messages/1001");
    }

    @Test
    void createAndListUseTheBotToken() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"id\":\"42\",\"token\":\"t\",\"channel_id\":\"7\"}"));
        server.enqueue(new MockResponse().setBody("[{\"id\":\"42\",\"token\":\"t\",\"channel_id\":\"7\"},"
                + "{\"id\":\"43\",\"channel_id\":\"7\"}]"));

        assertThat(client.create(7, "Campaign Keeper", "reason")).isEqualTo(new WebhookClient.Hook(42, "t", 7));
        assertThat(client.list(7)).as("webhooks without a token are not the bot's")
                .containsExactly(new WebhookClient.Hook(42, "t", 7));

        RecordedRequest create = server.takeRequest();
        assertThat(create.getHeader("Authorization")).isEqualTo("Bot bot-token");
        assertThat(create.getHeader("X-Audit-Log-Reason")).isEqualTo("reason");
    }

    @Test
    void a429IsWaitedOutAndRetried() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"retry_after\":0.3,\"global\":false}"));
        server.enqueue(message(1003, 7));
        long started = System.nanoTime();

        client.execute(HOOK, Optional.empty(), Optional.empty(), "Tilda", Optional.empty(), "Hi", List.of());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aGlobal429HoldsBackCallsThroughEveryWebhook() {
        WebhookClient impatient = client(Duration.ofMillis(500));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("X-RateLimit-Global", "true")
                .setBody("{\"retry_after\":3,\"global\":true}"));

        assertThatThrownBy(() -> impatient.execute(HOOK, Optional.empty(), Optional.empty(), "A", Optional.empty(),
                "one", List.of())).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> impatient.execute(new WebhookClient.Hook(43, "x", 7), Optional.empty(),
                Optional.empty(), "B", Optional.empty(), "two", List.of()))
                .as("another webhook waits for the global limit too").isInstanceOf(RateLimitedException.class);

        assertThat(server.getRequestCount()).as("nothing sent during the global limit").isEqualTo(1);
    }

    @Test
    void aRateLimitLongerThanTheBudgetFailsInsteadOfWaiting() {
        WebhookClient impatient = client(Duration.ofMillis(500));
        server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"retry_after\":30,\"global\":false}"));

        assertThatThrownBy(() -> impatient.execute(HOOK, Optional.empty(), Optional.empty(), "A", Optional.empty(),
                "one", List.of())).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void discordErrorCodesBecomeMessagesSayingWhatToFix() {
        server.enqueue(error(404, 10015));
        server.enqueue(error(403, 50013));
        server.enqueue(error(403, 50001));
        server.enqueue(error(400, 160005));
        server.enqueue(error(500, 0));

        for (Class<?> expected : List.of(PlatformNotFoundException.class, MissingPermissionException.class)) {
            assertThatThrownBy(() -> post()).isInstanceOf(expected);
        }
        assertThatThrownBy(this::post).isExactlyInstanceOf(PlatformException.class)
                .hasMessageContaining("cannot see this channel");
        assertThatThrownBy(this::post).isInstanceOf(NotPermittedException.class).hasMessageContaining("locked");
        assertThatThrownBy(this::post).isExactlyInstanceOf(PlatformException.class).hasMessageContaining("HTTP 500");
    }

    private void post() {
        client.execute(HOOK, Optional.empty(), Optional.empty(), "A", Optional.empty(), "x", List.of());
    }
}
