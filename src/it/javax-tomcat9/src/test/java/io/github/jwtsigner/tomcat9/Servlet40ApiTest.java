package io.github.jwtsigner.tomcat9;

import io.github.jwtsigner.JwtSignerFilter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code javax.servlet} class, method and constructor the javax jar's bytecode calls exists in the Servlet
 * 4.0 API on this class path (Tomcat 9's): nothing of Servlet 5 or 6 is called directly, so no
 * {@code NoSuchMethodError} on a Servlet 4.0 container. A newer method may only be reached by reflection, with a
 * fallback (as {@code sendRedirect(String, int, boolean)} is).
 */
class Servlet40ApiTest {
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int FIELD = 9;
    private static final int METHOD = 10;
    private static final int INTERFACE_METHOD = 11;
    private static final int NAME_AND_TYPE = 12;

    @Test
    void theServletApiHereIsTomcat9s() {
        String location = javax.servlet.Filter.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(location.contains("tomcat-embed-core-9."), location);
    }

    @Test
    void everyServletMemberTheJarCallsExistsInServlet40() throws Exception {
        Path jar = Path.of(JwtSignerFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> missing = new TreeSet<>();
        int checked = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().map(ZipEntry.class::cast).toList()) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (String[] ref : servletReferences(in.readAllBytes())) {
                        checked++;
                        if (!exists(ref)) {
                            missing.add(String.join(" ", ref) + " (from " + entry.getName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " servlet references found in " + jar);
        assertEquals(List.of(), List.copyOf(missing), "called, but not in Servlet 4.0");
    }

    @Test
    void tellsServlet40MembersFromNewerOnes() {
        assertTrue(exists(new String[] {"javax/servlet/http/HttpServletResponse", "setContentLengthLong", "(J)V"}));
        assertTrue(exists(new String[] {"javax/servlet/http/HttpServletResponseWrapper", "sendRedirect",
            "(Ljava/lang/String;)V"}));
        assertFalse(exists(new String[] {"javax/servlet/http/HttpServletResponse", "sendRedirect",
            "(Ljava/lang/String;IZ)V"}), "Servlet 6.1");
        assertFalse(exists(new String[] {"javax/servlet/ServletRequest", "getRequestId", "()Ljava/lang/String;"}),
                "Servlet 6.0");
        assertFalse(exists(new String[] {"javax/servlet/ServletConnection"}), "Servlet 6.0");
    }

    /** Each reference to a javax.servlet type: {class}, or {class, member name, descriptor}. */
    private static List<String[]> servletReferences(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt();
        in.readInt();
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        String[] texts = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case UTF8 -> texts[i] = in.readUTF();
                case CLASS, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 3, 4 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String[]> refs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == CLASS && isServlet(texts[first[i]])) {
                refs.add(new String[] {texts[first[i]]});
            } else if (tags[i] == FIELD || tags[i] == METHOD || tags[i] == INTERFACE_METHOD) {
                String owner = texts[first[first[i]]];
                if (isServlet(owner)) {
                    int nameAndType = second[i];
                    refs.add(new String[] {owner, texts[first[nameAndType]], texts[second[nameAndType]]});
                }
            }
        }
        return refs;
    }

    private static boolean isServlet(String internalName) {
        return internalName.startsWith("javax/servlet/") || internalName.startsWith("[Ljavax/servlet/");
    }

    private static boolean exists(String[] ref) {
        Class<?> owner;
        try {
            String name = ref[0].startsWith("[") ? ref[0].substring(2, ref[0].length() - 1) : ref[0];
            owner = Class.forName(name.replace('/', '.'), false, Servlet40ApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        if (ref.length == 1) {
            return true;
        }
        String name = ref[1];
        String descriptor = ref[2];
        if (!descriptor.startsWith("(")) {
            for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
                if (Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.getName().equals(name)
                        && descriptor(f.getType()).equals(descriptor))) {
                    return true;
                }
            }
            return false;
        }
        if (name.equals("<init>")) {
            return Arrays.stream(owner.getDeclaredConstructors()).anyMatch(c -> descriptor(c, void.class)
                    .equals(descriptor));
        }
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(owner);
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && descriptor(method, method.getReturnType()).equals(descriptor)) {
                    return true;
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(Arrays.asList(type.getInterfaces()));
        }
        return false;
    }

    private static String descriptor(Executable executable, Class<?> returns) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> parameter : executable.getParameterTypes()) {
            sb.append(descriptor(parameter));
        }
        return sb.append(')').append(descriptor(returns)).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return "[" + descriptor(type.getComponentType());
        }
        if (!type.isPrimitive()) {
            return "L" + type.getName().replace('.', '/') + ";";
        }
        return switch (type.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            default -> "D";
        };
    }
}
