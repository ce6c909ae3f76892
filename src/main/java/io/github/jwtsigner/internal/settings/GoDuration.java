package io.github.jwtsigner.internal.settings;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a duration written as Go's {@code time.ParseDuration} reads it, the syntax KrakenD's settings use: a
 * sequence of decimal numbers, each with an optional fraction and a unit, such as {@code 300ms},
 * {@code 1.5s}, {@code 1m30s} or {@code 2h45m}. Units: {@code ns}, {@code us} (or {@code µs}), {@code ms},
 * {@code s}, {@code m}, {@code h}. A bare {@code 0} is zero; any other number needs a unit. A leading
 * {@code -} or {@code +} applies to the whole value.
 *
 * <p>Limits: as in Go, from {@code -9223372036854775808ns} to {@code 9223372036854775807ns} (about 292 years);
 * a fraction is rounded as Go rounds it (through a float64), so {@code 0.3333333333333333333h} is 20 minutes.
 *
 * <p>Stateless and thread-safe.
 */
final class GoDuration {
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // MICRO SIGN
            "\u03bcs", 1_000L, // GREEK SMALL LETTER MU
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);
    private static final BigInteger TWO_TO_63 = BigInteger.ONE.shiftLeft(63);

    private GoDuration() {
    }

    /** @return the duration, or empty when {@code text} is not in Go's duration syntax or out of range */
    static Optional<Duration> parse(String text) {
        // Follows Go's time.ParseDuration step by step, down to its float64 arithmetic for fractions, so
        // that every value means here exactly what it means to KrakenD.
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (i == text.length()) {
            return Optional.empty();
        }
        BigInteger total = BigInteger.ZERO;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(c == '.' || isDigit(c))) {
                return Optional.empty();
            }
            int start = i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            boolean wholeDigits = i > start;
            BigInteger whole = wholeDigits ? new BigInteger(text.substring(start, i)) : BigInteger.ZERO;
            if (whole.compareTo(TWO_TO_63) > 0) {
                return Optional.empty();
            }
            BigInteger fraction = BigInteger.ZERO;
            double scale = 1;
            boolean fractionDigits = false;
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    if (!overflow) {
                        BigInteger next = fraction.multiply(BigInteger.TEN).add(BigInteger.valueOf(text.charAt(i) - '0'));
                        if (next.compareTo(TWO_TO_63) > 0) {
                            overflow = true;
                        } else {
                            fraction = next;
                            scale *= 10;
                        }
                    }
                    i++;
                }
                fractionDigits = i > fractionStart;
            }
            if (!wholeDigits && !fractionDigits) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < text.length() && text.charAt(i) != '.' && !isDigit(text.charAt(i))) {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(text.substring(unitStart, i));
            if (unit == null) {
                return Optional.empty();
            }
            BigInteger value = whole.multiply(BigInteger.valueOf(unit));
            if (value.compareTo(TWO_TO_63) > 0) {
                return Optional.empty();
            }
            if (fraction.signum() > 0) {
                value = value.add(BigInteger.valueOf((long) (fraction.doubleValue() * (unit / scale))));
                if (value.compareTo(TWO_TO_63) > 0) {
                    return Optional.empty();
                }
            }
            total = total.add(value);
            if (total.compareTo(TWO_TO_63) > 0) {
                return Optional.empty();
            }
        }
        if (!negative && total.compareTo(TWO_TO_63) == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(negative ? total.negate().longValueExact() : total.longValueExact()));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
