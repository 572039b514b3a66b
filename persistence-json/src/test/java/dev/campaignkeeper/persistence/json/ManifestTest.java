package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final Manifest MANIFEST = new Manifest(Manifest.LIVE, 42, 7,
            Map.of(SeedFormat.CAMPAIGNS, new SeedFormat.FileSum(120, 0xDEADBEEFL),
                    SeedFormat.CHARACTERS, new SeedFormat.FileSum(0, 0),
                    SeedFormat.NPCS, new SeedFormat.FileSum(3, 0x0000ABCDL)),
            "backup-20261125203000000-42", Instant.parse("2026-11-25T20:30:00Z"));

    private static String text() {
        return new String(MANIFEST.encode(), StandardCharsets.UTF_8);
    }

    private static Manifest decode(String text) throws Exception {
        return Manifest.decode(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
    private static String edit(String text, String from, String to) {
        assertThat(text).containsOnlyOnce(from);
        return text.replace(from, to);
    }

    @Test
    void encodedManifestDecodesToTheSameValues() throws Exception {
        Manifest decoded = decode(text());

        assertThat(decoded).isEqualTo(MANIFEST);
        assertThat(decoded.files().get(SeedFormat.NPCS)).isEqualTo(new SeedFormat.FileSum(3, 0xABCDL));
    }

    @Test
    void encodingIsPrettyPrintedJsonEndingInANewlineWithTheChecksumLast() {
        String text = text();

        assertThat(text).startsWith("{\n").endsWith("}\n");
        assertThat(text).contains("\"format\": \"campaign-keeper-manifest\"", "\"format_version\": 1",
                "\"seq\": 42", "\"journal_from\": 7", "\"backup\": \"backup-20261125203000000-42\"",
                "\"written_at\": \"2026-11-25T20:30:00Z\"", "\"crc32c\": \"deadbeef\"", "\"size\": 120");
        assertThat(text.lastIndexOf("\"crc32c\"")).isGreaterThan(text.indexOf("\"files\""));
    }

    @Test
    void fileChecksumsAreEightHexDigits() {
        assertThat(text()).contains("\"crc32c\": \"0000abcd\"", "\"crc32c\": \"00000000\"");
    }

    @Test
    void anyChangedValueFailsTheChecksum() {
        assertThatThrownBy(() -> decode(edit(text(), "\"seq\": 42", "\"seq\": 43")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> decode(edit(text(), "\"size\": 120", "\"size\": 121")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> decode(edit(text(), "-42\"", "-41\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        String extended = edit(text(), "\"seq\": 42,", "\"seq\": 42, \"comment\": {\"by\": [\"someone\"]},");

        assertThat(decode(extended)).isEqualTo(MANIFEST);
    }

    @Test
    void unknownFieldsOfAFileEntryAreSkipped() throws Exception {
        String extended = edit(text(), "\"size\": 120,", "\"size\": 120, \"mtime\": 5,");

        assertThat(decode(extended)).isEqualTo(MANIFEST);
    }

    @Test
    void otherFormatVersionsAreRefused() {
        assertThatThrownBy(() -> decode(edit(text(), "\"format_version\": 1", "\"format_version\": 2")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("unsupported manifest format_version");
        assertThatThrownBy(() -> decode(edit(text(), "\"format_version\": 1", "\"format_version\": \"1\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("unsupported manifest format_version");
    }

    @Test
    void everyRequiredFieldMustBeThere() {
        for (String field : new String[] {"\"format\": \"campaign-keeper-manifest\",", "\"seq\": 42,",
                "\"journal_from\": 7,", "\"written_at\": \"2026-11-25T20:30:00Z\","}) {
            assertThatThrownBy(() -> decode(edit(text(), field, "")))
                    .as(field)
                    .isInstanceOf(FormatException.class)
                    .hasMessageContaining("lacks a required field");
        }
        String withoutChecksum = text().replaceAll(",\\s*\"crc32c\": \"[0-9a-f]{8}\"\\s*}\\s*$", "}\n");
        assertThatThrownBy(() -> decode(withoutChecksum))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("lacks a required field");
    }

    @Test
    void aManifestWithoutBackupNamesNone() throws Exception {
        Manifest none = new Manifest(Manifest.BACKUP, 0, 0, Map.of(), "", Instant.EPOCH);
        String text = edit(new String(none.encode(), StandardCharsets.UTF_8), "\"backup\": \"\",", "");

        assertThat(decode(text).backupId()).isEmpty();
        assertThat(decode(text).kind()).isEqualTo(Manifest.BACKUP);
    }

    @Test
    void fileEntriesMustNameASnapshotFileAndHaveSizeAndChecksum() {
        assertThatThrownBy(() -> decode(edit(text(), "\"npcs.json\"", "\"other.json\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("bad file entry other.json");
        assertThatThrownBy(() -> decode(edit(text(), "\"size\": 120,", "")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("bad file entry campaigns.json");
        assertThatThrownBy(() -> decode(edit(text(), "\"crc32c\": \"deadbeef\"", "\"crc\": \"deadbeef\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("bad file entry campaigns.json");
    }

    @Test
    void trailingDataIsRefused() {
        assertThatThrownBy(() -> decode(text() + "{}"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("manifest");
        assertThatThrownBy(() -> decode(text() + "7"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("manifest");
    }

    @Test
    void malformedJsonIsAFormatErrorWithItsPosition() {
        assertThatThrownBy(() -> decode(edit(text(), "\"seq\": 42", "\"seq\": 4 2")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("manifest")
                .satisfies(e -> assertThat(((FormatException) e).line()).isPositive());
        assertThatThrownBy(() -> decode(edit(text(), "2026-11-25T20:30:00Z", "yesterday")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("manifest");
        assertThatThrownBy(() -> decode(text().substring(0, 40)))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("manifest");
    }

    @Test
    void aManifestMustBeAJsonObject() {
        assertThatThrownBy(() -> decode("[1, 2]"))
                .isInstanceOf(FormatException.class);
    }
}
