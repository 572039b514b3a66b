package dev.campaignkeeper.persistence.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes the seed's record objects (campaign, character, NPC) with exactly the seed's
 * field names. Shared by the snapshot files, the journal and the export document.
 */
final class RecordJson {

    /**
     * Receives warnings about kept-but-questionable values (may be a no-op) and makes ids; a
     * loader's implementation caches ids so each distinct id exists once in memory.
     */
    interface Warnings {
        void warn(String location, String message);

        default UserId user(String text) {
            return UserId.of(text);
        }

        default ChannelId channel(String text) {
            return ChannelId.of(text);
        }

        default RoleId role(String text) {
            return RoleId.of(text);
        }

        default GuildId guild(String text) {
            return GuildId.of(text);
        }

        /** A loaded name or description; a loader may return an equal string read before. */
        default String text(String text) {
            return text;
        }

        /** A loaded avatar URL, empty for null or ""; a loader may return an equal one read before. */
        default Optional<String> avatar(String text) {
            return RecordJson.avatar(text);
        }

        /** A loaded NPC id; a loader may return an equal one read before. */
        default NpcId npcId(String text) {
            return NpcId.of(text);
        }

        /** Whether loaded values are checked against today's input rules. */
        default boolean checksRules() {
            return true;
        }

        Warnings NONE = new Warnings() {
            @Override
            public void warn(String location, String message) {
            }

            @Override
            public boolean checksRules() {
                return false;
            }
        };
    }

    /**
     * Warnings into a sink, with id caches that live for one guild at a time ({@link #startGuild}):
     * a guild's ids repeat within its own records (a channel for each of its characters, a GM as each
     * NPC's creator), so small per-guild maps share them without one huge map for the whole load.
     */
    static final class Loading implements Warnings {
        private final java.util.function.BiConsumer<String, String> sink;
        private final java.util.Map<String, UserId> users = new java.util.HashMap<>();
        private final java.util.Map<String, ChannelId> channels = new java.util.HashMap<>();
        private final java.util.Map<String, RoleId> roles = new java.util.HashMap<>();
        private final LoadInterner interner = new LoadInterner();
        private final SharedIds shared;
        /** The shared ids of the guild being read, with {@code shared}. */
        private SharedIds.Guild current;
        private final boolean rules;

        Loading(java.util.function.BiConsumer<String, String> sink) {
            this(sink, true);
        }

        Loading(java.util.function.BiConsumer<String, String> sink, boolean rules) {
            this(sink, rules, null);
        }

        /** With {@code shared} (may be null), ids are also shared with the other files of the same load. */
        Loading(java.util.function.BiConsumer<String, String> sink, boolean rules, SharedIds shared) {
            this.sink = sink;
            this.rules = rules;
            this.shared = shared;
        }

        @Override
        public GuildId guild(String text) {
            return shared == null ? GuildId.of(text) : shared.guild(text);
        }

        /**
         * Forgets the cached ids: the next records belong to {@code guild}. With shared ids, leaves
         * the previous guild's and takes this one's.
         */
        void startGuild(GuildId guild) {
            users.clear();
            channels.clear();
            roles.clear();
            if (shared != null) {
                if (current != null) {
                    shared.leave(current);
                }
                current = shared.enter(guild);
            }
        }

        /** The file has been read: leaves the last guild's shared ids. */
        void finish() {
            if (current != null) {
                shared.leave(current);
                current = null;
            }
        }

        @Override
        public boolean checksRules() {
            return rules;
        }

        @Override
        public void warn(String location, String message) {
            sink.accept(location, message);
        }

        @Override
        public String text(String text) {
            return interner.text(text);
        }

        @Override
        public Optional<String> avatar(String text) {
            return text == null || text.isEmpty() ? Optional.empty() : interner.avatar(text);
        }

        @Override
        public NpcId npcId(String text) {
            return interner.npcId(text);
        }

        @Override
        public UserId user(String text) {
            UserId id = users.get(text);
            if (id == null) {
                id = current == null ? UserId.of(text) : current.user(UserId.of(text));
                users.put(text, id);
            }
            return id;
        }

