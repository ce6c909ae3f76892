package io.github.jwtsigner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two packaged jars each name one servlet namespace only: the {@code javax} jar no {@code jakarta} type or
 * name, the main jar no {@code javax.servlet}. Reads every class file's constant pool, where each type, descriptor,
 * signature and string constant of a class lives.
 *
 * <p>Runs after {@code package}, in its own surefire execution (see the pom), with the jars' paths in the system
 * properties {@code jar.main} and {@code jar.javax}; the ordinary test run leaves it out.
 */
class JarNamespaceTest {
    private static final List<String> API_CLASSES = List.of("JwtSignerFilter", "JwtValidatorFilter", "JwksServlet");

    @Test
    void javaxJarNamesNoJakartaType() throws IOException {
        Map<String, List<String>> found = constants(jar("jar.javax"), "jakarta/", "jakarta.");
        assertEquals(Map.of(), found, "the javax jar still names jakarta in these classes' constant pools");
    }

    @Test
    void mainJarNamesNoJavaxServletType() throws IOException {
        Map<String, List<String>> found = constants(jar("jar.main"), "javax/servlet", "javax.servlet");
        assertEquals(Map.of(), found, "the main jar names javax.servlet in these classes' constant pools");
    }

    @Test
    void bothJarsHoldTheSameClassesEachOnItsOwnServletApi() throws IOException {
        Path main = jar("jar.main");
        Path javax = jar("jar.javax");
        assertEquals(classNames(main), classNames(javax), "the two jars must hold the same classes");
        for (String name : API_CLASSES) {
            String entry = "io/github/jwtsigner/" + name + ".class";
            assertFalse(constantsOf(main, entry, "jakarta/servlet/").isEmpty(),
                    name + " in the main jar should use jakarta.servlet");
            assertFalse(constantsOf(javax, entry, "javax/servlet/").isEmpty(),
                    name + " in the javax jar should use javax.servlet");
        }
    }

    @Test
    void findsANamespaceInAConstantPool() throws IOException {
        byte[] pool = classFile("Ljakarta/servlet/FilterConfig;", "plain text");
        assertEquals(List.of("Ljakarta/servlet/FilterConfig;"), matching(pool, "jakarta/"));
        assertEquals(List.of(), matching(pool, "javax/servlet"));
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "system property " + property + " [" + path + "] should name a packaged jar; run after package");
        return Path.of(path);
    }

    private static TreeSet<String> classNames(Path jar) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
        }
        return names;
    }

    /** Class file name to its constant-pool texts containing any of {@code needles}, for all class files. */
    private static Map<String, List<String>> constants(Path jar, String... needles) throws IOException {
        return constantsOf(jar, null, needles);
    }

    /** As above, for the class file {@code only}, or for all when null. */
    private static Map<String, List<String>> constantsOf(Path jar, String only, String... needles)
            throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                boolean wanted = only == null ? entry.getName().endsWith(".class") : entry.getName().equals(only);
                if (!wanted) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    List<String> hits = matching(in.readAllBytes(), needles);
                    if (!hits.isEmpty()) {
                        found.put(entry.getName(), hits);
                    }
                }
            }
        }
        return found;
    }

    /** The UTF-8 constants of one class file that contain any of {@code needles}. */
    private static List<String> matching(byte[] classFile, String... needles) throws IOException {
        List<String> hits = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readInt();
        int count = in.readUnsignedShort();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    String text = in.readUTF();
                    for (String needle : needles) {
                        if (text.contains(needle)) {
                            hits.add(text);
                            break;
                        }
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("constant pool tag [" + tag + "] at index " + index
                        + " is unknown; expected a tag of class file version 69 or older");
            }
        }
        return hits;
    }

    /** The head of a class file whose constant pool holds {@code texts} and one long. */
    private static byte[] classFile(String... texts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeInt(61);
        out.writeShort(texts.length + 3);
        out.writeByte(5);
        out.writeLong(Long.MAX_VALUE);
        for (String text : texts) {
            out.writeByte(1);
            out.writeUTF(text);
        }
        return bytes.toByteArray();
    }
}
