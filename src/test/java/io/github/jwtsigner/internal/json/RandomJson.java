package io.github.jwtsigner.internal.json;

import java.util.List;
import java.util.Random;

/**
 * Random JSON texts for comparing two implementations: deep ones (a chain of objects and arrays down to a given
 * depth, with siblings at every level) and wide ones (a few levels of objects with many members), written with
 * random whitespace, escapes, non-ASCII and supplementary characters, duplicate names, every number form, and
 * in one text of four a few lone surrogate escapes; and random damage to such a text, so errors get compared
 * too.
 *
 * <p>Recursive, so give it a deep thread stack. One instance per text; not thread-safe.
 */
final class RandomJson {
    private static final List<String> WHITESPACE = List.of("", "", "", " ", "\n", "\t", "\r\n  ");
    private static final List<String> NAMES = List.of("a", "b", "aa", "ab", "a\\u0062", "", "sub", "exp",
            "\u00e9", "e\\u0301", "\uD83D\uDE00", "\\ud83d\\ude00", "\uE000", "\uFFFD", "<&>", "q\\\"", "~1",
            "a/b", "\\u0000");
    private static final List<String> STRING_PIECES = List.of("x", "hello", " ", "\\n", "\\t", "\\r", "\\b",
            "\\f", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u00C9", "\\u003c", "\\u2028", "\\ud83d\\ude00", "\u00e9",
            "\uD83D\uDE00", "\u2028", "\u2029", "\u007f", "<", ">", "&", "\uFFFD", "\uE000", "\u0800", "/");
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "1.0", "0.1", "1e400", "1E+2",
            "-1.5e-7", "12345678901234567890123", "1735689600", "0.000", "9e-0");
    private static final List<String> LITERALS = List.of("true", "false", "null");
    /** What damage inserts: JSON punctuation, the starts of values, and characters that do not belong. */
    private static final String DAMAGE = "{}[],:\"\\ \n0123456789-+.eEtfnu/'\u0001x\u00a0";

    private final Random random;
    private final boolean loneSurrogates;
    private final StringBuilder out = new StringBuilder();

    private RandomJson(Random random) {
        this.random = random;
        this.loneSurrogates = random.nextInt(4) == 0;
    }

    /**
     * An object (mostly) nested exactly {@code depth} levels deep along one chain of objects and arrays, with
     * small siblings before and after the chain at every level.
     */
    static String deep(Random random, int depth) {
        RandomJson json = new RandomJson(random);
        json.chain(depth, random.nextInt(10) > 0);
        return json.text();
    }

    /** An object of up to {@code levels} levels in which objects and arrays have up to 30 entries. */
    static String wide(Random random, int levels) {
        RandomJson json = new RandomJson(random);
        json.object(levels, 30);
        return json.text();
    }

    /** {@code text} with one to three random changes: a character deleted, inserted or replaced, or a cut. */
    static String damage(Random random, String text) {
        StringBuilder damaged = new StringBuilder(text);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && damaged.length() > 0; i++) {
            int at = random.nextInt(damaged.length());
            char c = DAMAGE.charAt(random.nextInt(DAMAGE.length()));
            switch (random.nextInt(4)) {
                case 0: damaged.deleteCharAt(at); break;
                case 1: damaged.insert(at, c); break;
                case 2: damaged.setCharAt(at, c); break;
                default: damaged.setLength(at);
            }
        }
        return damaged.toString();
    }

    private String text() {
        ws();
        return out.append(pick(WHITESPACE)).toString();
    }

    private void chain(int depth, boolean object) {
        ws();
        if (depth == 0) {
            scalar();
            return;
        }
        boolean last = depth == 1;
        out.append(object ? '{' : '[');
        int before = random.nextInt(4);
        int after = random.nextInt(4);
        if (last && before + after == 0 && random.nextBoolean()) {
            ws();
            out.append(object ? '}' : ']');
            return;
        }
        for (int i = 0; i < before + 1 + after; i++) {
            if (i > 0) {
                ws();
                out.append(',');
            }
            if (object) {
                name();
            }
            if (i == before && !last) {
                chain(depth - 1, random.nextBoolean());
            } else {
                small(last ? 0 : Math.min(depth - 1, 2));
            }
        }
        ws();
        out.append(object ? '}' : ']');
    }

    /** A scalar or a small container at most {@code levels} deep. */
    private void small(int levels) {
        int kind = levels == 0 ? 2 : random.nextInt(6);
        if (kind == 0) {
            object(levels, 3);
        } else if (kind == 1) {
            array(levels, 3);
        } else {
            ws();
            scalar();
        }
    }

    private void object(int levels, int width) {
        ws();
        out.append('{');
        int n = random.nextInt(width + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                ws();
                out.append(',');
            }
            name();
            member(levels - 1, width);
        }
        ws();
        out.append('}');
    }

    private void array(int levels, int width) {
        ws();
        out.append('[');
        int n = random.nextInt(width + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                ws();
                out.append(',');
            }
            member(levels - 1, width);
        }
        ws();
        out.append(']');
    }

    private void member(int levels, int width) {
        int kind = levels <= 0 ? 2 : random.nextInt(5);
        if (kind == 0) {
            object(levels, width);
        } else if (kind == 1) {
            array(levels, width);
        } else {
            ws();
            scalar();
        }
    }

    private void name() {
        ws();
        if (random.nextInt(3) == 0) {
            string();
        } else {
            out.append('"').append(pick(NAMES)).append('"');
        }
        ws();
        out.append(':');
    }

    private void scalar() {
        int kind = random.nextInt(3);
        if (kind == 0) {
            string();
        } else if (kind == 1) {
            out.append(pick(NUMBERS));
        } else {
            out.append(pick(LITERALS));
        }
    }

    private void string() {
        out.append('"');
        int pieces = random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            out.append(loneSurrogates && random.nextInt(500) == 0 ? "\\ud800" : pick(STRING_PIECES));
        }
        out.append('"');
    }

    private void ws() {
        out.append(pick(WHITESPACE));
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
