package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.json.JsonPointer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeterRegistriesTest {
    private static final String SOURCE = "init-params of filter [jwtSigner]";

    @Test
    void noRegistryAndNoParamOrNoneMeanJmxAlone() {
        assertNull(MeterRegistries.resolve(null, null, SOURCE));
        assertNull(MeterRegistries.resolve(null, "none", SOURCE));
        assertNull(MeterRegistries.resolve(null, " NONE ", SOURCE));
    }

    @Test
    void globalIsMicrometersGlobalRegistryInAnyCase() {
        assertSame(Metrics.globalRegistry, MeterRegistries.resolve(null, "global", SOURCE));
        assertSame(Metrics.globalRegistry, MeterRegistries.resolve(null, " Global ", SOURCE));
    }

    @Test
    void aRegistryHandedOverInCodeIsUsed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        assertSame(registry, MeterRegistries.resolve(registry, null, SOURCE));
    }

    @Test
    void refusesAValueOtherThanGlobalOrNoneNamingItAndTheChoices() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> MeterRegistries.resolve(null, " prometheus ", SOURCE));
        assertEquals(List.of(SOURCE + ": metrics [prometheus] is not a metrics setting; expected [global]"
                + " (Micrometer's global registry) or [none] (the default: JMX alone)"), e.problems());
    }

    @Test
    void refusesARegistryInCodeAndTheParamTogether() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        for (String param : List.of("global", "none")) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> MeterRegistries.resolve(registry, param, SOURCE));
            assertEquals(List.of(SOURCE + ": metrics [" + param + "] is set, but a MeterRegistry was handed over"
                    + " in code; expected one of them"), e.problems());
        }
    }

    @Test
    void withoutARegistryTheMetersAreTheEmptyOnes() {
        assertSame(Meters.NO_SIGNER, MeterRegistries.signer(null, "s", JsonPointer.parseAll(List.of("access_token")),
                () -> null));
        assertSame(Meters.NO_VALIDATOR, MeterRegistries.validator(null, "v", () -> 0, () -> null));
        assertSame(Meters.NO_JWKS, MeterRegistries.jwks(null, "j", () -> null));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters.Jwks jwks = MeterRegistries.jwks(registry, "j", () -> null);
        assertNotSame(Meters.NO_JWKS, jwks);
        assertTrue(registry.find("jwt.jwks.requests").tag("name", "j").counter() != null);
        jwks.close();
        assertTrue(registry.getMeters().isEmpty());
    }
}
