package io.github.jwtsigner.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader of audit lines written independently of the library, from the format its javadoc states: fields
 * {@code name=value} separated by single spaces, a value bare ({@code A-Z a-z 0-9 . _ : / @ + -}, not empty) or in
 * double quotes with the escapes {@code \" \\ \n \r \t} and {@code \}{@code uXXXX}. Anything else in a line, a raw
 * control character inside quotes included, is an {@link AssertionError}.
 */
public final class AuditLines {
    private AuditLines() {
    }

    /** The fields of {@code line} by name, in line order, values unescaped; a name seen twice is an error. */
    public static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (true) {
            int eq = line.indexOf('=', i);
            if (eq <= i) {
                throw new AssertionError("no field name at " + i + " in " + line);
            }
            String name = line.substring(i, eq);
            for (char c : name.toCharArray()) {
                if (!(c >= 'a' && c <= 'z' || c == '_')) {
                    throw new AssertionError("field name [" + name + "] is not [a-z_]+ in " + line);
                }
            }
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i = quoted(line, i + 1, value);
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ' ') {
                    if (!bare(line.charAt(i))) {
                        throw new AssertionError("character U+" + Integer.toHexString(line.charAt(i))
                                + " in a bare value at " + i + " of " + line);
                    }
                    i++;
                }
                if (i == start) {
                    throw new AssertionError("empty bare value for " + name + " in " + line);
                }
                value.append(line, start, i);
            }
            if (fields.put(name, value.toString()) != null) {
                throw new AssertionError("field " + name + " twice in " + line);
            }
            if (i == n) {
                return fields;
            }
            if (line.charAt(i) != ' ' || i + 1 == n) {
                throw new AssertionError("expected one space and a field at " + i + " in " + line);
            }
            i++;
        }
    }

    /** Reads a quoted value's characters from {@code i}, just past the opening quote; returns past the closing. */
    private static int quoted(String line, int i, StringBuilder value) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20 || c == 0x7F) {
                throw new AssertionError("raw control character U+" + Integer.toHexString(c) + " at " + i);
            }
            if (c != '\\') {
                value.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new AssertionError("escape at the end of " + line);
            }
            char e = line.charAt(i + 1);
            switch (e) {
                case '"', '\\' -> value.append(e);
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (i + 6 > n) {
                        throw new AssertionError("short \\u escape in " + line);
                    }
                    String hex = line.substring(i + 2, i + 6);
                    if (!hex.chars().allMatch(h -> h >= '0' && h <= '9' || h >= 'a' && h <= 'f')) {
                        throw new AssertionError("\\u escape [" + hex + "] is not four lower-case hex digits");
                    }
                    value.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw new AssertionError("unknown escape \\" + e + " in " + line);
            }
            i += 2;
        }
        throw new AssertionError("unterminated quoted value in " + line);
    }

    private static boolean bare(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "._:/@+-".indexOf(c) >= 0;
    }
}
