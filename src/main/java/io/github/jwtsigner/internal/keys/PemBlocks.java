package io.github.jwtsigner.internal.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the blocks of a PEM text (RFC 7468), for {@link PemKeyReader}: each with the label of its BEGIN line,
 * the label of its END line, and what lies between.
 *
 * <p>Stateless and thread-safe.
 */
final class PemBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemBlocks() {
    }

    /** One {@code -----BEGIN x----- ... -----END y-----} block: its two labels and what lies between. */
    record Block(String begin, String body, String end) {
    }

    /**
     * The blocks of a PEM text, in order, in one pass: each BEGIN line with its label, up to the next END line
     * with a label; a BEGIN with no END after it ends the scan. Labels are capital letters, digits, spaces
     * and {@code #}; a BEGIN or END line with another label is not one.
     */
    static List<Block> scan(String text) {
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                return blocks;
            }
            String beginLabel = label(text, begin + BEGIN.length());
            if (beginLabel == null) {
                from = begin + BEGIN.length();
                continue;
            }
            int bodyStart = begin + BEGIN.length() + beginLabel.length() + DASHES.length();
            int end = text.indexOf(END, bodyStart);
            String endLabel = null;
            while (end >= 0 && (endLabel = label(text, end + END.length())) == null) {
                end = text.indexOf(END, end + END.length());
            }
            if (end < 0) {
                return blocks;
            }
            blocks.add(new Block(beginLabel, text.substring(bodyStart, end), endLabel));
            from = end + END.length() + endLabel.length() + DASHES.length();
        }
    }

    /** The label starting at {@code start} and closed by five dashes, or null when there is none. */
    private static String label(String text, int start) {
        int i = start;
        while (i < text.length() && isLabelChar(text.charAt(i))) {
            i++;
        }
        return i > start && text.startsWith(DASHES, i) ? text.substring(start, i) : null;
    }

    private static boolean isLabelChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '#';
    }
}