        @Override
        public ChannelId channel(String text) {
            ChannelId id = channels.get(text);
            if (id == null) {
                id = current == null ? ChannelId.of(text) : current.channel(ChannelId.of(text));
                channels.put(text, id);
            }
            return id;
        }

        @Override
        public RoleId role(String text) {
            RoleId id = roles.get(text);
            if (id == null) {
                id = RoleId.of(text);
                roles.put(text, id);
            }
            return id;
        }
    }

    private RecordJson() {
    }

    // ---- writing ----

    static void writeCampaignFields(JsonWriter out, Campaign campaign) throws IOException {
        out.beginObject();
        out.name("name").value(campaign.name());
        out.name("gm_id").value(campaign.gm().value());
        out.name("player_role_id").value(campaign.playerRole().value());
        out.name("gm_role_id").value(campaign.gmRole().value());
        if (campaign.webhook().isPresent()) {
            out.name("webhook_id").value(campaign.webhook().get().value());
        }
        out.name("players").beginArray();
        for (UserId player : campaign.players()) {
            out.value(player.value());
        }
        out.endArray();
        CampaignSettings settings = campaign.settings();
        if (!settings.isDefault()) { // absent means every switch off, so older files stay as they were
            out.name("settings").beginObject();
            if (settings.proxyTags()) {
                out.name("proxy_tags").value(true);
            }
            if (settings.playersMayLog()) {
                out.name("players_may_log").value(true);
            }
            out.endObject();
        }
        out.endObject();
    }

    static void writeCharacterFields(JsonWriter out, PlayerCharacter character) throws IOException {
        out.beginObject();
        out.name("name").value(character.name());
        out.name("avatar_url").value(character.avatarUrl().orElse(""));
        out.name("description").value(character.description());
        writeProxyTags(out, character.proxyTags());
        if (character.autoproxy()) {
            out.name("autoproxy").value(true);
        }
        out.endObject();
    }

    static void writeNpcFields(JsonWriter out, Npc npc) throws IOException {
        out.beginObject();
        out.name("name").value(npc.name());
        out.name("avatar_url").value(npc.avatarUrl().orElse(""));
        out.name("creator_id").value(npc.creator().value());
        writeProxyTags(out, npc.proxyTags());
        out.endObject();
    }

    /** {@code "proxy_tags":[{"prefix":…,"suffix":…}]}, left out when there are none. */
    private static void writeProxyTags(JsonWriter out, List<ProxyTag> tags) throws IOException {
        if (tags.isEmpty()) {
            return;
        }
        out.name("proxy_tags").beginArray();
        for (ProxyTag tag : tags) {
            out.beginObject();
            out.name("prefix").value(tag.prefix());
            out.name("suffix").value(tag.suffix());
            out.endObject();
        }
        out.endArray();
    }

    // ---- reading ----

