package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.testing.TestKeys;

import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationKeysTest {
    private static final List<SigningAlgorithm> RS256 = List.of(SigningAlgorithm.RS256);

    private static String withKeyOps(String kid, String keyOps) {
        String jwk = TestKeys.rsa(kid).toPublicJWK().toJSONString();
        return keyOps == null ? jwk : jwk.substring(0, jwk.length() - 1) + ",\"key_ops\":" + keyOps + "}";
    }

    @Test
    void aKeyWhoseKeyOpsLackVerifyIsNotUsedAndOneWithVerifyOrWithoutKeyOpsIs() {
        String set = "{\"keys\":[" + withKeyOps("encrypt-only", "[\"encrypt\"]") + ","
                + withKeyOps("verify", "[\"verify\",\"sign\"]") + "," + withKeyOps("plain", null) + ","
                + withKeyOps("not-an-array", "\"verify\"") + "," + withKeyOps("numbers", "[1]") + "]}";

        VerificationKeys keys = VerificationKeys.fromJwkSet(set, null, RS256, "jwk_local_path [test]");

        assertEquals(List.of("verify", "plain"), keys.kids());
    }

    @Test
    void aSetWhoseOnlyKeyMayNotVerifySaysNoKeyCanVerify() {
        RSAKey key = new RSAKey.Builder(TestKeys.rsa("k").toPublicJWK()).keyOperations(Set.of(KeyOperation.ENCRYPT))
                .build();
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> VerificationKeys.fromJwkSet("{\"keys\":[" + key.toJSONString() + "]}", null, RS256, "test"));
        assertTrue(e.getMessage().contains("no key in test can verify tokens of alg [RS256]"), e.getMessage());
    }
}
