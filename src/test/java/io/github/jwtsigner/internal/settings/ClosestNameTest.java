package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.SignerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClosestNameTest {
    private static final List<String> KNOWN = Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS);

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource({
            "keys_to_sing, keys_to_sign",
            "key_to_sign, keys_to_sign",
            "keysToSign, keys_to_sign",
            "Keys-To-Sign, keys_to_sign",
            "KEYS_TO_SIGN, keys_to_sign",
            "jwkLocalPath, jwk_local_path",
            "jwk_fingerprint, jwk_fingerprints",
            "cypher_suites, cipher_suites",
            "cipher_suite, cipher_suites",
            "disable_jwt_security, disable_jwk_security",
            "maxBodyBytes, max_body_bytes",
            "type, typ",
            "kdi, kid",
            "al, alg",
            "lewway, leeway"})
    void suggestsTheNameThatWasMeant(String unknown, String expected) {
        assertEquals(Optional.of(expected), ClosestName.among(unknown, KNOWN));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"colour", "x", "algorithm", "keys", "endpoint", "max_body_size", "abc", "version"})
    void suggestsNothingWhenNoNameIsClose(String unknown) {
        assertEquals(Optional.empty(), ClosestName.among(unknown, KNOWN));
    }

    @ParameterizedTest(name = "[{0}] to [{1}] is {2}")
    @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "ab, abc, 1", "abc, abd, 1", "'', abc, 3",
            "kitten, sitting, 3", "ca, abc, 3"})
    void countsEditsWithSwapsOfNeighbours(String a, String b, int expected) {
        assertEquals(expected, ClosestName.distance(a, b));
    }
}
