package dev.campaignkeeper.core.rules;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.ProxyTag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

    // ---- cleaning ----

    @Test
    void removesZeroWidthAndOtherInvisibleCharacters() {
        assertThat(InputRules.clean("Ga\u200Bnd\u200Ca\u200Dl\u2060f\uFEFF\u00AD\u2800\u3164", false))
                .isEqualTo("Gandalf");
    }

    @Test
    void keepsJoinersInsideEmojiSequences() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
        String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"; // 🏳️‍🌈
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"; // 👩🏽‍💻

        assertThat(InputRules.name(family + " " + rainbowFlag, "name")).isEqualTo(family + " " + rainbowFlag);
        assertThat(InputRules.clean(coder, false)).isEqualTo(coder);
        assertThat(InputRules.description("We are " + family + "\n" + rainbowFlag)).contains(family, rainbowFlag);
    }

    @Test
    void keepsTheNonJoinerInsidePersianWords() {
        String word = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // می‌خواهم

        assertThat(InputRules.name(word, "character name")).isEqualTo(word);
    }

    @Test
    void dropsJoinersAtWordEdgesAndBetweenAsciiLetters() {
        assertThat(InputRules.clean("\u200D\uD83D\uDC68 \u200DTom\u200C", false)).isEqualTo("\uD83D\uDC68 Tom");
        assertThat(InputRules.clean("\u0645\u200C \u062E", false)).isEqualTo("\u0645 \u062E");
        assertThat(InputRules.clean("Ga\u200Dnd\u200Calf", false)).isEqualTo("Gandalf");
    }

    @Test
    void aJoinerDoesNotHideAForbiddenWord() {
        assertThatThrownBy(() -> InputRules.name("Dis\u200Dcord", "name")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> InputRules.name("\u00C9 cl\u200Cyde", "name"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void removesControlCharacters() {
        assertThat(InputRules.clean("Gan\u0000dal\u0007f\u001B\u007F\u009F", false)).isEqualTo("Gandalf");
    }

    @Test
    void removesBidiOverrides() {
        assertThat(InputRules.clean("\u202Eevil\u202C \u2066name\u2069", false)).isEqualTo("evil name");
    }

    @Test
    void collapsesWhitespaceAndTrims() {
        assertThat(InputRules.clean("  The \t Grey \u00A0\u2003  Wizard  ", false)).isEqualTo("The Grey Wizard");
    }

    @Test
    void turnsNewlinesIntoSpacesOutsideDescriptions() {
        assertThat(InputRules.name("Line\nTwo\r\nThree", "name")).isEqualTo("Line Two Three");
    }

    @Test
    void normalisesToNfc() {
        String decomposed = "Cafe\u0301";

        assertThat(InputRules.name(decomposed, "name")).isEqualTo("Caf\u00E9");
    }

    @Test
    void normalisesToNfcAfterRemovingAnInvisibleCharacterBetweenLetterAndAccent() {
        assertThat(InputRules.clean("Cafe\u200B\u0301", false)).isEqualTo("Caf\u00E9");
    }

    @Test
    void nullCleansToEmpty() {
        assertThat(InputRules.clean(null, true)).isEmpty();
    }

    // ---- names ----

    @Test
    void acceptsNameOf80Characters() {
        String name = "a".repeat(80);

        assertThat(InputRules.name(name, "character name")).isEqualTo(name);
    }

    @Test
    void rejects81CharacterNameSayingHowLongItMayBe() {
        assertThatThrownBy(() -> InputRules.name("a".repeat(81), "character name"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("character name")
                .hasMessageContaining("81")
                .hasMessageContaining("80 or fewer");
    }

    @Test
    void countsNameLengthInCodePointsNotUtf16Units() {
        String eighty = "\uD83D\uDC09".repeat(80); // 80 dragons, 160 UTF-16 units

        assertThat(InputRules.name(eighty, "name")).isEqualTo(eighty);
        assertThatThrownBy(() -> InputRules.name(eighty + "\uD83D\uDC09", "name"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void countsLengthAfterCleaning() {
        String padded = "  " + "a".repeat(80) + "\u200B\u200B  ";

        assertThat(InputRules.name(padded, "name")).hasSize(80);
    }

    @Test
    void rejectsEmptyAndInvisibleOnlyNames() {
        assertThatThrownBy(() -> InputRules.name("  \u200B\t ", "NPC name"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NPC name is empty");
        assertThatThrownBy(() -> InputRules.name(null, "NPC name")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Discord", "discord", "DISCORD Bot", "MyDiScOrDName", "clyde", "CLYDE", "Clyde's Inn",
            "Dis\u200Bcord", "Cly\u0000de", "xdiscordx"})
    void rejectsDiscordAndClydeInAnyCase(String name) {
        assertThatThrownBy(() -> InputRules.name(name, "character name"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("may not contain")
                .hasMessageContaining("Choose another name")
                .satisfies(code(ReasonCode.NAME_HAS_FORBIDDEN_WORD, "what", "character name",
                        "word", name.toLowerCase(java.util.Locale.ROOT).contains("cly") ? "clyde" : "discord"));
    }

    @Test
    void acceptsNamesThatMerelyResembleForbiddenWords() {
        assertThat(InputRules.name("Disc Order", "name")).isEqualTo("Disc Order");
        assertThat(InputRules.name("Clyd", "name")).isEqualTo("Clyd");
    }

    // ---- descriptions ----

    @Test
    void descriptionKeepsNewlinesButAtMostOneBlankLine() {
        assertThat(InputRules.description("First  line \r\n\r\n\r\n\n  Second\u200B line\n\n"))
                .isEqualTo("First line\n\nSecond line");
    }

    @Test
    void descriptionMayBeEmpty() {
        assertThat(InputRules.description("  ")).isEmpty();
        assertThat(InputRules.description(null)).isEmpty();
    }

    @Test
    void descriptionOf1000IsAcceptedAnd1001Rejected() {
        assertThat(InputRules.description("d".repeat(1000))).hasSize(1000);
        assertThatThrownBy(() -> InputRules.description("d".repeat(1001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1000 or fewer");
    }

    @Test
    void descriptionRemovesControlCharactersButKeepsNewlines() {
        assertThat(InputRules.description("a\u0000b\nc\u0007")).isEqualTo("ab\nc");
    }

    // ---- spoken text ----

    @Test
    void spokenTextOf4000IsAcceptedAnd4001Rejected() {
        assertThat(InputRules.spokenText("x".repeat(4000))).hasSize(4000);
        assertThatThrownBy(() -> InputRules.spokenText("x".repeat(4001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4001")
                .hasMessageContaining("Split it");
    }

    @Test
    void emptySpokenTextIsRejected() {
        assertThatThrownBy(() -> InputRules.spokenText(" \u200B\n\t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void spokenTextKeepsNewlines() {
        assertThat(InputRules.spokenText("Hello\nthere")).isEqualTo("Hello\nthere");
    }

    @Test
    void spokenTextKeepsIndentationRunsOfSpacesTabsAndBlankLinesOfACodeBlock() {
        String code = "```py\ndef roll():\n    if crit:\n\t\treturn  20\n\n\n    return 1\n```";
        assertThat(InputRules.spokenText(code)).isEqualTo(code);
        String map = "+---+---+\n| @ |   |\n+---+---+";
        assertThat(InputRules.spokenText(map)).isEqualTo(map);
    }

    @Test
    void spokenTextDropsInvisibleAndControlCharactersAndTheOuterWhitespaceButNotTheLayout() {
        assertThat(InputRules.spokenText("  \n Hi\u200B  there\u0007\r\n  you\u2028end \n\t "))
                .isEqualTo("Hi  there\n  you\nend");
        assertThat(InputRules.spokenText("a\u000Bb\u000Cc")).isEqualTo("abc");
    }

    @Test
    void keepLayoutKeepsEmojiJoinersAndNormalises() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(InputRules.keepLayout("  " + family + "  x")).isEqualTo(family + "  x");
        assertThat(InputRules.keepLayout("e\u0301")).isEqualTo("\u00E9");
        assertThat(InputRules.keepLayout("a\u200Db")).isEqualTo("ab");
    }

    // ---- images ----

    @Test
    void imagesAreRecognisedByTheirContent() {
        assertThat(InputRules.imageType("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1})).isEqualTo("image/png");
        assertThat(InputRules.imageType("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isEqualTo("image/jpeg");
        assertThat(InputRules.imageType("a", "GIF89a".getBytes())).isEqualTo("image/gif");
        assertThat(InputRules.imageType("a", "RIFF0000WEBPVP8 ".getBytes())).isEqualTo("image/webp");
    }

    @Test
    void otherFilesAndHugeImagesAreRefusedClearly() {
        assertThatThrownBy(() -> InputRules.imageType("evil.png", "<svg onload=x>".getBytes()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("evil.png").hasMessageContaining("not a PNG, JPEG, GIF or WebP");
        assertThatThrownBy(() -> InputRules.imageSize("big.png", 9L * 1024 * 1024))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("9 MB").hasMessageContaining("up to 8 MB");
    }

    // ---- avatar URLs ----

    @Test
    void acceptsHttpAndHttpsUrlsWithHost() {
        assertThat(InputRules.avatarUrl("https://example.com/a.png")).contains("https://example.com/a.png");
        assertThat(InputRules.avatarUrl(" HTTP://cdn.example.org:8080/x/y.gif?size=64 "))
                .contains("HTTP://cdn.example.org:8080/x/y.gif?size=64");
    }

    @Test
    void acceptsInternationalisedDomainNames() {
        assertThat(InputRules.avatarUrl("https://例え.jp/x.png")).contains("https://例え.jp/x.png");
        assertThat(InputRules.avatarUrl("https://bücher.example/ä.png")).contains("https://bücher.example/ä.png");
        assertThat(InputRules.avatarUrl("https://xn--r8jz45g.jp/x.png")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@example.com/a.png", "https://user@example.com/a.png",
            "https://example.com@evil.example/a.png", "https://例え:pw@例え.jp/x.png"})
    void refusesUrlsWithAUserNameOrPassword(String url) {
        assertThatThrownBy(() -> InputRules.avatarUrl(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("user name or password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com:0/a.png", "https://example.com:65536/a.png",
            "https://example.com:99999999999/a.png", "https://example.com:abc/a.png", "https://例え.jp:70000/x.png"})
    void refusesInvalidPorts(String url) {
        assertThatThrownBy(() -> InputRules.avatarUrl(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid port");
    }

    @Test
    void acceptsValidPorts() {
        assertThat(InputRules.avatarUrl("https://example.com:1/a.png")).isPresent();
        assertThat(InputRules.avatarUrl("https://example.com:65535/a.png")).isPresent();
        assertThat(InputRules.avatarUrl("http://[::1]:8080/a.png")).isPresent();
    }

    @Test
    void blankUrlMeansNoAvatar() {
        assertThat(InputRules.avatarUrl("   ")).isEqualTo(Optional.empty());
        assertThat(InputRules.avatarUrl(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)",
            "data:image/png;base64,iVBORw0KGgo=", "ftp://example.com/a.png", "file:///etc/passwd"})
    void rejectsUrlsThatAreNotHttp(String url) {
        assertThatThrownBy(() -> InputRules.avatarUrl(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http:// or https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:///avatar.png", "https://", "http:"})
    void rejectsUrlsWithoutHost(String url) {
        assertThatThrownBy(() -> InputRules.avatarUrl(url)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsUrlWithoutHostSayingSo() {
        assertThatThrownBy(() -> InputRules.avatarUrl("https:///avatar.png"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/a.png", "//example.com/a.png", "/a.png", "https://exa mple.com/a.png",
            "https://example.com/<script>"})
    void rejectsRelativeOrMalformedUrls(String url) {
        assertThatThrownBy(() -> InputRules.avatarUrl(url)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsUrlLongerThan2048() {
        String base = "https://example.com/";
        String ok = base + "a".repeat(2048 - base.length());

        assertThat(InputRules.avatarUrl(ok)).contains(ok);
        assertThatThrownBy(() -> InputRules.avatarUrl(ok + "a"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2048");
    }

    @Test
    void rejectionMessageQuotesAtMostAShortPieceOfTheUrl() {
        String relative = "a".repeat(2000) + ".png";

        assertThatThrownBy(() -> InputRules.avatarUrl(relative))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void crLfIsOneLineBreak() {
        assertThat(InputRules.description("first\r\nsecond")).isEqualTo("first\nsecond");
        assertThat(InputRules.description("first\rsecond")).isEqualTo("first\nsecond");
    }

    @Test
    void carriageReturnAtTheVeryEndIsDropped() {
        assertThat(InputRules.clean("last line\r", true)).isEqualTo("last line");
        assertThat(InputRules.clean("last line\r", false)).isEqualTo("last line");
    }

    @Test
    void leadingLineBreaksAreDropped() {
        assertThat(InputRules.clean("\n\nHello", true)).isEqualTo("Hello");
        assertThat(InputRules.clean("\nHello", false)).isEqualTo("Hello");
    }

    @Test
    void spacesBeforeALineBreakAreDropped() {
        assertThat(InputRules.clean("Hello   \nthere", true)).isEqualTo("Hello\nthere");
        assertThat(InputRules.clean("Hello \u00A0\n\n\n\nthere", true)).isEqualTo("Hello\n\nthere");
    }

    @Test
    void rejectedUrlSchemeIsQuotedWholeUpTo60CharactersAndShortenedBeyond() {
        String sixty = "x".repeat(60);
        String sixtyOne = "y".repeat(61);

        assertThatThrownBy(() -> InputRules.avatarUrl(sixty + ":rest"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"" + sixty + ":\"");
        assertThatThrownBy(() -> InputRules.avatarUrl(sixtyOne + ":rest"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"" + "y".repeat(60) + "...:\"")
                .hasMessageNotContaining(sixtyOne);
    }

    @Test
    void proxyTagIsCleanedOnOneLineAndNeedsSomeText() {
        assertThat(InputRules.proxyTag(" F:  ", null)).isEqualTo(ProxyTag.prefix("F:"));
        assertThat(InputRules.proxyTag("[", "\u200B]")).isEqualTo(new ProxyTag("[", "]"));
        assertThatThrownBy(() -> InputRules.proxyTag(" ", "\u200B")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs some text before or after");
    }

    @Test
    void proxyTagPartsMayHaveFiftyCharactersAndThePrefixNoLeadingBackslash() {
        String limit = "x".repeat(InputRules.MAX_PROXY_TAG_PART_LENGTH);
        assertThat(InputRules.proxyTag(limit, limit)).isEqualTo(new ProxyTag(limit, limit));
        assertThatThrownBy(() -> InputRules.proxyTag("", limit + "y")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("51 characters long; shorten it to 50");
        assertThatThrownBy(() -> InputRules.proxyTag("\\a", "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("backslash");
        assertThat(InputRules.proxyTag("", "\\")).isEqualTo(ProxyTag.suffix("\\"));
    }

    @Test
    void proxyTagsOfOneCharacterAreAtMostTenAndNoneTwice() {
        List<ProxyTag> ten = new java.util.ArrayList<>();
        for (int i = 0; i < InputRules.MAX_PROXY_TAGS; i++) {
            ten.add(ProxyTag.prefix(i + ":"));
        }
        assertThat(InputRules.proxyTags(ten)).containsExactlyElementsOf(ten);
        List<ProxyTag> eleven = new java.util.ArrayList<>(ten);
        eleven.add(ProxyTag.prefix("x:"));
        assertThatThrownBy(() -> InputRules.proxyTags(eleven)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> InputRules.proxyTags(List.of(ProxyTag.prefix("A:"), ProxyTag.prefix(" A: "))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A:text is given twice");
    }
}
