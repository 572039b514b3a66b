package dev.campaignkeeper.persistence.json.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post log's lines, as the store writes them, against {@code docs/schema/post-line.schema.json}. */
class PostLogSchemaTest {

    private static final String SCHEMA = "post-line.schema.json";

    @TempDir
    Path data;

    @Test
    void everyLineThePostLogWritesMatchesTheSchema() throws IOException {
        GuildId guild = GuildId.of("111111111111111111");
        ChannelId campaign = ChannelId.of("222222222222222222");
        PostRecord plain = new PostRecord(guild, campaign, WebhookId.of("333333333333333333"), Optional.empty(),
                List.of(MessageId.of("444444444444444441")), UserId.of("555555555555555555"), Optional.empty(),
                "Frodo", Instant.parse("2026-12-01T20:00:00Z"), "Hello,\nfriends ✨");
        PostRecord split = new PostRecord(guild, campaign, WebhookId.of("333333333333333333"),
                Optional.of(ChannelId.of("666666666666666666")), List.of(MessageId.of("444444444444444442"),
                MessageId.of("444444444444444443")), UserId.of("777777777777777777"), Optional.of(NpcId.of("gandalf")),
                "Gandalf", Instant.parse("2026-12-01T20:01:00Z"), "A wizard is never late.")
                .withExtras(Optional.of("https://example.org/gandalf.png"), List.of("1d20+5 [wisdom] = 17"),
                        List.of("https://cdn.discordapp.com/attachments/1/2/map.png"));
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(data))) {
            PostLog log = store.postLog();
            log.append(plain);
            log.append(split);
            log.replace(split.edited(split.messages(), "Nor is he early."));
            log.remove(guild, plain.id());
            log.removeCampaign(guild, campaign);
        }
        Set<String> ops = new TreeSet<>();
        try (Stream<Path> list = Files.list(data.resolve("posts"))) {
            for (Path segment : list.filter(p -> p.getFileName().toString().matches("journal-\\d{10}\\.log")).toList()) {
                for (String line : lines(segment)) {
                    DataFormatSchemaTest.assertValid(SCHEMA, line, segment.getFileName() + ": " + line);
                    Matcher op = Pattern.compile("\"op\":\"([a-z_]+)\"").matcher(line);
                    if (op.find()) {
                        ops.add(op.group(1));
                    }
                }
            }
        }
        assertThat(ops).containsExactly("append", "remove", "remove_campaign", "replace");
        DataFormatSchemaTest.assertValid(SCHEMA, "{\"seq\":9,\"op\":\"reset\",\"crc32c\":\"0123abcd\"}", "a reset line");
    }

    @Test
    void theSchemaRejectsBrokenLines() {
        assertThat(DataFormatSchemaTest.errors(SCHEMA, "{\"seq\":1,\"op\":\"append\",\"crc32c\":\"0123abcd\"}"))
                .as("an append without its post").isNotEmpty();
        assertThat(DataFormatSchemaTest.errors(SCHEMA,
                "{\"seq\":1,\"op\":\"remove\",\"guild\":\"x\",\"post\":\"1\",\"crc32c\":\"0123abcd\"}"))
                .as("a guild that is not a snowflake").isNotEmpty();
        assertThat(DataFormatSchemaTest.errors(SCHEMA, "{\"seq\":1,\"op\":\"frob\",\"crc32c\":\"0123abcd\"}"))
                .as("an unknown op").isNotEmpty();
        assertThat(DocsFiles.read(DocsFiles.docs("data-format.md"))).contains("schema/" + SCHEMA);
    }

    private static List<String> lines(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
