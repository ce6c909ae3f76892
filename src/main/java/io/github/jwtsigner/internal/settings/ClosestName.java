package io.github.jwtsigner.internal.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a misspelt one was probably meant to be. Case, {@code _} and {@code -} are ignored, so
 * {@code keysToSign} and {@code Keys-To-Sign} both find {@code keys_to_sign}; otherwise at most one edit
 * (insertion, deletion, substitution or swap of neighbours) for short names, two for names over four
 * letters.
 *
 * <p>Stateless and thread-safe.
 */
final class ClosestName {

    private ClosestName() {
    }

    /** The nearest of {@code known} within the allowed distance; the first of equals in list order. */
    static Optional<String> among(String unknown, List<String> known) {
        String wanted = normalize(unknown);
        int allowed = wanted.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            int d = distance(wanted, normalize(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of neighbouring characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
