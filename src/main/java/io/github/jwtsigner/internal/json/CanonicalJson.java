package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a parsed value as the canonical JSON a JWT payload is made of (the form Go's {@code encoding/json}
 * gives a {@code map[string]interface{}}): compact, object members sorted by the UTF-8 bytes of their names
 * at every level, each name once with the last duplicate winning, arrays in order, numbers as their literal
 * source text, strings escaped by {@link GoStringEscaper}. It recurses at most {@value #RECURSION_LEVELS}
 * levels and loops below that, so any depth the parser accepts is written on a thread with a small stack too.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {
    private static final Comparator<Member> BY_NAME = (a, b) -> compareCodePoints(a.name(), b.name());
    /**
     * Levels written by recursion, more than real claims have; deeper ones are written by a loop with an
     * explicit stack. Recursion keeps the common case fast (the loop alone measured about a fifth slower on a
     * login's claims), and this bound keeps its stack use to a few KiB.
     */
    static final int RECURSION_LEVELS = 16;
    /** Levels of nesting the explicit stack has room for at first. */
    private static final int INITIAL_LEVELS = 16;

    private CanonicalJson() {
    }

    /**
     * @return the canonical UTF-8 bytes of {@code value}
     * @throws SigningException with reason {@code INVALID_STRING} when a name or string holds a lone surrogate
     */
    public static byte[] toBytes(JsonNode value) {
        Utf8Buffer out = new Utf8Buffer(value.end() - value.start() + 16);
        write(value, out, 0);
        return out.toByteArray();
    }

    /**
     * One string as a JSON string literal, escaped exactly as in {@link #toBytes}: the JWS header's values go
     * through the same rules as the claims.
     *
     * @return the quoted string's UTF-8 bytes
     * @throws SigningException with reason {@code INVALID_STRING} when {@code s} holds a lone surrogate
     */
    public static byte[] quoted(String s) {
        Utf8Buffer out = new Utf8Buffer(s.length() + 8);
        GoStringEscaper.writeQuoted(s, -1, out);
        return out.toByteArray();
    }

    /**
     * Writes {@code value}, which sits inside {@code levels} containers of what {@link #toBytes} writes.
     * Recursion is the fast path for the few levels claims have; a container {@link #RECURSION_LEVELS} deep
     * goes to {@link #writeDeep} with all it holds.
     */
    private static void write(JsonNode value, Utf8Buffer out, int levels) {
        if (value instanceof ObjectNode) {
            if (levels == RECURSION_LEVELS) {
                writeDeep(value, out);
            } else {
                writeObject((ObjectNode) value, out, levels + 1);
            }
        } else if (value instanceof ArrayNode) {
            if (levels == RECURSION_LEVELS) {
                writeDeep(value, out);
            } else {
                writeArray((ArrayNode) value, out, levels + 1);
            }
        } else {
            writeScalar(value, out);
        }
    }

    private static void writeObject(ObjectNode object, Utf8Buffer out, int levels) {
        List<Member> members = object.members();
        Member[] sorted = members.toArray(new Member[0]);
        // Arrays.sort on objects is stable, so among equal names the last one in the source comes last.
        Arrays.sort(sorted, BY_NAME);
        out.write('{');
        boolean first = true;
        for (int i = 0; i < sorted.length; i++) {
            Member member = sorted[i];
            if (i + 1 < sorted.length && sorted[i + 1].name().equals(member.name())) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            GoStringEscaper.writeQuoted(member.name(), member.nameStart(), out);
            out.write(':');
            write(member.value(), out, levels);
        }
        out.write('}');
    }

    private static void writeArray(ArrayNode array, Utf8Buffer out, int levels) {
        out.write('[');
        List<JsonNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            write(elements.get(i), out, levels);
        }
        out.write(']');
    }

    /**
     * Writes an object or array, however deep it nests, in a loop with the open containers on an explicit
     * stack, so the thread's stack size does not limit the depth. Each level of the stack holds an object's
     * members as {@link #sortedDistinct} gives them, or an array's elements, and how many have been written.
     */
    private static void writeDeep(JsonNode container, Utf8Buffer out) {
        Object[] open = new Object[INITIAL_LEVELS];
        int[] written = new int[INITIAL_LEVELS];
        int depth = 0;
        JsonNode value = container;
        while (true) {
            Object entries;
            if (value instanceof ObjectNode) {
                out.write('{');
                entries = sortedDistinct(((ObjectNode) value).members());
            } else if (value instanceof ArrayNode) {
                out.write('[');
                entries = ((ArrayNode) value).elements();
            } else {
                writeScalar(value, out);
                entries = null;
            }
            if (entries != null) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, 2 * depth);
                    written = Arrays.copyOf(written, 2 * depth);
                }
                open[depth] = entries;
                written[depth++] = 0;
            }
            // Find the next value to write, closing each container that has none left.
            value = null;
            while (depth > 0) {
                int level = depth - 1;
                int i = written[level];
                if (open[level] instanceof Member[]) {
                    Member[] members = (Member[]) open[level];
                    if (i < members.length) {
                        if (i > 0) {
                            out.write(',');
                        }
                        Member member = members[i];
                        GoStringEscaper.writeQuoted(member.name(), member.nameStart(), out);
                        out.write(':');
                        value = member.value();
                    } else {
                        out.write('}');
                    }
                } else {
                    @SuppressWarnings("unchecked")
                    List<JsonNode> elements = (List<JsonNode>) open[level];
                    if (i < elements.size()) {
                        if (i > 0) {
                            out.write(',');
                        }
                        value = elements.get(i);
                    } else {
                        out.write(']');
                    }
                }
                if (value != null) {
                    written[level] = i + 1;
                    break;
                }
                depth--;
            }
            if (value == null) {
                return;
            }
        }
    }

    private static void writeScalar(JsonNode value, Utf8Buffer out) {
        if (value instanceof StringNode) {
            GoStringEscaper.writeQuoted(((StringNode) value).value(), value.start(), out);
        } else if (value instanceof JsonNode.NumberNode) {
            out.writeAscii(((JsonNode.NumberNode) value).literal());
        } else {
            out.writeAscii(((JsonNode.LiteralNode) value).literal());
        }
    }

    /** The members sorted by name, each name once: of equal names, the last one in the source. */
    private static Member[] sortedDistinct(List<Member> members) {
        Member[] sorted = members.toArray(new Member[0]);
        // Arrays.sort on objects is stable, so among equal names the last one in the source comes last.
        Arrays.sort(sorted, BY_NAME);
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i + 1 < sorted.length && sorted[i + 1].name().equals(sorted[i].name())) {
                continue;
            }
            sorted[kept++] = sorted[i];
        }
        return kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
    }

    /**
     * UTF-8 byte order, which is code point order. {@code String.compareTo} compares UTF-16 units and so
     * puts a surrogate pair (U+10000 and up) before U+E000..U+FFFF; surrogates are moved above that range.
     */
    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = a.charAt(i);
            int y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    x = surrogatesLast(x);
                    y = surrogatesLast(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int surrogatesLast(int c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
