package dev.campaignkeeper.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The text without whitespace, to compare content regardless of the whitespace dropped at cuts. */
    private static String visible(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void aTextThatFitsIsOneMessage() {
        assertThat(MessageSplitter.split("Hello there.")).containsExactly("Hello there.");
        assertThat(MessageSplitter.split("x".repeat(2000))).hasSize(1);
    }

    @Test
    void aLongTextSplitsAtTheLastParagraphBreakThatFits() {
        String first = "First paragraph. ".repeat(60).strip();     // 1019 code points
        String second = "Second paragraph. ".repeat(60).strip();   // 1079
        String third = "Third one.";

        List<String> parts = MessageSplitter.split(first + "\n\n" + second + "\n\n" + third);

        assertThat(parts).containsExactly(first, second + "\n\n" + third);
    }

    @Test
    void withoutParagraphsItSplitsAtASentenceEnd() {
        String sentence = "The dragon sleeps on its gold, dreaming of knights. ";
        String text = sentence.repeat(60).strip(); // about 3,100 code points, no line breaks

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).endsWith("knights.");
        assertThat(parts.get(1)).startsWith("The dragon");
        assertThat(parts).allSatisfy(part -> assertThat(length(part)).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void withoutSentencesItSplitsAtASpace() {
        String text = "word ".repeat(700).strip();

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(part -> {
            assertThat(length(part)).isLessThanOrEqualTo(2000);
            assertThat(part).startsWith("word").endsWith("word");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void oneEndlessWordIsCutAtTheLimit() {
        List<String> parts = MessageSplitter.split("a".repeat(4500));

        assertThat(parts).extracting(String::length).containsExactly(2000, 2000, 500);
    }

    @Test
    void lengthsAreCountedInCodePointsAndNoSurrogatePairIsCut() {
        String dragons = "🐉".repeat(3000); // 3,000 code points, 6,000 UTF-16 chars

        List<String> parts = MessageSplitter.split(dragons);

        assertThat(parts).extracting(MessageSplitterTest::length).containsExactly(2000, 1000);
        assertThat(parts).allSatisfy(part -> {
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(dragons);
    }

    @Test
    void aCodeBlockIsNotSplitWhenItFitsInTheNextMessage() {
        String intro = "Here is the spell. ".repeat(50).strip(); // 949
        String code = "```\n" + "fireball(radius=20)\n".repeat(60) + "```"; // 1,207
        String text = intro + "\n" + code + "\nThat is all.";

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).containsExactly(intro, code + "\nThat is all.");
    }

    @Test
    void aCodeBlockTooLongForOneMessageIsClosedAndReopenedWithItsLanguage() {
        String body = "let x = 1; // a line of code that is rather long\n".repeat(70); // 3,500
        String text = "```js\n" + body + "```";

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("```js\n").endsWith("\n```");
        assertThat(parts.get(1)).startsWith("```js\n").endsWith("```");
        assertThat(parts).allSatisfy(part -> {
            assertThat(length(part)).isLessThanOrEqualTo(2000);
            assertThat(part.split("```", -1)).as("balanced fences").hasSize(3);
        });
        assertThat(visible(String.join("", parts)).replace("``````js", ""))
                .isEqualTo(visible(text));
    }

    @Test
    void aParagraphBreakInsideACodeBlockIsNotUsed() {
        String before = "x".repeat(1500);
        String code = "```\n" + "a\n\nb\n".repeat(200) + "```"; // 1,208 with blank lines inside
        List<String> parts = MessageSplitter.split(before + " " + code);

        assertThat(parts.get(0)).isEqualTo(before);
        assertThat(parts.get(1)).isEqualTo(code);
    }

    @Test
    void aFourThousandCharacterPostWithLineBreaksSplitsInTwoInOrder() {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (length(text.toString()) < 3900) {
            text.append("Line ").append(line++).append(" of the tale.\n");
        }
        String post = text.toString().strip();

        List<String> parts = MessageSplitter.split(post);

        assertThat(parts).hasSize(2);
        assertThat(String.join("\n", parts)).isEqualTo(post);
    }

    @Test
    void randomTextsKeepEveryVisibleCharacterInOrderAndEveryPartFits() {
        Random random = new Random(11);
        String[] pieces = {"word", " ", "\n", "\n\n", ". ", "```", "🐉", "é", "\u200d", "longerword", "! "};
        for (int run = 0; run < 300; run++) {
            String input = randomText(random, pieces, 500 + random.nextInt(4000));
            if (input.isEmpty()) {
                continue;
            }
            List<String> parts = MessageSplitter.split(input, 500);

            assertThat(parts).allSatisfy(part -> {
                assertThat(length(part)).isBetween(1, 500);
                assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            });
            String joined = visible(String.join("", parts));
            // a block closed and reopened adds "```" + "\n" + "```"; remove such pairs when comparing
            assertThat(joined.replace("``````", "")).isEqualTo(visible(input).replace("``````", ""));
        }
    }

    @Test
    void withoutCodeBlocksEachCutIsAtTheLastBoundaryOfTheBestKindThatFits() {
        Random random = new Random(23);
        String[] pieces = {"word", "w", " ", "  ", "\n", "\n\n", ". ", "! ", "?\n", "🐉", "é", "longerwordhere"};
        for (int run = 0; run < 400; run++) {
            String rest = randomText(random, pieces, 70 + random.nextInt(600));
            if (rest.isEmpty()) {
                continue;
            }
            List<String> parts = MessageSplitter.split(rest, 64);
            List<String> expected = new ArrayList<>();
            while (length(rest) > 64) {
                int at = expectedCut(rest, rest.offsetByCodePoints(0, 64));
                expected.add(rest.substring(0, at).stripTrailing());
                rest = rest.substring(at).stripLeading();
            }
            expected.add(rest);
            assertThat(parts).as("run %d", run).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aCodeBlockOfOneEndlessLineIsCutAtTheLimitAndReopenedInEachMessage() {
        String text = "```\n" + "x".repeat(5000) + "\n```";

        List<String> parts = MessageSplitter.split(text);

        String full = "```\n" + "x".repeat(1992) + "\n```";
        assertThat(parts).containsExactly(full, full, "```\n" + "x".repeat(1016) + "\n```");
    }

    @Test
    void aCodeBlockWithoutALineBreakIsClosedAndReopenedOnItsOwnLine() {
        String text = "```" + "y".repeat(5000) + "```";

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).containsExactly("```" + "y".repeat(1993) + "\n```",
                "```\n" + "y".repeat(1992) + "\n```", "```\n" + "y".repeat(1015) + "```");
    }

    @Test
    void aCodeBlockOfDragonsIsCutBetweenCodePoints() {
        String text = "```\n" + "🐉".repeat(3000) + "\n```";

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts).containsExactly("```\n" + "🐉".repeat(1992) + "\n```",
                "```\n" + "🐉".repeat(1008) + "\n```");
    }

    @Test
    void aBlockIsCutAtItsLastLineBreakThatLeavesRoomForTheClosingFence() {
        // lines of 10 code points plus a line break; the closing fence needs 4 more
        String body = "0123456789\n".repeat(400);
        String text = "```\n" + body + "```";

        List<String> parts = MessageSplitter.split(text);

        assertThat(parts.get(0)).isEqualTo("```\n" + "0123456789\n".repeat(180) + "0123456789\n```");
        assertThat(parts.get(1)).startsWith("```\n0123456789\n");
        assertThat(parts).allSatisfy(part -> assertThat(length(part)).isLessThanOrEqualTo(2000));
        assertThat(String.join("\n", parts).replace("\n```\n```\n", "\n")).isEqualTo(text);
    }

    @Test
    void aReopenedBlockKeepsALanguageOfUpToThirteenCharactersAndNothingOdd() {
        String body = "code line\n".repeat(300) + "```";

        assertThat(MessageSplitter.split("```abcdefghijklm\n" + body).get(1)).startsWith("```abcdefghijklm\ncode");
        assertThat(MessageSplitter.split("```abcdefghijklmn\n" + body).get(1)).startsWith("```\ncode");
        assertThat(MessageSplitter.split("```js`\n" + body).get(1)).startsWith("```\ncode");
        assertThat(MessageSplitter.split("```  py  \n" + body).get(1)).startsWith("```  py\ncode");
    }

    @Test
    void theBlockReopenedIsTheOneOpenAtTheCutNotAnEarlierOne() {
        String body = "code line\n".repeat(300) + "```";

        List<String> afterClosedBlock = MessageSplitter.split("```a```b```rb\n" + body);
        List<String> afterText = MessageSplitter.split("Intro```rb\n" + body);

        assertThat(afterClosedBlock.get(0)).startsWith("```a```b```rb\ncode").endsWith("code line\n```");
        assertThat(afterClosedBlock.get(1)).startsWith("```rb\ncode line\n");
        assertThat(afterText.get(0)).startsWith("Intro```rb\ncode");
        assertThat(afterText.get(1)).startsWith("```rb\ncode line\n");
    }

    @Test
    void aBlockWhoseOpeningFenceDoesNotFitBeforeTheLimitStartsTheNextMessage() {
        // the first block closes at 34; the second opens at 59, too late to fit even its fence line
        String text = "```wordwordwordxxxxxxxxxxxxxxxx. \n```wordxxxxxxxxxxxxxxxxxx```.\n```";

        List<String> parts = MessageSplitter.split(text, 64);

        assertThat(parts).containsExactly("```wordwordwordxxxxxxxxxxxxxxxx. \n```wordxxxxxxxxxxxxxxxxxx",
                "```.\n```");
    }

    @Test
    void randomTextsWithBalancedFencesGiveMessagesWithBalancedFences() {
        Random random = new Random(31);
        String[] pieces = {"word", " ", "\n", "\n\n", ". ", "```", "```js\n", "\n```", "🐉", "x", "xxxxxxxxxxxxxxxx",
            "`", "````", "```averylonglanguagename\n"};
        for (int run = 0; run < 600; run++) {
            String input = randomText(random, pieces, 100 + random.nextInt(900));
            if (fences(input) % 2 == 1) {
                input = input + "\n```";
            }
            List<String> parts = MessageSplitter.split(input, 64);

            String text = input;
            assertThat(parts).as("run %d: %s", run, text).allSatisfy(part -> {
                assertThat(length(part)).isBetween(1, 64);
                assertThat(fences(part) % 2).as("fences in %s", part).isZero();
            });
            // nothing is lost: the splitter only adds fences and reopened languages
            String kept = visible(String.join("", parts)).replace("```", "");
            assertThat(isSubsequence(visible(input).replace("```", ""), kept)).as("run %d: %s", run, text).isTrue();
        }
    }

    /** Whether every character of {@code wanted} appears in {@code text}, in order. */
    private static boolean isSubsequence(String wanted, String text) {
        int at = 0;
        for (int i = 0; i < text.length() && at < wanted.length(); i++) {
            if (text.charAt(i) == wanted.charAt(at)) {
                at++;
            }
        }
        return at == wanted.length();
    }

    @Test
    void noMessageEndsInAnEmptyCodeBlock() {
        // the fence line fits before the limit, but no code after it would
        String text = "a".repeat(56) + "```\n" + "b".repeat(100) + "\n```";

        List<String> parts = MessageSplitter.split(text, 64);

        assertThat(parts.get(0)).isEqualTo("a".repeat(56));
        assertThat(parts.get(1)).startsWith("```\nbbb");
    }

    /** How many fences a left-to-right scan finds, as the splitter counts them. */
    private static int fences(String text) {
        int count = 0;
        for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
            count++;
        }
        return count;
    }

    /** Random pieces joined until the text holds at least {@code target} code points, stripped. */
    private static String randomText(Random random, String[] pieces, int target) {
        StringBuilder text = new StringBuilder();
        int codePoints = 0;
        while (codePoints < target) {
            String piece = pieces[random.nextInt(pieces.length)];
            text.append(piece);
            codePoints += length(piece);
        }
        return text.toString().strip();
    }

    /** The cut the class documents, for text without code blocks: best kind of boundary, then the last one. */
    private static int expectedCut(String text, int end) {
        int paragraph = text.lastIndexOf("\n\n", end);
        if (paragraph > 0) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', end);
        if (line > 0) {
            return line;
        }
        for (int at = end; at > 0; at--) {
            char before = text.charAt(at - 1);
            if (Character.isWhitespace(text.charAt(at)) && (before == '.' || before == '!' || before == '?')) {
                return at;
            }
        }
        for (int at = end; at > 0; at--) {
            if (Character.isWhitespace(text.charAt(at))) {
                return at;
            }
        }
        return end; // one word longer than a message
    }

    @Test
    void aTinyLimitIsRefused() {
        assertThatThrownBy(() -> MessageSplitter.split("text", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
