package io.github.jwtsigner.config;

import java.math.BigDecimal;
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
 * <p>Limits: as in Go, at most {@code 9223372036854775807ns} (about 292 years) either way; digits beyond
 * nanoseconds are dropped.
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
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** @return the duration, or empty when {@code text} is not in Go's duration syntax or out of range */
    static Optional<Duration> parse(String text) {
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
            int numberStart = i;
            while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            String number = text.substring(numberStart, i);
            if (!isDecimal(number)) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < text.length() && !isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(text.substring(unitStart, i));
            if (unit == null) {
                return Optional.empty();
            }
            String digits = number.startsWith(".") ? "0" + number : number;
            total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)).toBigInteger());
            if (total.compareTo(MAX_NANOS) > 0) {
                return Optional.empty();
            }
        }
        long nanos = total.longValueExact();
        return Optional.of(Duration.ofNanos(negative ? -nanos : nanos));
    }

    /** Writes a duration the way Go prints one, such as {@code 1m30s}, {@code 500ms} or {@code 0s}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.toSeconds() + "s";
        }
        if (nanos < 1_000_000_000L) {
            String[] units = {"ns", "\u00b5s", "ms"};
            long scale = 1;
            int u = 0;
            while (u < 2 && nanos >= scale * 1000) {
                scale *= 1000;
                u++;
            }
            return decimal(nanos, scale) + units[u];
        }
        StringBuilder sb = new StringBuilder();
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(decimal(nanos % 60_000_000_000L, 1_000_000_000L)).append('s').toString();
    }

    private static String decimal(long value, long scale) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale)).stripTrailingZeros().toPlainString();
    }

    private static boolean isDecimal(String number) {
        int dots = 0;
        int digits = 0;
        for (int j = 0; j < number.length(); j++) {
            if (number.charAt(j) == '.') {
                dots++;
            } else {
                digits++;
            }
        }
        return dots <= 1 && digits > 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
