package dev.campaignkeeper.backup.s3;

import dev.campaignkeeper.core.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * Off-site copies of a JSON data directory's backup sets in an S3 bucket.
 *
 * <p>Each local set {@code backups/<id>/} becomes the objects {@code <prefix>/<id>/<file>}, its
 * {@code backup.json} uploaded last, so a set whose manifest is in the bucket is complete. Retention
 * is mirrored, never led: a remote set is removed only when the local directory no longer holds it
 * and does hold a newer set, so losing the local backups never empties the bucket. Credentials come
 * from the AWS default chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a profile,
 * an instance role); they are never logged.
 *
 * <p>Thread-safe; one instance per bucket is enough. Close it to release the HTTP client.
 */
public final class OffsiteBackups implements AutoCloseable {

    /** The largest object {@link #download} accepts. */
    public static final long MAX_OBJECT_BYTES = 4L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(OffsiteBackups.class);

    private final OffsiteConfig config;
    private final S3Client s3;

    private OffsiteBackups(OffsiteConfig config, S3Client s3) {
        this.config = Objects.requireNonNull(config, "config");
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    /**
     * Connects to the bucket with the AWS default credentials chain.
     *
     * @param config where the backups go
     * @return the off-site store
     */
    public static OffsiteBackups open(OffsiteConfig config) {
        return open(config, DefaultCredentialsProvider.builder().build());
    }

    /**
     * Connects to the bucket with credentials from {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY} in {@code env} when both are set, else the AWS default chain.
     *
     * @param config where the backups go
     * @param env    the environment to read the keys from
     * @return the off-site store
     * @throws IllegalArgumentException if only one of the two keys is set
     */
    public static OffsiteBackups open(OffsiteConfig config, java.util.Map<String, String> env) {
        Optional<String> key = Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID")).filter(v -> !v.isBlank());
        Optional<String> secret = Optional.ofNullable(env.get("AWS_SECRET_ACCESS_KEY")).filter(v -> !v.isBlank());
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
        }
        if (key.isEmpty()) {
            return open(config);
        }
        return open(config, software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.get(), secret.get())));
    }

    /**
     * Connects to the bucket with the given credentials.
     *
     * @param config      where the backups go
     * @param credentials how to sign requests
     * @return the off-site store
     */
    public static OffsiteBackups open(OffsiteConfig config, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                // S3-compatible servers do not all know the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        try {
            return new OffsiteBackups(config, builder.build());
        } catch (SdkException e) {
            throw failure("cannot set up the S3 client", e);
        }
    }

    /** Where the backups go. */
    public OffsiteConfig config() {
        return config;
    }

    /**
     * Copies every complete local set the bucket lacks, then removes remote sets the local retention
     * pruned. A set pruned while it is being copied is skipped (its partial upload is removed by a
     * later sync); nothing local is changed.
     *
     * @param dataDir the JSON data directory
     * @return what was copied and removed
     * @throws StoreException if the bucket cannot be reached or the backups cannot be read
     */
    public SyncResult sync(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        List<LocalBackupSets.LocalSet> local;
        try {
            local = LocalBackupSets.list(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot list the backups in " + LocalBackupSets.dir(dataDir) + ": "
                    + reason(e), e);
        }
        Map<String, RemoteBackup> remote = new LinkedHashMap<>();
        for (RemoteBackup set : list()) {
            remote.put(set.id(), set);
        }
        List<String> uploaded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long bytes = 0;
        for (LocalBackupSets.LocalSet set : local) {
            RemoteBackup there = remote.get(set.id().name());
            if (there != null && there.complete()) {
                continue;
            }
            try {
                bytes += upload(set);
                uploaded.add(set.id().name());
            } catch (NoSuchFileException e) {
                skipped.add(set.id().name() + ": pruned while it was being copied");
            } catch (IOException e) {
                skipped.add(set.id().name() + ": " + reason(e));
            }
        }
        List<String> removed = new ArrayList<>();
        Optional<SetId> newestLocal = local.isEmpty() ? Optional.empty()
                : Optional.of(local.get(local.size() - 1).id());
        List<String> localNames = local.stream().map(s -> s.id().name()).toList();
        for (RemoteBackup set : remote.values()) {
            Optional<SetId> id = SetId.parse(set.id());
            if (newestLocal.isPresent() && id.isPresent() && !localNames.contains(set.id())
                    && id.get().compareTo(newestLocal.get()) < 0) {
                deleteSet(set);
                removed.add(set.id());
            }
        }
        if (!uploaded.isEmpty() || !removed.isEmpty()) {
            LOG.info("off-site backups {}: copied {}, removed {}", config.location(), uploaded, removed);
        }
        return new SyncResult(uploaded, removed, skipped, bytes);
    }

    /**
     * The sets in the bucket, oldest first, complete or not.
     *
     * @return the remote sets
     * @throws StoreException if the bucket cannot be listed
     */
    public List<RemoteBackup> list() {
        Map<String, List<S3Object>> bySet = new LinkedHashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket())
                    .prefix(config.setsPrefix())).contents()) {
                String rest = object.key().substring(config.setsPrefix().length());
                int slash = rest.indexOf('/');
                if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
                    continue; // not a set's file; "set/" is a directory marker some servers list
                }
                String set = rest.substring(0, slash);
                if (SetId.parse(set).isPresent()) {
                    bySet.computeIfAbsent(set, k -> new ArrayList<>()).add(object);
                }
            }
        } catch (SdkException e) {
            throw failure("cannot list " + config.location(), e);
        }
        List<RemoteBackup> sets = new ArrayList<>();
        for (Map.Entry<String, List<S3Object>> entry : bySet.entrySet()) {
            SetId id = SetId.parse(entry.getKey()).orElseThrow();
            List<String> files = new ArrayList<>();
            long bytes = 0;
            for (S3Object object : entry.getValue()) {
                files.add(object.key().substring(object.key().lastIndexOf('/') + 1));
                bytes += object.size() == null ? 0 : object.size();
            }
            files.sort(Comparator.naturalOrder());
            sets.add(new RemoteBackup(id.name(), id.sequence(), id.created(), bytes, files,
                    files.contains(LocalBackupSets.MANIFEST)));
        }
        sets.sort(Comparator.comparing(s -> SetId.parse(s.id()).orElseThrow()));
        return sets;
    }

    /**
     * Brings a complete remote set into {@code DATA_DIR/backups/<id>/} (files 0600, written to a
     * temporary directory, made durable, then renamed), so that the local restore can use it.
     *
     * @param id      the set
     * @param dataDir the data directory
     * @return the local set's directory
     * @throws StoreException if the set is not in the bucket, is incomplete, is already local, or
     *                        cannot be fetched
     */
    public Path download(String id, Path dataDir) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataDir, "dataDir");
        RemoteBackup set = list().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new StoreException("no backup set '" + id + "' in " + config.location()
                        + "; list them with backups --remote"));
        if (!set.complete()) {
            throw new StoreException("backup set " + id + " in " + config.location()
                    + " is incomplete (its upload was cut short); choose another");
        }
        Path backups = LocalBackupSets.dir(dataDir);
        Path target = backups.resolve(id);
        Path tmp = backups.resolve("." + id + ".tmp");
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new StoreException("backup set " + id + " is already in " + backups
                        + "; restore it without --remote");
            }
            if (!Files.exists(backups, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(backups, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else if (!LocalBackupSets.isDirectory(backups)) {
                throw new StoreException(backups + " is not a directory; move it aside first");
            }
            deleteTemp(tmp);
            Files.createDirectory(tmp, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            for (String file : set.files()) {
                fetch(config.key(id, file), tmp.resolve(file));
            }
            fsync(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            fsync(backups);
            return target;
        } catch (IOException e) {
            throw new StoreException("cannot bring backup set " + id + " into " + backups + ": " + reason(e), e);
        } catch (SdkException e) {
            throw failure("cannot fetch backup set " + id + " from " + config.location(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private long upload(LocalBackupSets.LocalSet set) throws IOException {
        long bytes = 0;
        for (String file : set.files()) { // backup.json is last
            Path path = set.dir().resolve(file);
            if (!LocalBackupSets.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString());
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                 InputStream in = Channels.newInputStream(channel)) {
                long size = channel.size();
                s3.putObject(b -> b.bucket(config.bucket()).key(config.key(set.id().name(), file))
                        .contentLength(size), RequestBody.fromInputStream(in, size));
                bytes += size;
            } catch (SdkException e) {
                if (e.getCause() instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
                    throw n;
                }
                throw failure("cannot copy " + path + " to " + config.location(), e);
            }
        }
        return bytes;
    }

    private void deleteSet(RemoteBackup set) {
        List<ObjectIdentifier> keys = set.files().stream()
                .map(f -> ObjectIdentifier.builder().key(config.key(set.id(), f)).build()).toList();
        try {
            // the manifest first, so a set cut short here reads as incomplete, never as restorable
            s3.deleteObject(b -> b.bucket(config.bucket()).key(config.key(set.id(), LocalBackupSets.MANIFEST)));
            for (ObjectIdentifier key : keys) {
                s3.deleteObject(b -> b.bucket(config.bucket()).key(key.key()));
            }
        } catch (SdkException e) {
            throw failure("cannot remove pruned backup set " + set.id() + " from " + config.location(), e);
        }
    }

    private void fetch(String key, Path file) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(config.bucket()).key(key));
             FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                     PosixFilePermissions.fromString("rw-------")))) {
            Long length = in.response().contentLength();
            if (length != null && length > MAX_OBJECT_BYTES) {
                throw new IOException(key + " holds " + length + " bytes, more than the "
                        + MAX_OBJECT_BYTES + " a backup file may");
            }
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_OBJECT_BYTES) {
                    throw new IOException(key + " is larger than the " + MAX_OBJECT_BYTES + " bytes a backup file may");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
    }

    private static void deleteTemp(Path tmp) throws IOException {
        if (!Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (LocalBackupSets.isDirectory(tmp)) {
            try (var entries = Files.newDirectoryStream(tmp)) {
                for (Path entry : entries) {
                    Files.delete(entry); // regular files or links; a link is removed, not followed
                }
            }
        }
        Files.delete(tmp);
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " already exists";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private static StoreException failure(String what, SdkException e) {
        String message = e.getMessage() == null ? "no reason given" : e.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return new StoreException(what + ": " + message, e);
    }
}