    /**
     * A parser failure's message on one line: Gson appends a troubleshooting link on a new line,
     * which would break the one-line errors admins read.
     */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "malformed data" : failure.getMessage();
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).strip();
        // Gson's advice to the programmer is no use to an admin reading a damaged file
        line = GSON_ADVICE.matcher(line).replaceAll("").strip();
        return excerpt(line, MAX_MESSAGE);
    }

    private static final java.util.regex.Pattern GSON_ADVICE = java.util.regex.Pattern.compile(
            "Use JsonReader\\.setStrictness\\([^)]*\\) to accept malformed JSON ?|"
                    + "Use JsonReader\\.setLenient\\(true\\) to accept malformed JSON ?");

    /** How long a quoted message or value may get in an error (a 50 MB key must not become the message). */
    static final int MAX_MESSAGE = 300;

    /**
     * At most {@code max} characters of a text, with how long it really is when cut: for quoting file
     * content in messages.
     */
    static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "… (" + text.length() + " characters)";
    }

    /**
     * Whether a runtime exception came from the JSON parser (a malformed or mis-shaped file), as
     * opposed to a bug in this code: only the former may mark a file damaged. Gson reports a value of
     * the wrong type with IllegalStateException and a bad number with NumberFormatException.
     */
    static boolean fromParser(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(4, trace.length); i++) {
            if (trace[i].getClassName().startsWith("com.google.gson.")) {
                return true;
            }
        }
        return false;
    }

    /** Rethrows a runtime exception that is a bug (not the parser's) so it never reads as damage. */
    static void rethrowBug(RuntimeException e) {
        if (!fromParser(e)) {
            throw e;
        }
    }

    static FormatException error(JsonReader in, String message) {
        long[] position = position(in);
        return new FormatException(excerpt(message, MAX_MESSAGE) + " at " + excerpt(in.getPath(), 80)
                + (position[0] > 0 ? " (line " + position[0] + ", column " + position[1] + ")" : ""),
                position[0], position[1], null);
    }

    /**
     * Line and column of the reader ({-1, -1} when unknown), parsed from its description (Gson exposes
     * no getter): "JsonReader at line L column C path P". The first match is the reader's own, so a
     * key in the path that looks like a position changes nothing.
     */
    static long[] position(JsonReader in) {
        java.util.regex.Matcher location = LOCATION.matcher(in.toString());
        return location.find() ? new long[] {Long.parseLong(location.group(1)), Long.parseLong(location.group(2))}
                : new long[] {-1, -1};
    }

    private static final java.util.regex.Pattern LOCATION =
            java.util.regex.Pattern.compile(" at line (\\d{1,18}) column (\\d{1,18})");

    static <T> T id(JsonReader in, String text, String what, Function<String, T> parse) throws FormatException {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw error(in, what + " is not valid: " + e.getMessage());
        }
    }

    static String string(JsonReader in, String what) throws IOException, FormatException {
        if (in.peek() != JsonToken.STRING) {
            throw error(in, what + " must be a JSON string, found " + in.peek());
        }
        return in.nextString();
    }

    /** A string that may be null or missing: returns null for JSON null. */
    static String optionalString(JsonReader in, String what) throws IOException, FormatException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return string(in, what);
    }

    static void expectObject(JsonReader in, String what) throws IOException, FormatException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            throw error(in, what + " must be a JSON object, found " + in.peek());
        }
        in.beginObject();
    }

    static Campaign readCampaign(JsonReader in, GuildId guild, ChannelId channel, Warnings warnings)
            throws IOException, FormatException {
        java.util.function.Supplier<String> base = () -> "$." + guild + "." + channel;
        expectObject(in, "campaign");
        String name = null;
        UserId gm = null;
        RoleId playerRole = null;
        RoleId gmRole = null;
        Optional<WebhookId> webhook = Optional.empty();
        List<UserId> players = null;
        CampaignSettings settings = CampaignSettings.DEFAULT;
        boolean sawName = false;
        while (in.hasNext()) {
            String field = in.nextName();
            switch (field) {
                case "name" -> {
                    name = warnings.text(string(in, "campaign name"));
                    sawName = true;
                }
                case "gm_id" -> gm = id(in, string(in, "gm_id"), "gm_id", warnings::user);
                case "player_role_id" -> playerRole = id(in, string(in, "player_role_id"), "player_role_id", warnings::role);
                case "gm_role_id" -> gmRole = id(in, string(in, "gm_role_id"), "gm_role_id", warnings::role);
                case "webhook_id" -> {
                    String text = optionalString(in, "webhook_id");
                    if (text == null || text.isEmpty()) {
                        webhook = Optional.empty();
                    } else {
                        webhook = Optional.of(id(in, text, "webhook_id", WebhookId::of));
                    }
                }
                case "players" -> {
                    if (in.peek() != JsonToken.BEGIN_ARRAY) {
                        throw error(in, "players must be a JSON array, found " + in.peek());
                    }
                    in.beginArray();
                    LinkedHashSet<UserId> unique = new LinkedHashSet<>();
                    while (in.hasNext()) {
                        UserId player = id(in, string(in, "player id"), "player id", warnings::user);
                        if (!unique.add(player)) {
                            warnings.warn(base.get() + ".players", "player " + player
                                    + " is listed more than once; kept once");
                        }
                    }
                    in.endArray();
                    players = new ArrayList<>(unique);
                }
                case "settings" -> settings = readSettings(in, base, warnings);
                default -> {
                    warnings.warn(base.get() + "." + field, "unknown field \"" + field + "\" ignored");
                    in.skipValue();
                }
            }
        }
        in.endObject();
        if (!sawName) {
            throw error(in, "campaign " + channel + " has no name");
        }
        if (gm == null || playerRole == null || gmRole == null) {
            throw error(in, "campaign " + channel + " lacks " + (gm == null ? "gm_id"
                    : playerRole == null ? "player_role_id" : "gm_role_id"));
        }
        if (players == null) {
            warnings.warn(base.get(), "campaign has no players list; read as empty");
            players = List.of();
        }
        checkName(warnings, base, ".name", name, "campaign name");
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, webhook, players, settings);
    }

    static PlayerCharacter readCharacter(JsonReader in, GuildId guild, UserId user, ChannelId channel,
                                         Warnings warnings) throws IOException, FormatException {
        java.util.function.Supplier<String> base = () -> "$." + guild + "." + user + "." + channel;
        expectObject(in, "character");
        String name = null;
        Optional<String> avatar = Optional.empty();
        String description = "";
        List<ProxyTag> tags = List.of();
        boolean autoproxy = false;
        while (in.hasNext()) {
            String field = in.nextName();
            switch (field) {
                case "name" -> name = warnings.text(string(in, "character name"));
                case "avatar_url" -> avatar = warnings.avatar(optionalString(in, "avatar_url"));
                case "description" -> {
                    String text = optionalString(in, "description");
                    description = text == null ? "" : warnings.text(text);
                }
                case "proxy_tags" -> tags = readProxyTags(in, base, warnings);
                case "autoproxy" -> autoproxy = bool(in, "autoproxy");
                default -> {
                    warnings.warn(base.get() + "." + field, "unknown field \"" + field + "\" ignored");
                    in.skipValue();
                }
            }
        }
        in.endObject();
        if (name == null) {
            throw error(in, "character of user " + user + " in channel " + channel + " has no name");
        }
        checkName(warnings, base, ".name", name, "character name");
        checkAvatar(warnings, base, avatar);
        checkDescription(warnings, base, description);
        checkProxyTags(warnings, base, tags);
        return new PlayerCharacter(guild, user, channel, name, avatar, description, tags, autoproxy);
    }

    static Npc readNpc(JsonReader in, GuildId guild, ChannelId channel, NpcId id, Warnings warnings)
            throws IOException, FormatException {
        java.util.function.Supplier<String> base = () -> "$." + guild + "." + channel + "." + id;
        expectObject(in, "npc");
        String name = null;
        Optional<String> avatar = Optional.empty();
        UserId creator = null;
        List<ProxyTag> tags = List.of();
        while (in.hasNext()) {
            String field = in.nextName();
            switch (field) {
                case "name" -> name = warnings.text(string(in, "npc name"));
                case "avatar_url" -> avatar = warnings.avatar(optionalString(in, "avatar_url"));
                case "creator_id" -> creator = id(in, string(in, "creator_id"), "creator_id", warnings::user);
                case "proxy_tags" -> tags = readProxyTags(in, base, warnings);
                default -> {
                    warnings.warn(base.get() + "." + field, "unknown field \"" + field + "\" ignored");
                    in.skipValue();
                }
            }
        }
        in.endObject();
        if (name == null) {
            throw error(in, "npc " + id + " has no name");
        }
        if (creator == null) {
            throw error(in, "npc " + id + " has no creator_id");
        }
        checkName(warnings, base, ".name", name, "NPC name");
        checkAvatar(warnings, base, avatar);
        checkProxyTags(warnings, base, tags);
        return new Npc(guild, channel, id, name, avatar, creator, tags);
    }

    static boolean bool(JsonReader in, String what) throws IOException, FormatException {
        if (in.peek() != JsonToken.BOOLEAN) {
            throw error(in, what + " must be true or false, found " + in.peek());
        }
        return in.nextBoolean();
    }

    /** A campaign's {@code settings} object; a missing switch is off. */
    private static CampaignSettings readSettings(JsonReader in, java.util.function.Supplier<String> base,
                                                 Warnings warnings) throws IOException, FormatException {
        expectObject(in, "settings");
        boolean proxyTags = false;
        boolean playersMayLog = false;
        while (in.hasNext()) {
            String field = in.nextName();
            switch (field) {
                case "proxy_tags" -> proxyTags = bool(in, "settings.proxy_tags");
                case "players_may_log" -> playersMayLog = bool(in, "settings.players_may_log");
                default -> {
                    warnings.warn(base.get() + ".settings." + field, "unknown field \"" + field + "\" ignored");
                    in.skipValue();
                }
            }
        }
        in.endObject();
        return new CampaignSettings(proxyTags, playersMayLog);
    }

    /**
     * A {@code proxy_tags} array of {@code {"prefix":…,"suffix":…}} objects (a missing or null part is
     * empty); a tag with neither part is dropped with a warning.
     */
    private static List<ProxyTag> readProxyTags(JsonReader in, java.util.function.Supplier<String> base,
                                                Warnings warnings) throws IOException, FormatException {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            throw error(in, "proxy_tags must be a JSON array, found " + in.peek());
        }
        in.beginArray();
        List<ProxyTag> tags = new ArrayList<>();
        int index = 0;
        while (in.hasNext()) {
            expectObject(in, "proxy tag");
            String prefix = "";
            String suffix = "";
            while (in.hasNext()) {
                String field = in.nextName();
                switch (field) {
                    case "prefix" -> prefix = orEmpty(optionalString(in, "proxy tag prefix"));
                    case "suffix" -> suffix = orEmpty(optionalString(in, "proxy tag suffix"));
                    default -> {
                        warnings.warn(base.get() + ".proxy_tags[" + index + "]." + field,
                                "unknown field \"" + field + "\" ignored");
                        in.skipValue();
                    }
                }
            }
            in.endObject();
            if (prefix.isEmpty() && suffix.isEmpty()) {
                warnings.warn(base.get() + ".proxy_tags[" + index + "]", "proxy tag has neither prefix nor suffix;"
                        + " dropped");
            } else {
                tags.add(new ProxyTag(prefix, suffix));
            }
            index++;
        }
        in.endArray();
        return tags;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static Optional<String> avatar(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    // ---- today's rules, checked cheaply on load ----

    static void checkName(Warnings warnings, java.util.function.Supplier<String> base, String field, String name,
                          String what) {
        if (!warnings.checksRules() || simpleName(name)) {
            return;
        }
        try {
            InputRules.name(name, what);
        } catch (InvalidInputException e) {
            warnings.warn(base.get() + field, "breaks today's rules (kept as stored): " + e.getMessage());
        }
    }

    static void checkAvatar(Warnings warnings, java.util.function.Supplier<String> base, Optional<String> avatar) {
        if (!warnings.checksRules() || avatar.isEmpty() || simpleUrl(avatar.get())) {
            return;
        }
        try {
            InputRules.avatarUrl(avatar.get());
        } catch (InvalidInputException e) {
            warnings.warn(base.get() + ".avatar_url", "breaks today's rules (kept as stored): " + e.getMessage());
        }
    }

    static void checkDescription(Warnings warnings, java.util.function.Supplier<String> base, String description) {
        if (!warnings.checksRules() || fitsAfterCleaning(description)) {
            return;
        }
        try {
            InputRules.description(description);
        } catch (InvalidInputException e) {
            warnings.warn(base.get() + ".description", "breaks today's rules (kept as stored): " + e.getMessage());
        }
    }

    /**
     * Fast path: whether a description is short enough however it is cleaned. Cleaning never makes a
     * text longer except by NFC, which turns some characters into up to three ("\uFB2C"), so a
     * description is short enough when even three times its length fits, or when it fits and is NFC.
     */
    private static boolean fitsAfterCleaning(String description) {
        int length = description.length();
        return length <= InputRules.MAX_DESCRIPTION_LENGTH / 3 || length <= InputRules.MAX_DESCRIPTION_LENGTH
                && java.text.Normalizer.isNormalized(description, java.text.Normalizer.Form.NFC);
    }

    static void checkProxyTags(Warnings warnings, java.util.function.Supplier<String> base, List<ProxyTag> tags) {
        if (!warnings.checksRules() || tags.isEmpty()) {
            return;
        }
        try {
            InputRules.proxyTags(tags);
        } catch (InvalidInputException e) {
            warnings.warn(base.get() + ".proxy_tags", "breaks today's rules (kept as stored): " + e.getMessage());
        }
    }

    /**
     * Fast path: 1 to 80 printable ASCII characters, not only spaces, without a forbidden word. How the
     * spaces are laid out does not matter: cleaning trims and collapses them, which never makes such a
     * name break a rule.
     */
    private static boolean simpleName(String name) {
        int n = name.length();
        if (n > InputRules.MAX_NAME_LENGTH) {
            return false;
        }
        boolean visible = false;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
            if (c != ' ') {
                visible = true;
            }
        }
        if (!visible) {
            return false;
        }
        for (String word : InputRules.FORBIDDEN_IN_NAMES) {
            if (containsIgnoreCase(name, word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} (printable ASCII) contains the lower-case ASCII {@code word}, ignoring case. */
    private static boolean containsIgnoreCase(String text, String word) {
        char first = word.charAt(0);
        char upper = Character.toUpperCase(first); // the only other ASCII character that matches it
        int last = text.length() - word.length();
        for (int at = 0; at <= last; at++) {
            // compare whole regions only where the first letter fits (names are checked by the million on load)
            char c = text.charAt(at);
            if ((c == first || c == upper) && text.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fast path: {@code http(s)://host} or {@code http(s)://host/path} with a plain host name and a path
     * of unreserved URL characters ({@link #simpleHost}).
     */
    private static boolean simpleUrl(String url) {
        int start;
        if (url.startsWith("https://")) {
            start = 8;
        } else if (url.startsWith("http://")) {
            start = 7;
        } else {
            return false;
        }
        if (url.length() > InputRules.MAX_URL_LENGTH) {
            return false;
        }
        int slash = url.indexOf('/', start);
        int hostEnd = slash < 0 ? url.length() : slash;
        if (!simpleHost(url, start, hostEnd)) {
            return false;
        }
        for (int i = hostEnd; i < url.length(); i++) {
            char c = url.charAt(i);
            if (!(letterOrDigit(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code url[from, to)} is a host name that {@link java.net.URI} and {@link java.net.IDN}
     * accept as one: labels of 1 to 63 letters, digits and inner hyphens, separated by single dots, the
     * last starting with a letter when there are several. Anything else ("a..b", "-a", "a.123", a
     * 64-character label, a trailing dot) is left to the full check.
     */
    private static boolean simpleHost(String url, int from, int to) {
        int label = from;
        for (int i = from; i <= to; i++) {
            if (i < to && url.charAt(i) != '.') {
                char c = url.charAt(i);
                if (!(letterOrDigit(c) || c == '-')) {
                    return false;
                }
                continue;
            }
            int length = i - label;
            if (length == 0 || length > MAX_HOST_LABEL || url.charAt(label) == '-' || url.charAt(i - 1) == '-') {
                return false;
            }
            if (i == to && label > from && !letter(url.charAt(label))) {
                return false; // URI reads "a.123" as no host at all
            }
            label = i + 1;
        }
        return true;
    }

    /** Longest label of a host name (IDN refuses longer ones). */
    private static final int MAX_HOST_LABEL = 63;

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean letterOrDigit(char c) {
        return letter(c) || (c >= '0' && c <= '9');
    }
}
