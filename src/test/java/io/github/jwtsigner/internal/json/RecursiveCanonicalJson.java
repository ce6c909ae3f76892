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
 * The recursive {@link CanonicalJson} writer as it was before it became a loop with an explicit stack, kept
 * unchanged (but for its name) as the reference the loop is tested against. It needs a deep thread stack for
 * deeply nested values.
 */
final class RecursiveCanonicalJson {
    private static final Comparator<Member> BY_NAME = (a, b) -> compareCodePoints(a.name(), b.name());

    private RecursiveCanonicalJson() {
    }

    /**
     * @return the canonical UTF-8 bytes of {@code value}
     * @throws SigningException with reason {@code INVALID_STRING} when a name or string holds a lone surrogate
     */
    static byte[] toBytes(JsonNode value) {
        Utf8Buffer out = new Utf8Buffer(value.end() - value.start() + 16);
        write(value, out);
        return out.toByteArray();
    }

    private static void write(JsonNode value, Utf8Buffer out) {
        if (value instanceof ObjectNode) {
            writeObject((ObjectNode) value, out);
        } else if (value instanceof ArrayNode) {
            writeArray((ArrayNode) value, out);
        } else if (value instanceof StringNode) {
            GoStringEscaper.writeQuoted(((StringNode) value).value(), value.start(), out);
        } else if (value instanceof JsonNode.NumberNode) {
            out.writeAscii(((JsonNode.NumberNode) value).literal());
        } else {
            out.writeAscii(((JsonNode.LiteralNode) value).literal());
        }
    }

    private static void writeObject(ObjectNode object, Utf8Buffer out) {
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
            write(member.value(), out);
        }
        out.write('}');
    }

    private static void writeArray(ArrayNode array, Utf8Buffer out) {
        out.write('[');
        List<JsonNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            write(elements.get(i), out);
        }
        out.write(']');
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
