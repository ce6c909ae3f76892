package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import io.github.jwtsigner.internal.validation.Rejection;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator's refusal, as RFC 6750 §3 and issue 12 say it must look on the wire. */
final class Refusals {
    private Refusals() {
    }

    /** {@code WWW-Authenticate} for {@code why}: {@code Bearer} alone for a missing token. */
    static String challenge(Rejection why, String scope) {
        if (why.error() == null) {
            return "Bearer";
        }
        return "Bearer error=\"" + why.error() + "\", error_description=\"" + why.description() + "\""
                + (scope == null ? "" : ", scope=\"" + scope + "\"");
    }

    static void assertRefused(ValidatorClient.Reply r, Rejection why, Collection<String> secrets) {
        assertRefused(r, why, null, secrets);
    }

    /**
     * The status, the one exact {@code WWW-Authenticate}, a JSON body of exactly {@code error} and
     * {@code error_description}, {@code Cache-Control: no-store}, and none of {@code secrets} anywhere.
     *
     * @param scope the {@code scope} a SCOPES refusal names, else null
     */
    static void assertRefused(ValidatorClient.Reply r, Rejection why, String scope, Collection<String> secrets) {
        assertEquals(why.status(), r.status(), () -> why + ": " + r);
        assertAll(why.name(),
                () -> assertEquals(List.of(challenge(why, scope)), r.header("WWW-Authenticate"), r::toString),
                () -> assertEquals(List.of("no-store"), r.header("Cache-Control"), r::toString),
                () -> assertTrue(r.header("Content-Type").size() == 1
                        && r.header("Content-Type").get(0).startsWith("application/json"), r::toString),
                () -> {
                    JsonObject body = r.json();
                    assertEquals(Set.of("error", "error_description"), body.keySet(), r::toString);
                    assertEquals(why.error() == null ? "missing_token" : why.error(),
                            body.get("error").getAsString());
                    assertEquals(why.description(), body.get("error_description").getAsString());
                },
                () -> {
                    String seen = r.everything();
                    for (String secret : secrets) {
                        assertFalse(seen.contains(secret), () -> "[" + secret + "] came back: " + r);
                    }
                });
    }
}
