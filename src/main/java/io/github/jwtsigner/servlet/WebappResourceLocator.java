package io.github.jwtsigner.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a file a setting names ({@code jwk_local_path}, the {@code config} init-param) from inside a webapp:
 * <ul>
 *   <li>an absolute path is a file;</li>
 *   <li>{@code classpath:name} is a classpath resource, through the thread context class loader, then the
 *       filter's;</li>
 *   <li>anything else is first a webapp resource ({@code ServletContext.getResourceAsStream("/" + path)}, such
 *       as {@code WEB-INF/jwk/private.json}), then a file relative to the working directory.</li>
 * </ul>
 * When nothing is found, the error lists every place looked in. Files are read as UTF-8, a leading byte order
 * mark dropped.
 *
 * <p>Part of the filter's plumbing, not an API. Immutable; thread-safe as far as the ServletContext is.
 */
public final class WebappResourceLocator {
    /** The prefix that makes a path a classpath resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";

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
        List<String> looked = new ArrayList<>();
        Found found;
        try {
            found = find(path, looked);
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

    private Found find(String path, List<String> looked) {
        if (path.startsWith(CLASSPATH_PREFIX)) {
            return fromClasspath(stripSlash(path.substring(CLASSPATH_PREFIX.length())), looked);
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && file.isAbsolute()) {
            return fromFile(file, looked);
        }
        if (context != null) {
            String resource = "/" + stripSlash(path);
            String where = "webapp resource [" + resource + "]";
            looked.add(where);
            Found found = fromStream(context.getResourceAsStream(resource), where);
            if (found != null) {
                return found;
            }
        }
        if (file == null) {
            looked.add("file [" + path + "] (not a valid path here)");
            return null;
        }
        return fromFile(file.toAbsolutePath(), looked);
    }

    private Found fromClasspath(String name, List<String> looked) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        if (contextLoader != null) {
            String where = "classpath resource [" + name + "] (thread context class loader)";
            looked.add(where);
            Found found = fromStream(contextLoader.getResourceAsStream(name), where);
            if (found != null) {
                return found;
            }
        }
        if (filterLoader != null && filterLoader != contextLoader) {
            String where = "classpath resource [" + name + "] (filter class loader)";
            looked.add(where);
            return fromStream(filterLoader.getResourceAsStream(name), where);
        }
        return null;
    }

    private static Found fromFile(Path file, List<String> looked) {
        String where = "file [" + file + "]";
        looked.add(where);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new Found(text(Files.readAllBytes(file)), where);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
    }

    private static Found fromStream(InputStream in, String where) {
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            return new Found(text(stream.readAllBytes()), where);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
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
