package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.rules.InputRules;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId CHANNEL = ChannelId.of(2);
    private static final UserId USER = UserId.of(3);
    private static final NpcId NPC = NpcId.of("n1");

    private final List<String> warnings = new ArrayList<>();
    private final RecordJson.Loading loading = new RecordJson.Loading((where, what) -> warnings.add(where + ": " + what));

    private static JsonReader reader(String json) {
        return new JsonReader(new StringReader(json));
    }

    private static JsonObject character(String name, String avatar, String description) {
        JsonObject object = new JsonObject();
        object.addProperty("name", name);
        object.addProperty("avatar_url", avatar);
        object.addProperty("description", description);
        return object;
    }

    private PlayerCharacter readCharacter(String json) throws Exception {
        return RecordJson.readCharacter(reader(json), GUILD, USER, CHANNEL, loading);
    }

    private static JsonObject campaign() {
        JsonObject object = new JsonObject();
        object.addProperty("name", "Quest");
        object.addProperty("gm_id", "7");
        object.addProperty("player_role_id", "8");
        object.addProperty("gm_role_id", "9");
        JsonArray players = new JsonArray();
        players.add("11");
        players.add("12");
        object.add("players", players);
        return object;
    }

    private Campaign readCampaign(JsonObject json) throws Exception {
        return RecordJson.readCampaign(reader(json.toString()), GUILD, CHANNEL, loading);
    }

    private static boolean rejectedToday(Runnable check) {
        try {
            check.run();
            return false;
        } catch (InvalidInputException e) {
            return true;
        }
    }

    @Test
    void warnsAboutANameExactlyWhenTodaysRulesRejectIt() throws Exception {
        List<String> names = List.of("Aria", "A", "x".repeat(80), "x".repeat(81), " Aria", "Aria ", "Ar  ia", "Ar ia",
                "Discord", "my CLYDE", "Clyd", "discor", "Tab\there", "Del\u007f", "~tilde~", "Zoë", "日本",
                "", "!", "A\u200Bb", "Bell\u0007", " ", "\u0007", "\u0007\u0001", "disc\u0007ord", "x\u0000clyde",
                "the discord", "CLYDE", "a".repeat(79) + " ", " " + "a".repeat(79), "\u200B", "\u00A0", "\u00A0\u00A0",
                "\u3000x", "Clyde of Discord", "discord clyde", "DISCORD-CLYDE", "   ", "a  b ", "  x  ", "~", "\u007f",
                "x".repeat(79) + "\u200B", "disc ord", "clyd e", "xclydex", "Discordia");
        for (String name : names) {
            warnings.clear();
            PlayerCharacter read = readCharacter(character(name, "", "").toString());

            assertThat(read.name()).as("kept as stored").isEqualTo(name);
            assertThat(!warnings.isEmpty()).as("a warning for %s", name)
                    .isEqualTo(rejectedToday(() -> InputRules.name(name, "character name")));
        }
    }

    @Test
    void warnsAboutAnAvatarUrlExactlyWhenTodaysRulesRejectIt() throws Exception {
        List<String> urls = List.of("https://example.com/a.png", "http://example.com/a.png", "https://example.com",
                "https://", "http://", "https:///a.png", "https://ex_ample.com/", "https://example.com/a_b~c.png",
                "https://EXAMPLE.com/A.PNG", "ftp://example.com/a.png", "example.com/a.png",
                "https://example.com/" + "a".repeat(InputRules.MAX_URL_LENGTH - 20),
                "https://example.com/" + "a".repeat(InputRules.MAX_URL_LENGTH - 19),
                "https://exa mple.com/", "https://example.com/a?b=c", "https://example.com:8080/a",
                "javascript:alert(1)");
        assertAvatarWarnedExactlyWhenTodaysRulesRejectIt(urls);
    }

    private void assertAvatarWarnedExactlyWhenTodaysRulesRejectIt(List<String> urls) throws Exception {
        for (String url : urls) {
            warnings.clear();
            PlayerCharacter read = readCharacter(character("Aria", url, "").toString());

            assertThat(read.avatarUrl()).as("kept as stored").hasValue(url);
            assertThat(!warnings.isEmpty()).as("a warning for %s", url)
                    .isEqualTo(rejectedToday(() -> InputRules.avatarUrl(url)));
            if (!warnings.isEmpty()) {
                assertThat(warnings).singleElement().asString()
                        .isEqualTo("$.1.3.2.avatar_url: breaks today's rules (kept as stored): "
                                + message(() -> InputRules.avatarUrl(url)));
            }
        }
    }

    @Test
    void warnsAboutAnAvatarUrlWhoseHostTodaysRulesRefuseHoweverPlainItsCharactersAre() throws Exception {
        List<String> refused = List.of("https://./a.png", "https://-/a.png", "https://a..b/x.png",
                "https://.example.com/a.png", "https://-a.com/", "https://a-.com/", "https://x.-b/", "https://a.123/",
                "https://a.1b/", "https://1.2.3/", "https://999.1.1.1/", "https://" + "a".repeat(64) + ".com/",
                "https://.", "https://..", "https://-", "https://ex_ample.com/");
        List<String> accepted = List.of("https://1.2.3.4/", "https://123/", "https://example.com./",
                "https://a--b.com/", "https://xn--abc.com/", "https://" + "a".repeat(63) + ".com/", "https://a.b-c.d/",
                "https://a.b1/", "https://1a.b/", "http://localhost", "https://example.com//a", "https://A.COM/A.PNG",
                "https://a.b.");
        for (String url : refused) {
            assertThat(rejectedToday(() -> InputRules.avatarUrl(url))).as("refused today: %s", url).isTrue();
        }
        for (String url : accepted) {
            assertThat(rejectedToday(() -> InputRules.avatarUrl(url))).as("accepted today: %s", url).isFalse();
        }

        assertAvatarWarnedExactlyWhenTodaysRulesRejectIt(refused);
        assertAvatarWarnedExactlyWhenTodaysRulesRejectIt(accepted);
    }

    @Test
    void warnsAboutAnAvatarUrlWithAnyCharacterTodaysRulesRefuseInHostOrPath() throws Exception {
        List<String> urls = new ArrayList<>();
        // every printable ASCII character that is not a letter or digit, in the host and in the path
        for (char c = '!'; c <= '~'; c++) {
            if (!Character.isLetterOrDigit(c)) {
                urls.add("https://exa" + c + "mple.com/a.png");
                urls.add("https://example.com/a" + c + "b.png");
                urls.add("https://EXA" + c + "MPLE.COM/");
                urls.add("https://EXAMPLE.COM/A" + c + "B.PNG");
            }
        }
        urls.addAll(List.of("https://user@example.com/a.png", "https://example.com:0/a.png", "https://@", "https://%%",
                "https://<>", "https://example.com/<>", "https://example.com/\u00e9.png", "https://ex\u00e9mple.com/",
                "https://example.com/a\u0007b"));

        assertAvatarWarnedExactlyWhenTodaysRulesRejectIt(urls);
        assertThat(urls).as("the list exercises both outcomes")
                .anyMatch(url -> rejectedToday(() -> InputRules.avatarUrl(url)))
                .anyMatch(url -> !rejectedToday(() -> InputRules.avatarUrl(url)));
    }

    @Test
    void warnsAboutADescriptionOnlyWhenItIsTooLongAfterCleaning() throws Exception {
        String limit = "d".repeat(InputRules.MAX_DESCRIPTION_LENGTH);
        String tooLong = limit + "d";
        String longOnlyBeforeCleaning = "a  b".repeat(300);

        assertThat(readCharacter(character("Aria", "", limit).toString()).description()).isEqualTo(limit);
        assertThat(warnings).isEmpty();
        assertThat(readCharacter(character("Aria", "", longOnlyBeforeCleaning).toString()).description())
                .isEqualTo(longOnlyBeforeCleaning);
        assertThat(warnings).isEmpty();
        assertThat(readCharacter(character("Aria", "", tooLong).toString()).description()).isEqualTo(tooLong);
        assertThat(warnings).singleElement().asString()
                .startsWith("$.1.3.2.description: breaks today's rules (kept as stored): ");
    }

    @Test
    void warnsAboutADescriptionThatNormalisationMakesTooLong() throws Exception {
        // U+FB2C is one character that NFC turns into three; U+0958 becomes two
        List<String> descriptions = List.of("\uFB2C".repeat(333), "\uFB2C".repeat(334), "\u0958".repeat(500),
                "\u0958".repeat(501), "\u00e9".repeat(InputRules.MAX_DESCRIPTION_LENGTH),
                "e\u0301".repeat(InputRules.MAX_DESCRIPTION_LENGTH / 2 + 1),
                "\uFB2C".repeat(InputRules.MAX_DESCRIPTION_LENGTH / 3) + "d");
        for (String description : descriptions) {
            warnings.clear();
            PlayerCharacter read = readCharacter(character("Aria", "", description).toString());

            assertThat(read.description()).as("kept as stored").isEqualTo(description);
            assertThat(!warnings.isEmpty()).as("a warning for %s characters", description.length())
                    .isEqualTo(rejectedToday(() -> InputRules.description(description)));
        }
        assertThat(rejectedToday(() -> InputRules.description("\uFB2C".repeat(334)))).isTrue();
        assertThat(rejectedToday(() -> InputRules.description("\u0958".repeat(501)))).isTrue();
        assertThat(rejectedToday(() -> InputRules.description("\uFB2C".repeat(333)))).isFalse();
    }

    @Test
    void readingWithoutRuleChecksNeverWarns() throws Exception {
        RecordJson.Loading unchecked = new RecordJson.Loading((where, what) -> warnings.add(what), false);

        PlayerCharacter read = RecordJson.readCharacter(reader(character("Discord  Bot ", "ftp://x", "d".repeat(1001))
                .toString()), GUILD, USER, CHANNEL, unchecked);

        assertThat(read.name()).isEqualTo("Discord  Bot ");
        assertThat(warnings).isEmpty();
        assertThat(RecordJson.Warnings.NONE.checksRules()).isFalse();
        assertThat(loading.checksRules()).isTrue();
    }

    @Test
    void characterFieldsMayBeNullOrMissingButTheNameMayNot() throws Exception {
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"avatar_url\": null, \"description\": null}");

        assertThat(read).isEqualTo(new PlayerCharacter(GUILD, USER, CHANNEL, "Aria", Optional.empty(), ""));
        assertThat(readCharacter("{\"name\": \"Aria\"}")).isEqualTo(read);
        assertThatThrownBy(() -> readCharacter("{\"avatar_url\": \"\"}"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("character of user 3 in channel 2 has no name");
        assertThatThrownBy(() -> readCharacter("{\"name\": 5}"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("character name must be a JSON string, found NUMBER");
        assertThatThrownBy(() -> readCharacter("[]"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("character must be a JSON object, found BEGIN_ARRAY");
    }

    @Test
    void unknownFieldsAreSkippedWithAWarningNamingWhere() throws Exception {
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"level\": {\"x\": [1, 2]}, \"description\": \"d\"}");

        assertThat(read.description()).isEqualTo("d");
        assertThat(warnings).containsExactly("$.1.3.2.level: unknown field \"level\" ignored");
    }

    @Test
    void campaignReadsEveryFieldAndKeepsPlayerOrder() throws Exception {
        JsonObject json = campaign();
        json.addProperty("webhook_id", "10");

        assertThat(readCampaign(json)).isEqualTo(new Campaign(GUILD, CHANNEL, "Quest", UserId.of(7), RoleId.of(8),
                RoleId.of(9), Optional.of(WebhookId.of(10)), List.of(UserId.of(11), UserId.of(12))));
        assertThat(warnings).isEmpty();
    }

    @Test
    void campaignWebhookMayBeNullOrEmpty() throws Exception {
        JsonObject json = campaign();
        json.addProperty("webhook_id", "");
        assertThat(readCampaign(json).webhook()).isEmpty();

        json.add("webhook_id", com.google.gson.JsonNull.INSTANCE);
        assertThat(readCampaign(json).webhook()).isEmpty();

        json.addProperty("webhook_id", "hook");
        assertThatThrownBy(() -> readCampaign(json)).isInstanceOf(FormatException.class)
                .hasMessageContaining("webhook_id is not valid");
    }

    @Test
    void campaignPlayerListedTwiceIsKeptOnceWithAWarning() throws Exception {
        JsonObject json = campaign();
        json.getAsJsonArray("players").add("11");

        assertThat(readCampaign(json).players()).containsExactly(UserId.of(11), UserId.of(12));
        assertThat(warnings).containsExactly("$.1.2.players: player 11 is listed more than once; kept once");
    }

    @Test
    void campaignWithoutPlayersListReadsAsEmptyWithAWarning() throws Exception {
        JsonObject json = campaign();
        json.remove("players");

        assertThat(readCampaign(json).players()).isEmpty();
        assertThat(warnings).containsExactly("$.1.2: campaign has no players list; read as empty");
    }

    @Test
    void campaignPlayersMustBeAnArrayOfIds() {
        JsonObject json = campaign();
        json.addProperty("players", "11");
        assertThatThrownBy(() -> readCampaign(json)).isInstanceOf(FormatException.class)
                .hasMessageContaining("players must be a JSON array, found STRING");

        JsonArray bad = new JsonArray();
        bad.add("eleven");
        json.add("players", bad);
        assertThatThrownBy(() -> readCampaign(json)).isInstanceOf(FormatException.class)
                .hasMessageContaining("player id is not valid");
    }

    @Test
    void campaignLackingARequiredFieldNamesIt() {
        for (String field : List.of("gm_id", "player_role_id", "gm_role_id")) {
            JsonObject json = campaign();
            json.remove(field);
            assertThatThrownBy(() -> readCampaign(json)).as(field).isInstanceOf(FormatException.class)
                    .hasMessageContaining("campaign 2 lacks " + field);
        }
        JsonObject nameless = campaign();
        nameless.remove("name");
        assertThatThrownBy(() -> readCampaign(nameless)).isInstanceOf(FormatException.class)
                .hasMessageContaining("campaign 2 has no name");
    }

    @Test
    void campaignNameBreakingTodaysRulesIsKeptWithAWarning() throws Exception {
        JsonObject json = campaign();
        json.addProperty("name", "Discord Nights");
        json.addProperty("colour", "red");

        assertThat(readCampaign(json).name()).isEqualTo("Discord Nights");
        assertThat(warnings).containsExactly("$.1.2.colour: unknown field \"colour\" ignored",
                "$.1.2.name: breaks today's rules (kept as stored): " + message(() -> InputRules.name("Discord Nights",
                        "campaign name")));
    }

    private static String message(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void npcNeedsNameAndCreatorAndWarnsAboutItsName() throws Exception {
        Npc npc = RecordJson.readNpc(reader("{\"name\": \"Discord\", \"avatar_url\": \"\", \"creator_id\": \"7\"}"),
                GUILD, CHANNEL, NPC, loading);

        assertThat(npc).isEqualTo(new Npc(GUILD, CHANNEL, NPC, "Discord", Optional.empty(), UserId.of(7)));
        assertThat(warnings).singleElement().asString().startsWith("$.1.2.n1.name: breaks today's rules");
        assertThatThrownBy(() -> RecordJson.readNpc(reader("{\"creator_id\": \"7\"}"), GUILD, CHANNEL, NPC, loading))
                .isInstanceOf(FormatException.class).hasMessageContaining("npc n1 has no name");
        assertThatThrownBy(() -> RecordJson.readNpc(reader("{\"name\": \"Tom\"}"), GUILD, CHANNEL, NPC, loading))
                .isInstanceOf(FormatException.class).hasMessageContaining("npc n1 has no creator_id");
    }

    @Test
    void npcAvatarAndUnknownFieldsAreCheckedWhereTheyAre() throws Exception {
        RecordJson.readNpc(reader("{\"name\": \"Tom\", \"avatar_url\": \"ftp://x\", \"creator_id\": \"7\", \"hp\": 3}"),
                GUILD, CHANNEL, NPC, loading);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).isEqualTo("$.1.2.n1.hp: unknown field \"hp\" ignored");
        assertThat(warnings.get(1)).startsWith("$.1.2.n1.avatar_url: breaks today's rules");
    }

    @Test
    void loadingSharesEachIdWithinAGuildAndForgetsThemForTheNext() {
        UserId user = loading.user("42");
        ChannelId channel = loading.channel("43");
        RoleId role = loading.role("44");

        assertThat(loading.user("42")).isSameAs(user).isEqualTo(UserId.of(42));
        assertThat(loading.channel("43")).isSameAs(channel).isEqualTo(ChannelId.of(43));
        assertThat(loading.role("44")).isSameAs(role).isEqualTo(RoleId.of(44));
        assertThat(loading.guild("45")).isEqualTo(GuildId.of(45));

        loading.startGuild(GuildId.of(45));

        assertThat(loading.user("42")).isNotSameAs(user).isEqualTo(user);
        assertThat(loading.channel("43")).isNotSameAs(channel).isEqualTo(channel);
        assertThat(loading.role("44")).isNotSameAs(role).isEqualTo(role);
    }

    @Test
    void plainWarningsMakeIdsWithoutCaching() {
        RecordJson.Warnings plain = (where, what) -> { };

        assertThat(plain.npcId("n1")).isEqualTo(NPC);
        assertThat(plain.text("Aria")).isEqualTo("Aria");
        assertThat(plain.avatar("")).isEmpty();
        assertThat(plain.avatar("https://example.com/a.png")).hasValue("https://example.com/a.png");
        assertThat(plain.user("1")).isEqualTo(UserId.of(1));
        assertThat(plain.channel("2")).isEqualTo(ChannelId.of(2));
        assertThat(plain.role("3")).isEqualTo(RoleId.of(3));
        assertThat(plain.guild("4")).isEqualTo(GuildId.of(4));
        assertThat(plain.checksRules()).isTrue();
    }

    @Test
    void errorsNameThePathAndPosition() throws Exception {
        JsonReader in = reader("{\n  \"a\": [1,\n 2]}");
        in.beginObject();
        in.nextName();
        in.beginArray();
        in.nextInt();

        FormatException error = RecordJson.error(in, "bad value");

        assertThat(error).hasMessage("bad value at $.a[1] (line 2, column 10)");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(10);
        assertThat(RecordJson.position(in)).containsExactly(2, 10);
    }

    @Test
    void oneLineKeepsOnlyTheFirstLineOfAMessage() {
        assertThat(RecordJson.oneLine(new IllegalStateException("first line \nsee https://example.com")))
                .isEqualTo("first line");
        assertThat(RecordJson.oneLine(new IllegalStateException("  only  "))).isEqualTo("only");
        assertThat(RecordJson.oneLine(new IllegalStateException())).isEqualTo("malformed data");
        assertThat(RecordJson.oneLine(new IllegalStateException("Use JsonReader.setStrictness(Strictness.LENIENT) to "
                + "accept malformed JSON at line 1 column 8 path $.seq"))).isEqualTo("at line 1 column 8 path $.seq");
        assertThat(RecordJson.oneLine(new IllegalStateException("k".repeat(5_000))))
                .hasSizeLessThan(RecordJson.MAX_MESSAGE + 40).endsWith("(5000 characters)");
        assertThat(RecordJson.oneLine(new IllegalStateException("\nonly a second line"))).isEmpty();
    }

    @Test
    void writtenRecordsReadBackEqual() throws Exception {
        Campaign campaign = new Campaign(GUILD, CHANNEL, "Quest ✨", UserId.of(7), RoleId.of(8), RoleId.of(9),
                Optional.empty(), List.of(UserId.of(11)));
        java.io.StringWriter text = new java.io.StringWriter();
        com.google.gson.stream.JsonWriter out = new com.google.gson.stream.JsonWriter(text);
        RecordJson.writeCampaignFields(out, campaign);
        out.flush();

        assertThat(text.toString()).doesNotContain("webhook_id");
        assertThat(RecordJson.readCampaign(reader(text.toString()), GUILD, CHANNEL, loading)).isEqualTo(campaign);
        assertThat(warnings).isEmpty();
    }

    private static String written(RecordWriter write) throws Exception {
        StringWriter text = new StringWriter();
        try (com.google.gson.stream.JsonWriter out = new com.google.gson.stream.JsonWriter(text)) {
            write.to(out);
        }
        return text.toString();
    }

    private interface RecordWriter {
        void to(com.google.gson.stream.JsonWriter out) throws Exception;
    }

    @Test
    void recordsWithDefaultTagsAndSettingsAreWrittenWithoutTheNewFields() throws Exception {
        PlayerCharacter character = new PlayerCharacter(GUILD, USER, CHANNEL, "Aria", Optional.empty(), "d");
        Npc npc = new Npc(GUILD, CHANNEL, NPC, "Tom", Optional.empty(), UserId.of(7));
        Campaign campaign = readCampaign(campaign());

        assertThat(written(out -> RecordJson.writeCharacterFields(out, character)))
                .isEqualTo("{\"name\":\"Aria\",\"avatar_url\":\"\",\"description\":\"d\"}");
        assertThat(written(out -> RecordJson.writeNpcFields(out, npc)))
                .isEqualTo("{\"name\":\"Tom\",\"avatar_url\":\"\",\"creator_id\":\"7\"}");
        assertThat(written(out -> RecordJson.writeCampaignFields(out, campaign))).doesNotContain("settings");
    }

    @Test
    void proxyTagsAutoproxyAndSettingsAreWrittenWhenSetAndReadBack() throws Exception {
        List<ProxyTag> tags = List.of(ProxyTag.prefix("F:"), new ProxyTag("[", "]"), ProxyTag.suffix("\"\\\u00e9"));
        PlayerCharacter character = new PlayerCharacter(GUILD, USER, CHANNEL, "Aria", Optional.empty(), "", tags, true);
        Npc npc = new Npc(GUILD, CHANNEL, NPC, "Tom", Optional.empty(), UserId.of(7), List.of(ProxyTag.prefix("T:")));
        Campaign campaign = readCampaign(campaign()).withSettings(CampaignSettings.DEFAULT.withProxyTags(true));

        String characterJson = written(out -> RecordJson.writeCharacterFields(out, character));
        String npcJson = written(out -> RecordJson.writeNpcFields(out, npc));
        String campaignJson = written(out -> RecordJson.writeCampaignFields(out, campaign));

        assertThat(characterJson).endsWith(",\"proxy_tags\":[{\"prefix\":\"F:\",\"suffix\":\"\"},"
                + "{\"prefix\":\"[\",\"suffix\":\"]\"},{\"prefix\":\"\",\"suffix\":\"\\\"\\\\\u00e9\"}],"
                + "\"autoproxy\":true}");
        assertThat(npcJson).endsWith(",\"proxy_tags\":[{\"prefix\":\"T:\",\"suffix\":\"\"}]}");
        assertThat(campaignJson).endsWith(",\"settings\":{\"proxy_tags\":true}}");
        assertThat(readCharacter(characterJson)).isEqualTo(character);
        assertThat(RecordJson.readNpc(reader(npcJson), GUILD, CHANNEL, NPC, loading)).isEqualTo(npc);
        assertThat(RecordJson.readCampaign(reader(campaignJson), GUILD, CHANNEL, loading)).isEqualTo(campaign);
        assertThat(warnings).isEmpty();
    }

    @Test
    void proxyTagPartsMayBeNullOrMissingButATagWithNeitherIsDroppedWithAWarning() throws Exception {
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"proxy_tags\": [{\"prefix\": \"A:\","
                + " \"suffix\": null}, {\"suffix\": \"-a\"}, {\"prefix\": \"\", \"suffix\": null}]}");

        assertThat(read.proxyTags()).containsExactly(ProxyTag.prefix("A:"), ProxyTag.suffix("-a"));
        assertThat(warnings).containsExactly("$.1.3.2.proxy_tags[2]: proxy tag has neither prefix nor suffix; dropped");
    }

    @Test
    void proxyTagsBreakingTodaysRulesAreKeptWithAWarningAndWrongTypesAreFormatErrors() throws Exception {
        String longPrefix = "p".repeat(InputRules.MAX_PROXY_TAG_PART_LENGTH + 1);
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"proxy_tags\": [{\"prefix\": \"" + longPrefix
                + "\"}]}");

        assertThat(read.proxyTags()).containsExactly(ProxyTag.prefix(longPrefix));
        assertThat(warnings).singleElement().asString()
                .startsWith("$.1.3.2.proxy_tags: breaks today's rules (kept as stored): The proxy tag");
        assertThatThrownBy(() -> readCharacter("{\"name\": \"Aria\", \"proxy_tags\": \"F:\"}"))
                .isInstanceOf(FormatException.class).hasMessageContaining("proxy_tags must be a JSON array");
        assertThatThrownBy(() -> readCharacter("{\"name\": \"Aria\", \"autoproxy\": \"yes\"}"))
                .isInstanceOf(FormatException.class).hasMessageContaining("autoproxy must be true or false");
        JsonObject json = campaign();
        JsonObject settings = new JsonObject();
        settings.addProperty("players_may_log", true);
        settings.addProperty("dice", "d20");
        json.add("settings", settings);
        assertThat(readCampaign(json).settings()).isEqualTo(new CampaignSettings(false, true));
        assertThat(warnings).last().asString().isEqualTo("$.1.2.settings.dice: unknown field \"dice\" ignored");
    }

    @Test
    void falseSwitchesReadAsFalse() throws Exception {
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"proxy_tags\": [{\"prefix\": \"A:\"}],"
                + " \"autoproxy\": false}");
        JsonObject json = campaign();
        JsonObject settings = new JsonObject();
        settings.addProperty("proxy_tags", false);
        settings.addProperty("players_may_log", false);
        json.add("settings", settings);
        json.add("players", json.remove("players")); // fields after the settings object are still read

        assertThat(read.autoproxy()).isFalse();
        assertThat(readCampaign(json).settings()).isEqualTo(CampaignSettings.DEFAULT);
        assertThat(readCampaign(json).players()).containsExactly(UserId.of(11), UserId.of(12));
        settings.addProperty("proxy_tags", true);
        assertThat(readCampaign(json).settings()).isEqualTo(new CampaignSettings(true, false));
        assertThat(warnings).isEmpty();
    }

    @Test
    void npcProxyTagsBreakingTodaysRulesAreKeptWithAWarning() throws Exception {
        Npc npc = RecordJson.readNpc(reader("{\"name\": \"Tom\", \"creator_id\": \"7\", \"proxy_tags\": "
                + "[{\"prefix\": \"T:\"}, {\"prefix\": \"T:\", \"suffix\": \"\"}]}"), GUILD, CHANNEL, NPC, loading);

        assertThat(npc.proxyTags()).containsExactly(ProxyTag.prefix("T:"), ProxyTag.prefix("T:"));
        assertThat(warnings).containsExactly("$.1.2.n1.proxy_tags: breaks today's rules (kept as stored): "
                + message(() -> InputRules.proxyTags(npc.proxyTags())));
    }

    @Test
    void unknownFieldsOfAProxyTagAreSkippedWithAWarningNamingTheTag() throws Exception {
        PlayerCharacter read = readCharacter("{\"name\": \"Aria\", \"proxy_tags\": [{\"prefix\": \"A:\"},"
                + " {\"case\": {\"insensitive\": [true]}, \"suffix\": \"-a\"}], \"description\": \"d\"}");

        assertThat(read.proxyTags()).containsExactly(ProxyTag.prefix("A:"), ProxyTag.suffix("-a"));
        assertThat(read.description()).isEqualTo("d");
        assertThat(warnings).containsExactly("$.1.3.2.proxy_tags[1].case: unknown field \"case\" ignored");
    }

    // Gson's column is one past the first character of the offending value (past the whole value for a
    // number or literal), and lines and columns count from 1.

    @Test
    void anErrorBeforeAnythingIsReadIsAtLineOneColumnOne() {
        FormatException error = RecordJson.error(reader(""), "empty");

        assertThat(error).hasMessage("empty at $ (line 1, column 1)");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(1);
    }

    @Test
    void errorsGiveTheLineAndColumnOfTheOffendingValue() {
        assertThatThrownBy(() -> readCharacter("5")).isInstanceOf(FormatException.class)
                .hasMessage("character must be a JSON object, found NUMBER at $ (line 1, column 2)");
        assertThatThrownBy(() -> readCharacter("{\n  \"name\":\n    5\n}")).isInstanceOf(FormatException.class)
                .hasMessage("character name must be a JSON string, found NUMBER at $.name (line 3, column 6)");
        assertThatThrownBy(() -> readCharacter("{\"name\": \"Aria\", \"autoproxy\": \"yes\"}\n"))
                .isInstanceOf(FormatException.class)
                .hasMessage("autoproxy must be true or false, found STRING at $.autoproxy (line 1, column 32)");
        assertThatThrownBy(() -> readCharacter("{\"name\": \"Aria\",\n\"autoproxy\": null}"))
                .isInstanceOf(FormatException.class)
                .hasMessage("autoproxy must be true or false, found NULL at $.autoproxy (line 2, column 18)");
    }

    @Test
    void errorsOnAVeryLongLineGiveTheFullColumnButQuoteAShortPath() throws Exception {
        String key = "k".repeat(100);
        assertThatThrownBy(() -> readCharacter("{\"description\": \"" + "d".repeat(5000) + "\"}"))
                .isInstanceOf(FormatException.class)
                .hasMessage("character of user 3 in channel 2 has no name at $ (line 1, column 5020)");

        JsonReader in = reader("{\"" + key + "\": 5}");
        in.beginObject();
        in.nextName();
        FormatException error = RecordJson.error(in, "bad");

        assertThat(error).hasMessage("bad at $." + "k".repeat(78) + "… (102 characters) (line 1, column 104)");
        assertThat(error.column()).isEqualTo(104);
    }

    @Test
    void aKeyThatLooksLikeAPositionDoesNotChangeThePosition() throws Exception {
        JsonReader in = reader("{\"x at line 9 column 9 path $\": 5}");
        in.beginObject();
        in.nextName();

        assertThat(RecordJson.position(in)).containsExactly(1, 31);
        assertThat(RecordJson.error(in, "guild id is not valid"))
                .hasMessage("guild id is not valid at $.x at line 9 column 9 path $ (line 1, column 31)");
    }

    @Test
    void aReaderThatDoesNotTellItsPositionGivesAnErrorWithoutOne() {
        JsonReader in = new JsonReader(new StringReader("{}")) {
            @Override
            public String toString() {
                return "a reader";
            }
        };

        FormatException error = RecordJson.error(in, "bad");

        assertThat(error).hasMessage("bad at $");
        assertThat(error.line()).isEqualTo(-1);
        assertThat(error.column()).isEqualTo(-1);
    }

    @Test
    void errorMessagesAreQuotedWholeUpToTheLimitAndCutBeyondIt() {
        String limit = "m".repeat(RecordJson.MAX_MESSAGE);

        assertThat(RecordJson.error(reader(""), limit)).hasMessage(limit + " at $ (line 1, column 1)");
        assertThat(RecordJson.error(reader(""), limit + "m"))
                .hasMessage(limit + "… (" + (RecordJson.MAX_MESSAGE + 1) + " characters) at $ (line 1, column 1)");
        assertThatThrownBy(() -> readCharacter("{\"name\": \"Aria\", \"avatar_url\": 5, \"" + "z".repeat(400)
                + "\": 1}")).isInstanceOf(FormatException.class)
                .hasMessage("avatar_url must be a JSON string, found NUMBER at $.avatar_url (line 1, column 33)");
    }

    @Test
    void anExcerptIsTheTextItselfUpToTheLimitAndOtherwiseSaysHowLongTheTextIs() {
        assertThat(RecordJson.excerpt("", 5)).isEmpty();
        assertThat(RecordJson.excerpt("abcde", 5)).isEqualTo("abcde");
        assertThat(RecordJson.excerpt("abcdef", 5)).isEqualTo("abcde… (6 characters)");
        assertThat(RecordJson.excerpt("x".repeat(400), 300)).isEqualTo("x".repeat(300) + "… (400 characters)");
    }

    @Test
    void anExcerptNeverCutsACharacterInHalf() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String straddling = "abcd" + emoji + "fgh"; // the limit of 5 falls inside the emoji

        assertThat(RecordJson.excerpt(straddling, 5)).isEqualTo("abcd… (9 characters)");
        assertThat(RecordJson.excerpt(straddling, 6)).isEqualTo("abcd" + emoji + "… (9 characters)");
        assertThat(RecordJson.excerpt("abc" + emoji + emoji, 5)).isEqualTo("abc" + emoji + "… (7 characters)");
    }

    @Test
    void anExceptionWithoutAStackTraceIsABugNotDamage() {
        // the JVM drops the stack trace of an exception thrown often (OmitStackTraceInFastThrow)
        IllegalStateException bug = new IllegalStateException("a bug");
        bug.setStackTrace(new StackTraceElement[0]);
        IllegalStateException parser = new IllegalStateException("Expected a string");
        parser.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.google.gson.stream.JsonReader", "nextString", "JsonReader.java", 1)});

        assertThat(RecordJson.fromParser(bug)).isFalse();
        assertThatThrownBy(() -> RecordJson.rethrowBug(bug)).isSameAs(bug);
        assertThat(RecordJson.fromParser(parser)).isTrue();
    }
}
