package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.LiteralNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.NumberNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON value of a claim or a token header as an audit line writes it, through {@link LogText}: a string as its
 * text, a number as its JSON number text, {@code true}, {@code false} and {@code null} as themselves, and any
 * other value as its compact JSON text (members in source order, strings escaped as JSON escapes them); with
 * {@code joined}, an array of one or more strings as those strings joined with {@code ,}. A container is walked
 * with an explicit stack, not by recursion, and only the first characters up to the cap are kept.
 *
 * <p>Stateless and thread-safe.
 */
final class ClaimText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ClaimText() {
    }

    /** Appends {@code value} capped at {@code cap} characters; {@code joined} for {@code aud}. */
    static void append(StringBuilder out, JsonNode value, boolean joined, int cap) {
        if (value instanceof StringNode s) {
            LogText.append(out, s.value(), cap);
        } else if (value instanceof NumberNode n) {
            LogText.append(out, n.literal(), cap);
        } else if (value instanceof LiteralNode l) {
            LogText.append(out, l.literal(), cap);
        } else {
            Bounded text = new Bounded(cap + 1);
            if (joined && value instanceof ArrayNode a && allStrings(a.elements())) {
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        text.add(',');
                    }
                    text.add(((StringNode) a.elements().get(i)).value());
                }
            } else {
                compact(value, text);
            }
            LogText.appendCut(out, text.kept, text.length, cap);
        }
    }

    private static boolean allStrings(List<JsonNode> elements) {
        if (elements.isEmpty()) {
            return false;
        }
        for (JsonNode e : elements) {
            if (!(e instanceof StringNode)) {
                return false;
            }
        }
        return true;
    }

    /** An open object or array: what is left of it, and whether one of its items is written already. */
    private static final class Open {
        final Iterator<?> items;
        final char close;
        boolean started;

        Open(Iterator<?> items, char close) {
            this.items = items;
            this.close = close;
        }
    }

    private static void compact(JsonNode root, Bounded out) {
        ArrayDeque<Open> open = new ArrayDeque<>();
        Object next = root;
        while (next != null) {
            JsonNode node;
            if (next instanceof Member m) {
                quoted(m.name(), out);
                out.add(':');
                node = m.value();
            } else {
                node = (JsonNode) next;
            }
            if (node instanceof ObjectNode o) {
                out.add('{');
                open.push(new Open(o.members().iterator(), '}'));
            } else if (node instanceof ArrayNode a) {
                out.add('[');
                open.push(new Open(a.elements().iterator(), ']'));
            } else if (node instanceof StringNode s) {
                quoted(s.value(), out);
            } else if (node instanceof NumberNode n) {
                out.add(n.literal());
            } else {
                out.add(((LiteralNode) node).literal());
            }
            next = null;
            while (next == null && !open.isEmpty()) {
                Open top = open.peek();
                if (top.items.hasNext()) {
                    if (top.started) {
                        out.add(',');
                    }
                    top.started = true;
                    next = top.items.next();
                } else {
                    out.add(top.close);
                    open.pop();
                }
            }
        }
    }

    private static void quoted(String s, Bounded out) {
        out.add('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.add("\\\"");
                case '\\' -> out.add("\\\\");
                case '\n' -> out.add("\\n");
                case '\r' -> out.add("\\r");
                case '\t' -> out.add("\\t");
                case '\b' -> out.add("\\b");
                case '\f' -> out.add("\\f");
                default -> {
                    if (c < 0x20) {
                        out.add("\\u00");
                        out.add(HEX[c >> 4]);
                        out.add(HEX[c & 0xF]);
                    } else {
                        out.add(c);
                    }
                }
            }
        }
        out.add('"');
    }

    /** A text of which only the first {@code limit} characters are kept, and the whole length counted. */
    private static final class Bounded {
        final StringBuilder kept;
        final int limit;
        long length;

        Bounded(int limit) {
            this.limit = limit;
            this.kept = new StringBuilder(Math.min(limit, 64));
        }

        void add(char c) {
            if (length < limit) {
                kept.append(c);
            }
            length++;
        }

        void add(String s) {
            long room = limit - length;
            if (room > 0) {
                kept.append(s, 0, (int) Math.min(room, s.length()));
            }
            length += s.length();
        }
    }
}
