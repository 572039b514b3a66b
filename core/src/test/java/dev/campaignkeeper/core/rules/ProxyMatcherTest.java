package dev.campaignkeeper.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ProxyTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyMatcherTest {

    private static final ProxyMatcher.Candidate<String> FRODO = new ProxyMatcher.Candidate<>("Frodo",
            List.of(ProxyTag.prefix("F:"), new ProxyTag("[", "]")));
    private static final ProxyMatcher.Candidate<String> GANDALF = new ProxyMatcher.Candidate<>("Gandalf",
            List.of(new ProxyTag("[[", "]]"), ProxyTag.suffix("-g")));

    private static Optional<ProxyMatcher.Match<String>> match(String message) {
        return ProxyMatcher.match(message, false, List.of(FRODO, GANDALF), Optional.empty());
    }

    @Test
    void aPrefixOrPrefixAndSuffixTagPostsTheTextBetweenExactly() {
        assertThat(match("F: I *go*  now,   friends")).hasValueSatisfying(m -> {
            assertThat(m.speaker()).isEqualTo("Frodo");
            assertThat(m.tag()).hasValue(ProxyTag.prefix("F:"));
            assertThat(m.text()).isEqualTo("I *go*  now,   friends");
        });
        assertThat(match("[line one\nline two @everyone]")).map(ProxyMatcher.Match::text)
                .hasValue("line one\nline two @everyone");
        assertThat(match("You shall not pass -g")).map(ProxyMatcher.Match::speaker).hasValue("Gandalf");
    }

    @Test
    void theLongestMatchingTagWinsWhateverTheCandidateOrder() {
        assertThat(match("[[Fly, you fools]]")).hasValueSatisfying(m -> {
            assertThat(m.speaker()).isEqualTo("Gandalf");
            assertThat(m.text()).isEqualTo("Fly, you fools");
        });
        assertThat(ProxyMatcher.match("[[Fly]]", false, List.of(GANDALF, FRODO), Optional.empty()))
                .map(ProxyMatcher.Match::speaker).hasValue("Gandalf");
    }

    @Test
    void betweenTagsOfEqualLengthTheFirstCandidateWins() {
        ProxyMatcher.Candidate<String> twin = new ProxyMatcher.Candidate<>("Twin", List.of(ProxyTag.prefix("F:")));
        assertThat(ProxyMatcher.match("F:hi", false, List.of(FRODO, twin), Optional.empty()))
                .map(ProxyMatcher.Match::speaker).hasValue("Frodo");
        assertThat(ProxyMatcher.match("F:hi", false, List.of(twin, FRODO), Optional.empty()))
                .map(ProxyMatcher.Match::speaker).hasValue("Twin");
    }

    @Test
    void aMessageThatIsOnlyTheTagIsNotProxiedUnlessItCarriesFiles() {
        assertThat(match("F:")).isEmpty();
        assertThat(match("[  ]")).isEmpty();
        assertThat(match("[")).isEmpty();
        assertThat(ProxyMatcher.match("F:", true, List.of(FRODO), Optional.empty()))
                .map(ProxyMatcher.Match::text).hasValue("");
    }

    @Test
    void aLeadingBackslashSendsTheMessageUnproxiedEvenWithAutoproxy() {
        assertThat(ProxyMatcher.match("\\F:hello", false, List.of(FRODO), Optional.of("Frodo"))).isEmpty();
        assertThat(ProxyMatcher.match("\\plain", false, List.of(FRODO), Optional.of("Frodo"))).isEmpty();
    }

    @Test
    void autoproxyTakesUntaggedMessagesButATagStillChoosesItsSpeaker() {
        assertThat(ProxyMatcher.match("  just talking ", false, List.of(FRODO, GANDALF), Optional.of("Frodo")))
                .hasValueSatisfying(m -> {
                    assertThat(m.speaker()).isEqualTo("Frodo");
                    assertThat(m.tag()).isEmpty();
                    assertThat(m.text()).isEqualTo("  just talking ");
                });
        assertThat(ProxyMatcher.match("[[Run]]", false, List.of(FRODO, GANDALF), Optional.of("Frodo")))
                .map(ProxyMatcher.Match::speaker).hasValue("Gandalf");
        assertThat(ProxyMatcher.match("   ", false, List.of(FRODO), Optional.of("Frodo"))).isEmpty();
    }

    @Test
    void matchingIsCaseSensitiveAndAnOtherBotsTagIsLeftAlone() {
        assertThat(match("f: lower case")).isEmpty();
        assertThat(match("pk;switch Frodo")).isEmpty();
        assertThat(match("plain text")).isEmpty();
    }

    @Test
    void aRandomTextWrappedInATagComesBackUnchangedInsideItsSpaces() {
        Random random = new Random(20261202L);
        String alphabet = "ab []F:-g\n\u00e9\uD83D\uDC09*_~`@";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder("x");
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            text.append('y');
            String inner = text.toString().replace("\uD83D", "").replace("\uDC09", "");
            List<String> messages = new ArrayList<>(List.of("F:" + inner, "F: " + inner, "[[" + inner + "]]"));
            for (String message : messages) {
                Optional<ProxyMatcher.Match<String>> result = match(message);
                assertThat(result).as(message).isPresent();
                if (message.startsWith("[[")) {
                    assertThat(result.get().speaker()).as(message).isEqualTo("Gandalf");
                }
                assertThat(result.get().text()).as(message).isEqualTo(inner);
            }
        }
    }
}
