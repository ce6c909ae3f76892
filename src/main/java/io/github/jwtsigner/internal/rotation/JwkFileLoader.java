package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.settings.SettingFile;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code jwk_local_path}: a JWK Set file, checked every {@code jwk_local_check_interval} and loaded again when
 * its time, size or identity changed and its content did too. A resource that is not a file (inside a war or
 * jar) is read once.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
final class JwkFileLoader<T> implements KeyLoader<T> {
    private final KeySource.JwkFile source;
    private final KeyReader<T> reader;
    private final KeyFileOpener opener;
    private Path file;
    private String location;
    private FileStamp stamp;
    private ContentDigest digest;
    /** True while the last read of the file failed; the refresh thread alone reads and writes it. */
    private boolean broken;

    JwkFileLoader(KeySource.JwkFile source, KeyReader<T> reader, KeyFileOpener opener) {
        this.source = source;
        this.reader = reader;
        this.opener = opener;
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public T load() {
        KeyFileOpener.Opened opened = opener.open(Setting.JWK_LOCAL_PATH.settingName(), source.path());
        file = opened.file();
        location = opened.location();
        try {
            stamp = file == null ? null : FileStamp.of(file);
        } catch (IOException e) {
            // The content was read; a change check that cannot stat the file now will report it later.
            stamp = FileStamp.MISSING;
        }
        T signer = reader.fromJwkSet(text(opened.bytes()), description());
        digest = ContentDigest.of(opened.bytes());
        Arrays.fill(opened.bytes(), (byte) 0);
        return signer;
    }

    @Override
    public Duration reloadInterval() {
        return file == null ? Duration.ZERO : source.checkInterval();
    }

    @Override
    public String reloadPolicy() {
        if (file == null) {
            return "read once from " + location + ", which is not a file that can be watched";
        }
        if (source.checkInterval().isZero()) {
            return "read once from " + location + " (" + Setting.JWK_LOCAL_CHECK_INTERVAL + " is 0s)";
        }
        return "read from " + location + ", checked for changes every "
                + source.checkInterval().toMillis() + "ms";
    }

    @Override
    public Optional<T> reload() throws IOException {
        FileStamp now = FileStamp.of(file);
        if (now.equals(stamp)) {
            return Optional.empty();
        }
        // Remembered before reading, so that a broken file is reported once, not at every check.
        stamp = now;
        broken = true;
        if (now == FileStamp.MISSING) {
            throw new IOException(location + " is gone");
        }
        byte[] bytes = SettingFile.readKeyFile(file, Setting.JWK_LOCAL_PATH.settingName(), source.path(),
                location);
        try {
            ContentDigest read = ContentDigest.of(bytes);
            if (read.equals(digest)) {
                broken = false;
                return Optional.empty();
            }
            T signer = reader.fromJwkSet(text(bytes), description());
            digest = read;
            broken = false;
            return Optional.of(signer);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean unchangedSinceFailure() {
        return broken;
    }

    @Override
    public Level failureLevel() {
        return Level.ERROR;
    }

    /** UTF-8, a leading byte order mark dropped. */
    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
