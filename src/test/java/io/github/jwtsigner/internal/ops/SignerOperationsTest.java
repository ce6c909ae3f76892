package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.rotation.KeyFileOpener;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.servlet.ResponseSigning;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestRequest;
import io.github.jwtsigner.testing.TestSigners;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The one fail-closed reason no container can produce with a good key, {@code SIGNATURE_FAILED}: a token signer
 * that throws, behind {@link ResponseSigning}, counted on the MXBean as a JMX client reads it. (The other reasons
 * are counted through real containers by {@code it.OperationsMXBeanIntegrationTest}.)
 */
class SignerOperationsTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final SignerConfig CONFIG = SignerConfig.builder().alg(SigningAlgorithm.HS256).kid("sim2")
            .keysToSign("access_token").jwkLocalPath("sim2.json").build();

    private final RecordingLogger log = new RecordingLogger();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("an exception", new IllegalStateException("the HSM is unplugged")),
                Arguments.of("a stack overflow", new StackOverflowError()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void countsATokenSignerThatThrowsAsSignatureFailed(String what, Throwable failure) throws Exception {
        KeyFileOpener sim2 = (setting, path) -> new KeyFileOpener.Opened(
                Sim2Tokens.jwkSetJson().getBytes(StandardCharsets.UTF_8), "test resource [" + path + "]", null);
        List<JsonPointer> members = JsonPointer.parseAll(CONFIG.keysToSign());
        TokenSigner throwing = TestSigners.throwing("sim2", failure);
        try (KeyRing<TokenSigner> ring = KeyRing.start(CONFIG, sim2, log);
                SignerOperations ops = SignerOperations.start("ops-signature-failed", "/shop", ring, members, null,
                        log)) {
            ResponseSigning signing = new ResponseSigning(new PayloadSigner(members, () -> throwing), 4096, log, ops);
            RecordingResponse response = new RecordingResponse();
            signing.handle(TestRequest.post("/token"), response, (req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write("{\"access_token\":{\"sub\":\"alice\"}}");
            });

            ObjectName name = ops.objectName();
            assertEquals(new ObjectName("io.github.jwtsigner:type=Signer,name=ops-signature-failed"), name);
            assertAll(
                    () -> assertEquals(500, response.getStatus()),
                    () -> assertEquals(1L, SERVER.getAttribute(name, "FailedClosed")),
                    () -> assertEquals(1L, byReason(name, "SIGNATURE_FAILED")),
                    () -> assertEquals(0L, byReason(name, "MALFORMED_JSON")),
                    () -> assertEquals(0L, SERVER.getAttribute(name, "Signed")),
                    () -> assertEquals(0L, SERVER.getAttribute(name, "PassedThrough")),
                    () -> assertEquals(0L, SERVER.getAttribute(name, "TokensIssued")),
                    () -> assertEquals("/shop", SERVER.getAttribute(name, "ContextPath")),
                    () -> assertEquals("sim2", SERVER.getAttribute(name, "KeyId")));
            ops.close();
            assertFalse(SERVER.isRegistered(name), "closed, the MBean is gone");
        }
    }

    private static Object byReason(ObjectName name, String reason) throws Exception {
        TabularData table = (TabularData) SERVER.getAttribute(name, "FailedClosedByReason");
        CompositeData row = table.get(new Object[] {reason});
        return row.get("value");
    }

    @org.junit.jupiter.api.Test
    void auditLinesFollowTheKeyAcrossARotationAndEachResponseNamesItsOwnRequest() {
        RecordingLogger audit = new RecordingLogger();
        List<JsonPointer> members = JsonPointer.parseAll(List.of("access_token", "refresh_token"));
        SignerOperations ops = new SignerOperations("signer", "", null, members, Meters.NO_SIGNER,
                new AuditLog(audit));
        TokenSigner before = TestSigners.hs256("kid-1", payload -> "unused");
        TokenSigner after = TestSigners.hs256("kid-2", payload -> "unused");
        PayloadSigner.Issued first = ops.issued(new RequestLine("POST", "/token", "10.0.0.1"));
        first.token(0, before, AuditLogTest.claims("{\"sub\":\"alice\"}"));
        first.token(1, before, AuditLogTest.claims("{\"sub\":\"alice\"}"));
        PayloadSigner.Issued second = ops.issued(new RequestLine("POST", "/token", "10.0.0.2"));
        second.token(0, after, AuditLogTest.claims("{\"sub\":\"bob\"}"));

        assertEquals(List.of(
                "event=authn_token_created filter=signer member=access_token alg=HS256 kid=kid-1 sub=alice"
                        + " method=POST uri=/token client=10.0.0.1",
                "event=authn_token_created filter=signer member=refresh_token alg=HS256 kid=kid-1 sub=alice"
                        + " method=POST uri=/token client=10.0.0.1",
                "event=authn_token_created filter=signer member=access_token alg=HS256 kid=kid-2 sub=bob"
                        + " method=POST uri=/token client=10.0.0.2"),
                audit.lines().stream().map(RecordingLogger.Line::message).toList());
        assertEquals(3L, ops.getTokensIssued());
        assertEquals(2L, ops.getTokensIssuedByMember().get("access_token"));
    }
}
