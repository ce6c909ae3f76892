package io.github.jwtsigner.internal.settings;

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
}
