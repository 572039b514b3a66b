package dev.campaignkeeper.persistence.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The small file naming a consistent state: the snapshot's sequence number, each snapshot file's
 * size and CRC32C, the first journal generation to replay, and the backup taken with it. Written
 * last in a checkpoint, atomically; itself protected by a CRC32C. Backups carry one too
 * ({@code backup.json}).
 *
 * @param kind {@link #LIVE} or {@link #BACKUP}
 * @param seq sequence number of the last mutation the snapshot contains
 * @param journalFrom first journal generation holding mutations after {@code seq}
 * @param files size and CRC32C of each snapshot file (uncompressed)
 * @param backupId the backup holding the same snapshot, or empty
 * @param writtenAt when it was written
 */
record Manifest(String kind, long seq, long journalFrom, Map<String, SeedFormat.FileSum> files,
                String backupId, Instant writtenAt) {

    static final String FILE = "manifest.json";
    static final String LIVE = "campaign-keeper-manifest";
    static final String BACKUP = "campaign-keeper-backup";

    Manifest {
        Objects.requireNonNull(kind, "kind");
        files = Map.copyOf(files);
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    private void writeBody(JsonWriter out) throws IOException {
        out.name("format").value(kind);
        out.name("format_version").value(1);
        out.name("seq").value(seq);
        out.name("journal_from").value(journalFrom);
        out.name("backup").value(backupId);
        out.name("written_at").value(writtenAt.toString());
        out.name("files").beginObject();
        for (String name : SeedFormat.FILES) {
            SeedFormat.FileSum sum = files.get(name);
            if (sum != null) {
                out.name(name).beginObject();
                out.name("size").value(sum.size());
                out.name("crc32c").value(sum.crcHex());
                out.endObject();
            }
        }
        out.endObject();
    }

    private long bodyCrc() {
        try {
            StringWriter text = new StringWriter();
            JsonWriter out = new JsonWriter(text);
            out.beginObject();
            writeBody(out);
            out.endObject();
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonWriter out = SeedFormat.prettyWriter(bytes);
            out.beginObject();
            writeBody(out);
            out.name("crc32c").value(SeedFormat.hex(bodyCrc()));
            out.endObject();
            out.flush();
            bytes.write('\n');
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A manifest is a few hundred bytes; anything far larger is not one (and is not read to its end). */
    static final int MAX_SIZE = 1 << 20;

    static Manifest decode(InputStream raw) throws IOException, FormatException {
        JsonReader reader = SeedFormat.strictReader(new LimitedInputStream(raw, MAX_SIZE));
        try {
            RecordJson.expectObject(reader, "manifest");
            String kind = null;
            long seq = -1;
            long journalFrom = -1;
            String backup = "";
            Instant writtenAt = null;
            String crc = null;
            Map<String, SeedFormat.FileSum> files = new LinkedHashMap<>();
            while (reader.hasNext()) {
                String field = reader.nextName();
                switch (field) {
                    case "format" -> kind = RecordJson.string(reader, "format");
                    case "format_version" -> {
                        if (reader.peek() != JsonToken.NUMBER || reader.nextInt() != 1) {
                            throw RecordJson.error(reader, "unsupported manifest format_version");
                        }
                    }
                    case "seq" -> seq = reader.nextLong();
                    case "journal_from" -> journalFrom = reader.nextLong();
                    case "backup" -> backup = RecordJson.string(reader, "backup");
                    case "written_at" -> writtenAt = Instant.parse(RecordJson.string(reader, "written_at"));
                    case "crc32c" -> crc = RecordJson.string(reader, "crc32c");
                    case "files" -> {
                        RecordJson.expectObject(reader, "files");
                        while (reader.hasNext()) {
                            String name = reader.nextName();
                            RecordJson.expectObject(reader, "file entry");
                            long size = -1;
                            long sum = -1;
                            while (reader.hasNext()) {
                                String key = reader.nextName();
                                if (key.equals("size")) {
                                    size = reader.nextLong();
                                } else if (key.equals("crc32c")) {
                                    String hex = RecordJson.string(reader, "crc32c");
                                    try {
                                        sum = Long.parseLong(hex, 16);
                                    } catch (NumberFormatException e) {
                                        throw RecordJson.error(reader, "crc32c of " + name + " is not hexadecimal");
                                    }
                                } else {
                                    reader.skipValue();
                                }
                            }
                            reader.endObject();
                            if (!SeedFormat.FILES.contains(name) || size < 0 || sum < 0) {
                                throw RecordJson.error(reader, "bad file entry " + name);
                            }
                            files.put(name, new SeedFormat.FileSum(size, sum));
                        }
                        reader.endObject();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw RecordJson.error(reader, "trailing data");
            }
            if (kind == null || seq < 0 || journalFrom < 0 || writtenAt == null || crc == null) {
                throw new FormatException("manifest lacks a required field");
            }
            Manifest manifest = new Manifest(kind, seq, journalFrom, files, backup, writtenAt);
            if (!SeedFormat.hex(manifest.bodyCrc()).equals(crc)) {
                throw new FormatException("manifest checksum mismatch");
            }
            return manifest;
        } catch (LimitedInputStream.LimitExceededException e) {
            throw new FormatException("not a manifest: larger than " + MAX_SIZE + " bytes");
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException
                 | DateTimeParseException | CharacterCodingException e) {
            if (e instanceof IllegalStateException || e instanceof NumberFormatException) {
                RecordJson.rethrowBug((RuntimeException) e);
            }
            long[] position = RecordJson.position(reader);
            throw new FormatException("not a valid manifest: " + RecordJson.oneLine(e), position[0], position[1], e);
        }
    }
}
