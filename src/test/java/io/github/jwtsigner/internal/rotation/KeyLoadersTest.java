package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.RecordingLogger;

import java.lang.System.Logger.Level;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeySourcesTest {
    private final RecordingLogger log = new RecordingLogger();

    private static SignerConfig.Builder base() {
        return SignerConfig.builder().alg("RS256").kid("k").keysToSign("access_token");
    }

    private KeyLoader<TokenSigner> create(SignerConfig.Builder config) {
        return SigningLoaders.create(config.build(), KeyFileOpener.files(), log);
    }

    @Test
    void makesTheSourceTheConfigurationNames() {
        assertInstanceOf(JwkFileLoader.class, create(base().jwkLocalPath("k.json")));
        assertInstanceOf(JwkUrlLoader.class, create(base().jwkUrl("https://keys.example.com/jwks.json")));
        assertInstanceOf(PemFileLoader.class, create(base().pemLocalPath("k.pem")));
        assertInstanceOf(KeyStoreLoader.class, create(base().keystorePath("k.p12").keystorePassword("p")
                .keystoreAlias("a")));
        assertEquals(List.of(), log.lines(), "nothing is loaded or logged yet");
    }

    @Test
    void warnsWhenJwkSecurityIsDisabled() {
        create(base().jwkUrl("http://127.0.0.1:1/jwks.json").disableJwkSecurity(true));

        assertEquals(1, log.lines().size());
        assertEquals(Level.WARNING, log.lines().get(0).level());
        assertTrue(log.lines().get(0).message().startsWith("disable_jwk_security is true: jwk_url"
                + " [http://127.0.0.1:1/jwks.json] is fetched over plain http"), log.lines().toString());
    }

    @Test
    void checksTheUrlBeforeAnythingIsFetched() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> create(base().jwkUrl("ftp://keys.example.com/jwks.json")));
        assertEquals(List.of("jwk_url [ftp://keys.example.com/jwks.json] has scheme [ftp]; expected https (or http with"
                + " disable_jwk_security true)"), e.problems());
    }
}
