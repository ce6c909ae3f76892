package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.testing.TestSigners;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.JsonPointer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@code keys_to_sign} member a body lacks: KrakenD leaves it; we say so once, or fail closed on request. */
class PayloadSignerMissingMemberTest {
    private static final TokenSigner SIGNER = TestSigners.hs256("k",
            payload -> "signed(" + new String(payload, StandardCharsets.UTF_8).length() + ")");

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private PayloadSigner signer(boolean requireAll, String... entries) {
        List<JsonPointer> pointers = new ArrayList<>();
        for (String e : entries) {
            pointers.add(JsonPointer.parse(e));
        }
        return new PayloadSigner(pointers, () -> SIGNER, requireAll, warnings::add);
    }

    @Test
    void aTypoLeavesTheBodyAsItIsAndWarnsOnceForThatMember() {
        PayloadSigner typo = signer(false, "acces_token");
        String body = "{\"access_token\":{\"sub\":\"alice\"}}";

        assertEquals(body, typo.sign(body));
        assertEquals(body, typo.sign(body));

        assertEquals(List.of("keys_to_sign member [acces_token] is missing in a response to sign, so it was left as"
                + " it is (as KrakenD does); check keys_to_sign for a typo, or set require_keys_to_sign=true to fail"
                + " such responses closed. Said once per member"), warnings);
    }

    @Test
    void warnsOncePerMemberAndNamesWhatWasThereInstead() {
        PayloadSigner two = signer(false, "access_token", "/data/refresh");

        assertEquals("{\"access_token\":\"signed(15)\"}", two.sign("{\"access_token\":{\"sub\":\"alice\"}}"));
        two.sign("{\"access_token\":\"already a string\",\"data\":{\"refresh\":[1]}}");
        two.sign("{}");

        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("keys_to_sign member [/data/refresh] is missing in a response"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("keys_to_sign member [access_token] is a JSON [string] in a"),
                warnings.get(1));
        assertFalse(String.join("", warnings).contains("already a string"), "a claim value was logged");
    }

    @Test
    void manyThreadsStillWarnOnce() throws Exception {
        PayloadSigner typo = signer(false, "acces_token");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return typo.sign("{\"x\":1}");
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertEquals("{\"x\":1}", f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, warnings.size(), warnings::toString);
    }

    @Test
    void requireKeysToSignRefusesAMissingMember() {
        PayloadSigner strict = signer(true, "access_token", "refresh_token");

        SigningException e = assertThrows(SigningException.class,
                () -> strict.sign("{\"access_token\":{\"sub\":\"alice\"}}"));

        assertEquals(Reason.MISSING_MEMBER, e.reason());
        assertEquals("keys_to_sign member [refresh_token] is missing in the response body; expected an object to"
                + " sign (require_keys_to_sign is true)", e.getMessage());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void requireKeysToSignRefusesAMemberThatIsNotAnObjectWithoutQuotingIt() {
        PayloadSigner strict = signer(true, "access_token");

        SigningException e = assertThrows(SigningException.class,
                () -> strict.sign("{\"access_token\":\"alice-plain\"}"));

        assertEquals(Reason.MISSING_MEMBER, e.reason());
        assertEquals("keys_to_sign member [access_token] is a JSON [string] in the response body; expected an"
                + " object to sign (require_keys_to_sign is true)", e.getMessage());
    }

    @Test
    void requireKeysToSignSignsWhenEveryMemberIsThere() {
        PayloadSigner strict = signer(true, "access_token", "/data/refresh");

        assertEquals("{\"access_token\":\"signed(15)\",\"data\":{\"refresh\":\"signed(2)\"}}",
                strict.sign("{\"access_token\":{\"sub\":\"alice\"},\"data\":{\"refresh\":{}}}"));
    }

    @Test
    void theTwoArgumentConstructorKeepsKrakendsWayWithoutWarnings() {
        PayloadSigner plain = new PayloadSigner(List.of(JsonPointer.parse("x")), () -> SIGNER);

        assertEquals("{}", plain.sign("{}"));
    }
}
