package io.github.jwtsigner;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigTextTest {
    @Test
    void showsDurationsAsGoWritesShortOnes() {
        assertEquals("5s", ConfigText.show(Duration.ofSeconds(5)));
        assertEquals("1500ms", ConfigText.show(Duration.ofMillis(1500)));
        assertEquals("none", ConfigText.show(null));
    }

    @Test
    void aMeterRegistryOfAnyKindIsTakenAndNullIsNone() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        assertSame(simple, ConfigText.meterRegistry(simple));
        assertSame(Metrics.globalRegistry, ConfigText.meterRegistry(Metrics.globalRegistry));
        assertNull(ConfigText.meterRegistry(null));
    }

    @Test
    void everyBuilderRefusesAnObjectThatIsNoMeterRegistryNamingItsClass() {
        List<Consumer<Object>> builders = List.of(
                r -> SignerConfig.builder().meterRegistry(r),
                r -> ValidatorConfig.builder().meterRegistry(r),
                r -> JwksConfig.builder().meterRegistry(r));
        for (Consumer<Object> builder : builders) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.accept(new StringBuilder("not a registry")));
            assertEquals("meterRegistry takes an io.micrometer.core.instrument.MeterRegistry, not a"
                    + " [java.lang.StringBuilder]", e.getMessage());
        }
    }

    @Test
    void theBuiltConfigurationsHoldTheRegistryHandedOver() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SignerConfig signer = SignerConfig.builder().alg("HS256").keysToSign("access_token")
                .jwkLocalPath("WEB-INF/jwk.json").meterRegistry(registry).build();
        assertEquals(Optional.of(registry), signer.meterRegistry());
        ValidatorConfig validator = ValidatorConfig.builder().alg("HS256").jwkLocalPath("WEB-INF/jwk.json")
                .meterRegistry(registry).build();
        assertEquals(Optional.of(registry), validator.meterRegistry());
        JwksConfig jwks = JwksConfig.builder().set(Setting.SIGNER_FILTER, "signer").meterRegistry(registry).build();
        assertEquals(Optional.of(registry), jwks.meterRegistry());
        assertEquals(Optional.empty(), JwksConfig.builder().set(Setting.SIGNER_FILTER, "signer").build()
                .meterRegistry());
    }
}
