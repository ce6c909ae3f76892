package io.github.jwtsigner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    // Cases from Go's time/time_test.go parseDurationTests, with the nanoseconds Go gives.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0, 0",
        "5s, 5000000000",
        "30s, 30000000000",
        "1478s, 1478000000000",
        "-5s, -5000000000",
        "+5s, 5000000000",
        "-0, 0",
        "+0, 0",
        "5.0s, 5000000000",
        "5.6s, 5600000000",
        "5.s, 5000000000",
        ".5s, 500000000",
        "1.0s, 1000000000",
        "1.00s, 1000000000",
        "1.004s, 1004000000",
        "1.0040s, 1004000000",
        "100.00100s, 100001000000",
        "10ns, 10",
        "11us, 11000",
        "12\u00b5s, 12000",
        "12\u03bcs, 12000",
        "13ms, 13000000",
        "14s, 14000000000",
        "15m, 900000000000",
        "16h, 57600000000000",
        "3h30m, 12600000000000",
        "10.5s4m, 250500000000",
        "-2m3.4s, -123400000000",
        "1h2m3s4ms5us6ns, 3723004005006",
        "39h9m14.425s, 140954425000000",
        "52763797000ns, 52763797000",
        "0.3333333333333333333h, 1200000000000",
        "9007199254740993ns, 9007199254740993",
        "9223372036854775807ns, 9223372036854775807",
        "9223372036854775.807us, 9223372036854775807",
        "9223372036s854ms775us807ns, 9223372036854775807",
        "-9223372036854775808ns, -9223372036854775808",
        "0.100000000000000000000h, 360000000000",
        "0.830103483285477580700h, 2988372539827"
    })
    void readsWhatGoReads(String text, long nanos) {
        assertEquals(Optional.of(Duration.ofNanos(nanos)), GoDuration.parse(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "5 s", " 5s", "5s ", "1.2.3s",
        "5S", "5sec", "9223372036854775808ns", "9223372036854775.808us", "3000000h"})
    void refusesWhatGoRefuses(String text) {
        assertEquals(Optional.empty(), GoDuration.parse(text));
    }

    @Test
    void refusesNull() {
        assertEquals(Optional.empty(), GoDuration.parse(null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1100, 1.1\u00b5s",
        "2200000, 2.2ms",
        "500000000, 500ms",
        "3300000000, 3.3s",
        "5000000000, 5s",
        "60000000000, 1m0s",
        "90000000000, 1m30s",
        "4000000000000, 1h6m40s",
        "-5000000000, -5s",
        "9223372036854775807, 2562047h47m16.854775807s"
    })
    void writesAsGoPrints(long nanos, String text) {
        assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    }

    @Test
    void writesADurationBeyondGosRangeInSeconds() {
        assertEquals("10000000000s", GoDuration.format(Duration.ofSeconds(10_000_000_000L)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0s", "1ns", "1.5s", "500ms", "1m30s", "2h45m0s", "1h0m0.001s"})
    void readsBackWhatItWrites(String text) {
        Duration d = GoDuration.parse(text).orElseThrow();
        assertEquals(d, GoDuration.parse(GoDuration.format(d)).orElseThrow());
    }
}
