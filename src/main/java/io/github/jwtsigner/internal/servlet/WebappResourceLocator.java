package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.settings.SettingFile;
import io.github.jwtsigner.internal.rotation.KeyFileOpener;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a file a setting names ({@code jwk_local_path}, the {@code config} init-param) from inside a webapp:
 * <ul>
 *   <li>an absolute path is a file; inside a webapp, one that starts with {@code /WEB-INF/} is first a webapp
 *       resource, and one that is no existing file is then tried as a webapp resource (the startup line writes
 *       webapp resources with a leading slash, so {@code /WEB-INF/keys/x.json} is what people copy);</li>
 *   <li>{@code classpath:name} is a classpath resource, through the thread context class loader, then the
 *       filter's;</li>
 *   <li>anything else is first a webapp resource ({@code ServletContext.getResourceAsStream("/" + path)}, such
 *       as {@code WEB-INF/jwk/private.json}), then a file relative to the working directory.</li>
 * </ul>
 * A path whose {@code ..} segments climb above the webapp's root is never asked of the webapp (whatever the
 * container would make of it); it can still name a file. When nothing is found, the error lists every place
 * looked in. Files are read as UTF-8, a leading byte order mark dropped.
 *
 * <p>Key files ({@code jwk_local_path}, {@code pem_local_path}, {@code keystore_path}, {@code jwk_local_ca}) are
 * found the same way, as bytes, through {@link #open}, and refused when larger than
 * {@value SettingFile#MAX_KEY_FILE_BYTES} bytes (see {@link SettingFile}).
 *
 * <p>Part of the filter's plumbing, not an API. Immutable; thread-safe as far as the ServletContext is.
 */
public final class WebappResourceLocator implements KeyFileOpener {
    /** The prefix that makes a path a classpath resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    /** The start of an absolute path that is first a webapp resource, then a file. */
    private static final String WEB_INF = "/WEB-INF/";

    /**
     * A file's text and where it was found.
     *
     * @param text the content, UTF-8 decoded
     * @param location where it was found, for messages: {@code webapp resource [/WEB-INF/jwk.json]}
     */
    public record Found(String text, String location) {
        @Override
        public String toString() {
            return "Found[" + location + "]";
        }
    }

    /** How a file that was found is read: a key file within {@link SettingFile}'s limit, the config file whole. */
    private record Reading(String setting, String path, boolean keyFile) {
        byte[] file(Path file, String where) throws IOException {
            return keyFile ? SettingFile.readKeyFile(file, setting, path, where) : Files.readAllBytes(file);
        }

        byte[] stream(InputStream in, String where) throws IOException {
            return keyFile ? SettingFile.readKeyFile(in, setting, path, where) : in.readAllBytes();
        }
    }

    private final ServletContext context;
    private final ClassLoader filterLoader;

    /**
     * @param context the webapp to look in, or null outside one
     * @param filterLoader the class loader of the filter, asked after the thread context class loader
     */
    public WebappResourceLocator(ServletContext context, ClassLoader filterLoader) {
        this.context = context;
        this.filterLoader = filterLoader;
    }

    /**
     * @param setting the name of the setting that holds {@code path}, for messages
     * @throws InvalidConfigurationException when nothing is found (listing every place looked in) or the file
     *     cannot be read
     */
    public Found read(String setting, String path) {
        Opened opened = open(new Reading(setting, path, false));
        return new Found(text(opened.bytes()), opened.location());
    }

    /**
     * Finds and reads a key file as bytes (a keystore is binary), with the file behind it when there is one:
     * an absolute or working-directory file, a webapp resource of an unpacked webapp
     * ({@code ServletContext.getRealPath}), or a classpath resource in a directory. A {@code KeyRing} watches
     * that file for changes.
     *
     * @param setting the name of the setting that holds {@code path}, for messages
     * @throws InvalidConfigurationException when nothing is found (listing every place looked in), the file
     *     cannot be read, or it is larger than {@value SettingFile#MAX_KEY_FILE_BYTES} bytes
     */
    @Override
    public Opened open(String setting, String path) {
        return open(new Reading(setting, path, true));
    }

    private Opened open(Reading reading) {
        String setting = reading.setting();
        String path = reading.path();
        List<String> looked = new ArrayList<>();
        Opened found;
        try {
            found = find(reading, looked);
        } catch (UncheckedIOException e) {
            throw new InvalidConfigurationException(setting + " [" + path + "] could not be read from "
                    + e.getMessage() + ": " + e.getCause().getMessage() + "; expected a readable file", e.getCause());
        }
        if (found == null) {
            throw new InvalidConfigurationException(setting + " [" + path + "] not found; looked in: "
                    + String.join(", ", looked) + "; expected an absolute file path, " + CLASSPATH_PREFIX
                    + "name, or a path inside the webapp or relative to the working directory ["
                    + Path.of("").toAbsolutePath() + "]");
        }
        return found;
    }

    private Opened find(Reading reading, List<String> looked) {
        String path = reading.path();
        if (path.startsWith(CLASSPATH_PREFIX)) {
            return fromClasspath(stripSlash(path.substring(CLASSPATH_PREFIX.length())), reading, looked);
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && file.isAbsolute()) {
            if (context == null || !path.startsWith("/")) {
                return fromFile(file, reading, looked);
            }
            if (path.startsWith(WEB_INF)) {
                Opened found = fromWebapp(path, reading, looked);
                return found != null ? found : fromFile(file, reading, looked);
            }
            Opened found = fromFile(file, reading, looked);
            return found != null ? found : fromWebapp(path, reading, looked);
        }
        if (context != null) {
            Opened found = fromWebapp(path, reading, looked);
            if (found != null) {
                return found;
            }
        }
        if (file == null) {
            looked.add("file [" + path + "] (not a valid path here)");
            return null;
        }
        return fromFile(file.toAbsolutePath(), reading, looked);
    }

    private Opened fromWebapp(String path, Reading reading, List<String> looked) {
        String resource = "/" + stripSlash(path);
        String where = "webapp resource [" + resource + "]";
        if (climbsAboveRoot(resource)) {
            looked.add(where + " (not asked: it climbs above the webapp's root)");
            return null;
        }
        looked.add(where);
        return fromStream(context.getResourceAsStream(resource), where, realFile(resource), reading);
    }

    /** True when the {@code ..} segments of {@code resource} climb above the webapp's root. */
    private static boolean climbsAboveRoot(String resource) {
        int depth = 0;
        for (String segment : resource.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private Opened fromClasspath(String name, Reading reading, List<String> looked) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        if (contextLoader != null) {
            String where = "classpath resource [" + name + "] (thread context class loader)";
            looked.add(where);
            Opened found = fromStream(contextLoader.getResourceAsStream(name), where,
                    classpathFile(contextLoader, name), reading);
            if (found != null) {
                return found;
            }
        }
        if (filterLoader != null && filterLoader != contextLoader) {
            String where = "classpath resource [" + name + "] (filter class loader)";
            looked.add(where);
            return fromStream(filterLoader.getResourceAsStream(name), where, classpathFile(filterLoader, name),
                    reading);
        }
        return null;
    }

    private static Opened fromFile(Path file, Reading reading, List<String> looked) {
        String where = "file [" + file + "]";
        looked.add(where);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new Opened(reading.file(file, where), where, file);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
    }

    private static Opened fromStream(InputStream in, String where, Path file, Reading reading) {
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            return new Opened(reading.stream(stream, where), where, file);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
    }

    /** The file behind a webapp resource of an unpacked webapp, or null (a packed war has none). */
    private Path realFile(String resource) {
        String real = context.getRealPath(resource);
        return real == null ? null : existingFile(real);
    }

    /** The file behind a classpath resource in a directory, or null (one inside a jar has none). */
    private static Path classpathFile(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return existingFile(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path existingFile(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
