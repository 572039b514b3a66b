package dev.campaignkeeper.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.imports.ImportedTag;
import dev.campaignkeeper.core.usecase.CharacterImports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharacterFilesTest {

    private static byte[] resource(String name) {
        try (InputStream in = CharacterFilesTest.class.getResourceAsStream("/exports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportedFile parse(String text) {
        return CharacterFiles.parse("upload.json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTupperboxExportWithEveryOptionalField() {
        ImportedFile file = CharacterFiles.parse("tuppers.json", resource("tuppers-full.json"));

        assertThat(file.format()).isEqualTo("Tupperbox");
        assertThat(file.entries()).hasSize(2);
        ImportedCharacter zoe = file.entries().get(0);
        assertThat(zoe.name()).isEqualTo("Zoë 🌸 Hartley");
        assertThat(zoe.displayName()).isEmpty();
        assertThat(zoe.avatarUrl()).contains("https://cdn.tupperbox.app/pfp/183462381938507776/eXampLeAvAtAr.webp");
        assertThat(zoe.description()).contains("A cartographer from the coast.\nCarries a brass compass.");
        assertThat(zoe.tags()).containsExactly(new ImportedTag("z:", ""), new ImportedTag("[", "]"));
        ImportedCharacter li = file.entries().get(1);
        assertThat(li.name()).isEqualTo("李白");
        assertThat(li.avatarUrl()).isEmpty();
        assertThat(li.description()).isEmpty();
        assertThat(li.tags()).containsExactly(new ImportedTag("", "-li"));
    }

    @Test
    void readsTupperboxExportWithoutOptionalFields() {
        ImportedFile file = CharacterFiles.parse("tuppers.json", resource("tuppers-minimal.json"));

        assertThat(file.entries()).containsExactly(new ImportedCharacter("Brom", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new ImportedTag("b:", ""))));
        assertThat(parse("{\"tuppers\":[{\"name\":\"Bare\"}]}").entries().get(0).tags()).isEmpty();
    }

    @Test
    void readsPluralKitVersion2WithDisplayNamesWebhookAvatarsAndProxyTags() {
        ImportedFile file = CharacterFiles.parse("system.json", resource("system-v2.json"));

        assertThat(file.format()).isEqualTo("PluralKit (version 2)");
        assertThat(file.entries()).hasSize(2);
        ImportedCharacter ari = file.entries().get(0);
        assertThat(ari.name()).isEqualTo("ari");
        assertThat(ari.displayName()).contains("Ariadne ✨");
        assertThat(ari.shownName()).isEqualTo("Ariadne ✨");
        assertThat(ari.avatarUrl()).contains("https://files.pluralkit.me/member/aaaaa-proxy.png");
        assertThat(ari.description()).contains("Keeper of the lamp room.");
        assertThat(ari.tags()).containsExactly(new ImportedTag("a:", ""), new ImportedTag("{", "}"));
        ImportedCharacter omega = file.entries().get(1);
        assertThat(omega.shownName()).isEqualTo("Ωmega");
        assertThat(omega.avatarUrl()).isEmpty();
        assertThat(omega.description()).isEmpty();
        assertThat(omega.tags()).isEmpty();
    }

    @Test
    void pluralKitVersion2FallsBackToTheMemberAvatar() {
        ImportedFile file = parse("{\"version\":2,\"members\":[{\"name\":\"x\",\"avatar_url\":\"https://a.example/x.png\","
                + "\"webhook_avatar_url\":null}]}");

        assertThat(file.entries().get(0).avatarUrl()).contains("https://a.example/x.png");
    }

    @Test
    void readsPluralKitVersion1WithMemberPrefixAndSuffixOrProxyTags() {
        ImportedFile file = CharacterFiles.parse("system.json", resource("system-v1.json"));

        assertThat(file.format()).isEqualTo("PluralKit (version 1)");
        ImportedCharacter cira = file.entries().get(0);
        assertThat(cira.name()).isEqualTo("Ćira");
        assertThat(cira.shownName()).isEqualTo("Ćira of the Marsh");
        assertThat(cira.avatarUrl()).contains("https://i.imgur.com/cIrA123.png");
        assertThat(cira.tags()).containsExactly(new ImportedTag("c:", ""));
        ImportedCharacter nyx = file.entries().get(1);
        assertThat(nyx.avatarUrl()).isEmpty();
        assertThat(nyx.tags()).containsExactly(new ImportedTag("", "-n"));
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        byte[] text = "\uFEFF{\"tuppers\":[{\"name\":\"Brom\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(CharacterFiles.parse("tuppers.json", text).entries()).extracting(ImportedCharacter::name)
                .containsExactly("Brom");
    }

    @Test
    void notJsonSaysSoAndWhatToAttach() {
        assertThatThrownBy(() -> parse("name: Brom\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"upload.json\" is not valid JSON")
                .hasMessageContaining("tuppers.json")
                .hasMessageContaining("system.json")
                .hasMessageNotContaining("troubleshooting");
        assertThatThrownBy(() -> parse("{\"tuppers\":[]} trailing"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"tuppers\":[{name:'lenient'}]}"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CharacterFiles.parse("avatar.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"avatar.png\" is not a JSON file");
    }

    @Test
    void jsonOfNeitherFormatNamesBoth() {
        for (String text : List.of("{\"campaign\":{}}", "[1,2]", "\"tuppers\"", "{\"members\":[]}",
                "{\"tuppers\":{}}")) {
            assertThatThrownBy(() -> parse(text))
                    .as(text)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("neither a Tupperbox export")
                    .hasMessageContaining("PluralKit export");
        }
    }

    @Test
    void anotherPluralKitVersionIsRefusedWithTheVersionsRead() {
        assertThatThrownBy(() -> parse("{\"version\":3,\"members\":[]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version 3")
                .hasMessageContaining("versions 1 and 2");
    }

    @Test
    void wrongFieldTypesNameTheEntryAndField() {
        assertThatThrownBy(() -> parse("{\"tuppers\":[{\"name\":\"ok\"},{\"name\":42}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entry 2 of its \"tuppers\" list has a \"name\" that is not text");
        assertThatThrownBy(() -> parse("{\"tuppers\":[{\"name\":\"ok\",\"brackets\":\"z:\"}]}"))
                .hasMessageContaining("\"brackets\" that is not a list");
        assertThatThrownBy(() -> parse("{\"version\":2,\"members\":[{\"name\":\"x\",\"proxy_tags\":[\"a:\"]}]}"))
                .hasMessageContaining("PluralKit (version 2) file's entry 1")
                .hasMessageContaining("\"proxy_tags\" that is not a list of objects");
        assertThatThrownBy(() -> parse("{\"version\":1,\"members\":[{\"display_name\":\"x\"}]}"))
                .hasMessageContaining("has no \"name\"");
        assertThatThrownBy(() -> parse("{\"tuppers\":[7]}"))
                .hasMessageContaining("is not an object");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeParsing() {
        byte[] big = new byte[CharacterImports.MAX_FILE_BYTES + 1];

        assertThatThrownBy(() -> CharacterFiles.parse("system.json", big))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("up to 8 MB");
    }
}
