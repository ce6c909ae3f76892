package io.github.jwtsigner;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemsTest {

    @Test
    void dropsALaterProblemAboutARefusedSettingButKeepsTheFirst() {
        Problems problems = new Problems();
        problems.refuse(Setting.ALG, "alg [256] is a JSON number; expected a JSON string");
        problems.add("alg is required; expected one of ...", Setting.ALG);
        problems.add("typ is empty", Setting.TYP);

        assertEquals(List.of("alg [256] is a JSON number; expected a JSON string", "typ is empty"),
                problems.messages());
    }

    @Test
    void cannotMarkASettingRefusedBeforeAnyProblemNamesIt() {
        // Otherwise build(problems) drops "alg is required" and every other check, and accepts what build() refuses.
        Problems problems = new Problems();
        assertThrows(IllegalStateException.class, () -> problems.refuse(Setting.ALG));
    }

    @Test
    void buildWithProblemsAcceptsNothingThatBuildRefuses() {
        Problems problems = new Problems();
        try {
            problems.refuse(Setting.ALG);
            problems.refuse(Setting.JWK_FETCH_TIMEOUT);
        } catch (IllegalStateException expected) {
            // The marks without a message are refused themselves.
        }
        SignerConfig.Builder builder = SignerConfig.builder().keysToSign("access_token").jwkUrl("https://k/jwks")
                .jwkFetchTimeout(Duration.ZERO);
        assertThrows(InvalidConfigurationException.class, builder::build);

        SignerConfig config = builder.build(problems);

        assertEquals(null, config, "accepted with alg " + (config == null ? "" : config.alg()));
        assertThrows(InvalidConfigurationException.class, problems::throwIfAny);
    }
}
