package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.testing.TestFilterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebappResourceLocatorTest {
    private static final String CLASSPATH_KEYS = "jwk/krakend-symmetric-jwk.json";
    private static final Path RELATIVE_DIR = Path.of("target", "locator-test");

    @TempDir
    Path tmp;

    private final ClassLoader originalContextLoader = Thread.currentThread().getContextClassLoader();

    @AfterEach
    void restoreContextLoader() throws IOException {
        Thread.currentThread().setContextClassLoader(originalContextLoader);
        if (Files.isDirectory(RELATIVE_DIR)) {
            try (var files = Files.list(RELATIVE_DIR)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static WebappResourceLocator locator(Map<String, String> webapp) {
        return new WebappResourceLocator(TestFilterConfig.webapp(webapp), WebappResourceLocatorTest.class.getClassLoader());
    }

    @Test
    void readsAnExistingAbsoluteFileBeforeAWebappResourceOfThatName() throws IOException {
        Path file = Files.writeString(tmp.resolve("keys.json"), "{\"keys\":[]}");
        WebappResourceLocator locator = locator(Map.of(file.toString(), "from the webapp"));

        WebappResourceLocator.Found found = locator.read("jwk_local_path", file.toString());

        assertEquals("{\"keys\":[]}", found.text());
        assertEquals("file [" + file + "]", found.location());
    }

    @Test
    void readsAWebInfPathWithALeadingSlashAsAWebappResource() {
        WebappResourceLocator.Found found = locator(Map.of("/WEB-INF/keys/x.json", "{\"keys\":[]}"))
                .read("jwk_local_path", "/WEB-INF/keys/x.json");

        assertEquals("{\"keys\":[]}", found.text());
        assertEquals("webapp resource [/WEB-INF/keys/x.json]", found.location());
    }

    @Test
    void opensAWebInfKeyFileWithALeadingSlashWithTheFileBehindIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("key.pem"), "pem");
        jakarta.servlet.ServletContext context = TestFilterConfig.webapp(Map.of("/WEB-INF/keys/key.pem", "pem"));
        org.mockito.Mockito.when(context.getRealPath("/WEB-INF/keys/key.pem")).thenReturn(file.toString());

        io.github.jwtsigner.internal.rotation.KeyFileOpener.Opened opened = new WebappResourceLocator(context, null)
                .open("pem_local_path", "/WEB-INF/keys/key.pem");

        assertEquals("webapp resource [/WEB-INF/keys/key.pem]", opened.location());
        assertEquals(file, opened.file());
    }

    @Test
    void triesAnAbsolutePathThatIsNoFileAsAWebappResourceAfterTheFile() {
        Path missing = tmp.resolve("keys").resolve("x.json");

        WebappResourceLocator.Found found = locator(Map.of(missing.toString(), "from the webapp"))
                .read("jwk_local_path", missing.toString());

        assertEquals("from the webapp", found.text());
        assertEquals("webapp resource [" + missing + "]", found.location());
    }

    @Test
    void listsTheWebappResourceThenTheFileForAMissingWebInfPath() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> locator(Map.of()).read("jwk_local_path", "/WEB-INF/keys/x.json"));

        assertTrue(e.problems().get(0).startsWith("jwk_local_path [/WEB-INF/keys/x.json] not found; looked in:"
                + " webapp resource [/WEB-INF/keys/x.json], file [/WEB-INF/keys/x.json]; expected"),
                e.problems().get(0));
    }

    @Test
    void neverAsksTheWebappForAPathThatClimbsAboveItsRoot() {
        jakarta.servlet.ServletContext context = org.mockito.Mockito.mock(jakarta.servlet.ServletContext.class);
        org.mockito.Mockito.when(context.getResourceAsStream(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> new java.io.ByteArrayInputStream("{}".getBytes(UTF_8)));
        WebappResourceLocator locator = new WebappResourceLocator(context, null);

        for (String path : new String[] {"/WEB-INF/../../etc/jwk.json", "WEB-INF/../../jwk.json", "../jwk.json",
                "/WEB-INF/..\\..\\jwk.json"}) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> locator.read("jwk_local_path", path), path);

            String resource = "/" + path.replaceFirst("^/", "");
            assertTrue(e.problems().get(0).contains("webapp resource [" + resource + "] (not asked: it climbs above"
                    + " the webapp's root)"), e.problems().get(0));
        }
        org.mockito.Mockito.verify(context, org.mockito.Mockito.never())
                .getResourceAsStream(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void asksTheWebappForAPathWhoseDotDotStaysInside() {
        WebappResourceLocator.Found found = locator(Map.of("/WEB-INF/x/../jwk.json", "{}"))
                .read("jwk_local_path", "/WEB-INF/x/../jwk.json");

        assertEquals("webapp resource [/WEB-INF/x/../jwk.json]", found.location());
    }

    @Test
    void readsAWebappResourceBeforeAFileOfTheSameRelativePath() throws IOException {
        Files.createDirectories(RELATIVE_DIR);
        Files.writeString(RELATIVE_DIR.resolve("jwk.json"), "from the working directory");
        WebappResourceLocator locator = locator(Map.of("/target/locator-test/jwk.json", "from the webapp"));

        WebappResourceLocator.Found found = locator.read("jwk_local_path", "target/locator-test/jwk.json");

        assertEquals("from the webapp", found.text());
        assertEquals("webapp resource [/target/locator-test/jwk.json]", found.location());
    }

    @Test
    void readsAWebappResourceUnderWebInf() {
        WebappResourceLocator.Found found = locator(Map.of("/WEB-INF/jwk/private.json", "{}"))
                .read("jwk_local_path", "WEB-INF/jwk/private.json");

        assertEquals("{}", found.text());
    }

    @Test
    void fallsBackToAFileRelativeToTheWorkingDirectory() throws IOException {
        Files.createDirectories(RELATIVE_DIR);
        Files.writeString(RELATIVE_DIR.resolve("jwk.json"), "\uFEFF{\"keys\":[]}");

        WebappResourceLocator.Found found = locator(Map.of()).read("jwk_local_path", "target/locator-test/jwk.json");

        assertEquals("{\"keys\":[]}", found.text(), "the byte order mark is dropped");
        assertEquals("file [" + RELATIVE_DIR.resolve("jwk.json").toAbsolutePath() + "]", found.location());
    }

    @Test
    void readsAClasspathResourceThroughTheThreadContextClassLoader() {
        WebappResourceLocator.Found found = new WebappResourceLocator(null, null)
                .read("jwk_local_path", "classpath:" + CLASSPATH_KEYS);

        assertEquals("classpath resource [" + CLASSPATH_KEYS + "] (thread context class loader)", found.location());
        assertTrue(found.text().contains("sim2"));
    }

    @Test
    void readsAClasspathResourceThroughTheFiltersClassLoaderWhenTheContextLoaderLacksIt() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            Thread.currentThread().setContextClassLoader(empty);

            WebappResourceLocator.Found found = locator(Map.of()).read("jwk_local_path", "classpath:/" + CLASSPATH_KEYS);

            assertEquals("classpath resource [" + CLASSPATH_KEYS + "] (filter class loader)", found.location());
        }
    }

    @Test
    void listsBothClassLoadersWhenAClasspathResourceIsMissing() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            Thread.currentThread().setContextClassLoader(empty);

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> locator(Map.of()).read("jwk_local_path", "classpath:nope.json"));

            assertEquals("invalid JWT signer configuration: jwk_local_path [classpath:nope.json] not found; looked in:"
                    + " classpath resource [nope.json] (thread context class loader), classpath resource [nope.json]"
                    + " (filter class loader); expected an absolute file path, classpath:name, or a path inside the"
                    + " webapp or relative to the working directory [" + Path.of("").toAbsolutePath() + "]",
                    e.getMessage());
        }
    }

    @Test
    void listsEveryPlaceItLookedWhenARelativePathIsMissing() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> locator(Map.of()).read("jwk_local_path", "WEB-INF/jwk.json"));

        assertEquals(1, e.problems().size());
        assertEquals("jwk_local_path [WEB-INF/jwk.json] not found; looked in: webapp resource [/WEB-INF/jwk.json],"
                + " file [" + Path.of("WEB-INF/jwk.json").toAbsolutePath() + "]; expected an absolute file path,"
                + " classpath:name, or a path inside the webapp or relative to the working directory ["
                + Path.of("").toAbsolutePath() + "]", e.problems().get(0));
    }

    @Test
    void listsOnlyTheFileForAMissingAbsolutePathOutsideAWebapp() {
        Path missing = tmp.resolve("missing.json");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new WebappResourceLocator(null, null).read("config", missing.toString()));

        assertTrue(e.problems().get(0).startsWith("config [" + missing + "] not found; looked in: file ["
                + missing + "]; expected"), e.problems().get(0));
    }

    @Test
    void listsTheFileThenTheWebappResourceForAMissingAbsolutePathInAWebapp() {
        Path missing = tmp.resolve("missing.json");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> locator(Map.of()).read("config", missing.toString()));

        assertTrue(e.problems().get(0).startsWith("config [" + missing + "] not found; looked in: file ["
                + missing + "], webapp resource [" + missing + "]; expected"), e.problems().get(0));
    }

    @Test
    void looksOnlyForAFileOutsideAWebapp() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new WebappResourceLocator(null, null).read("jwk_local_path", "jwk.json"));

        assertTrue(e.problems().get(0).startsWith("jwk_local_path [jwk.json] not found; looked in: file ["
                + Path.of("jwk.json").toAbsolutePath() + "]; expected"), e.problems().get(0));
    }

    @Test
    void reportsADirectoryAsNotFound() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> locator(Map.of()).read("jwk_local_path", tmp.toString()));

        assertTrue(e.getMessage().contains("not found; looked in: file [" + tmp + "]"), e.getMessage());
    }

    @Test
    void readsFilesAsUtf8() throws IOException {
        Path file = Files.write(tmp.resolve("k.json"), "{\"kid\":\"名前\"}".getBytes(UTF_8));

        assertEquals("{\"kid\":\"名前\"}", locator(Map.of()).read("jwk_local_path", file.toString()).text());
    }

    // Key files: bytes, and the file behind them for watching.

    @Test
    void opensAKeyFileAsBytesWithTheFileBehindIt() throws IOException {
        byte[] binary = {0x30, (byte) 0x82, 0x00, (byte) 0xff};
        Path file = Files.write(tmp.resolve("keys.p12"), binary);

        io.github.jwtsigner.internal.rotation.KeyFileOpener.Opened opened = locator(Map.of()).open("keystore_path", file.toString());

        org.junit.jupiter.api.Assertions.assertArrayEquals(binary, opened.bytes());
        assertEquals(file, opened.file());
        assertEquals("file [" + file + "]", opened.location());
    }

    @Test
    void findsTheFileBehindAWebappResourceOfAnUnpackedWebapp() throws IOException {
        Path file = Files.writeString(tmp.resolve("jwk.json"), "{\"keys\":[]}");
        jakarta.servlet.ServletContext context = TestFilterConfig.webapp(Map.of("/WEB-INF/jwk.json", "{\"keys\":[]}"));
        org.mockito.Mockito.when(context.getRealPath("/WEB-INF/jwk.json")).thenReturn(file.toString());

        io.github.jwtsigner.internal.rotation.KeyFileOpener.Opened opened = new WebappResourceLocator(context, null)
                .open("jwk_local_path", "WEB-INF/jwk.json");

        assertEquals(file, opened.file());
        assertEquals("webapp resource [/WEB-INF/jwk.json]", opened.location());
    }

    @Test
    void hasNoFileForAWebappResourceOfAPackedWar() {
        io.github.jwtsigner.internal.rotation.KeyFileOpener.Opened opened = locator(Map.of("/WEB-INF/jwk.json", "{}"))
                .open("jwk_local_path", "WEB-INF/jwk.json");

        assertEquals(null, opened.file());
    }

    @Test
    void findsTheFileBehindAClasspathResourceInADirectory() throws IOException {
        io.github.jwtsigner.internal.rotation.KeyFileOpener.Opened opened = locator(Map.of())
                .open("jwk_local_path", "classpath:" + CLASSPATH_KEYS);

        assertTrue(opened.file() != null && opened.file().endsWith(Path.of(CLASSPATH_KEYS)), String.valueOf(opened.file()));
    }

    /** 64 MiB of {@code #} made on the fly, counting what was taken from it. */
    private static final class EndlessResource extends java.io.InputStream {
        static final long LENGTH = 64L << 20;
        long read;

        @Override
        public int read() {
            if (read >= LENGTH) {
                return -1;
            }
            read++;
            return '#';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= LENGTH) {
                return -1;
            }
            int n = (int) Math.min(len, LENGTH - read);
            java.util.Arrays.fill(b, off, off + n, (byte) '#');
            read += n;
            return n;
        }
    }

    @Test
    void refusesAWebappResourceOverTheLimitWhileReadingIt() {
        EndlessResource resource = new EndlessResource();
        jakarta.servlet.ServletContext context = org.mockito.Mockito.mock(jakarta.servlet.ServletContext.class);
        org.mockito.Mockito.when(context.getResourceAsStream("/WEB-INF/key.pem")).thenReturn(resource);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new WebappResourceLocator(context, null).open("pem_local_path", "WEB-INF/key.pem"));

        assertEquals(java.util.List.of("pem_local_path [WEB-INF/key.pem] is too large: webapp resource"
                + " [/WEB-INF/key.pem] holds more than [1048576] bytes; expected a key file of at most [1048576]"
                + " bytes"), e.problems());
        assertTrue(resource.read <= 1_048_577, "read " + resource.read + " bytes of it");
    }

    @Test
    void refusesAKeyFileOverTheLimit() throws IOException {
        Path file = Files.write(tmp.resolve("huge.json"), new byte[1_048_577]);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> locator(Map.of()).open("jwk_local_path", file.toString()));

        assertEquals(java.util.List.of("jwk_local_path [" + file + "] is too large: file [" + file + "] holds"
                + " [1048577] bytes; expected a key file of at most [1048576] bytes"), e.problems());
    }
}
