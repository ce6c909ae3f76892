package io.github.jwtsigner.bench;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.SignatureFunction;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One login, four ways, per algorithm: (a) the two bare signatures, the floor; (b) our servlet-free core,
 * login JSON in, signed JSON out; (c) our whole filter around an in-memory login servlet; (d) a hand-written
 * Nimbus JOSE+JWT filter around the same servlet. (z) is that servlet without any filter, to subtract.
 *
 * <p>Every variant's output is verified once at setup with Nimbus, so no variant is timed on an error path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoginBenchmark {
    @Param({"HS256", "RS256", "PS256", "ES256", "EdDSA"})
    public String alg;

    /** {@code signature_provider} for (a), (b) and (c): JDK (unset), ACCP, SunEC...; (d) always uses Nimbus's. */
    @Param({"JDK"})
    public String provider;

    private byte[][][] inputs;
    private SignatureFunction floor;

    private final LoginServlet servlet = LoginServlet.answering(LoginBody.JSON);
    private final TestRequest request = TestRequest.post("/token").withBody("application/json", LoginBody.CREDENTIALS);
    private final RecordingResponse response = new RecordingResponse();
    private final FilterChain chain = (req, res) -> servlet.service(req, res);
    private PayloadSigner payloadSigner;
    private Filter jwtSignerFilter;
    private Filter nimbusFilter;

    @Setup
    public void setUp() throws Exception {
        inputs = LoginBody.signingInputs(alg);
        floor = BenchKeys.signatureFunction(alg, provider);
        SignerConfig config = BenchConfig.signerConfig(alg, provider);
        TokenSigner tokenSigner = SigningKeys.load(config, BenchKeys.jwkSetJson(), config.keySource().description());
        payloadSigner = new PayloadSigner(JsonPointer.parseAll(config.keysToSign()), () -> tokenSigner);
        jwtSignerFilter = BenchConfig.initialisedFilter(alg, provider);
        nimbusFilter = new NimbusSigningFilter(BenchKeys.nimbusAlgorithm(alg), BenchKeys.kid(alg),
                BenchKeys.nimbusSigner(alg), LoginBody.KEYS_TO_SIGN);

        OutputCheck check = new OutputCheck(alg);
        check.signatures(inputs, signatures());
        check.loginJson("(b) payload signer", b_payloadSigner());
        check.loginResponse("(c) our filter", runFilter(jwtSignerFilter));
        check.loginResponse("(d) nimbus filter", runFilter(nimbusFilter));
        check.plainResponse("(z) servlet alone", runServletAlone());
    }

    @Benchmark
    public void a_signaturesOnly(Blackhole bh) {
        byte[][] sigs = signatures();
        bh.consume(sigs[0]);
        bh.consume(sigs[1]);
    }

    @Benchmark
    public String b_payloadSigner() {
        return payloadSigner.sign(LoginBody.JSON);
    }

    @Benchmark
    public int c_jwtSignerFilter() throws IOException, ServletException {
        return runFilter(jwtSignerFilter).bodySize();
    }

    @Benchmark
    public int d_nimbusFilter() throws IOException, ServletException {
        return runFilter(nimbusFilter).bodySize();
    }

    @Benchmark
    public int z_servletAlone() throws IOException, ServletException {
        return runServletAlone().bodySize();
    }

    /**
     * The floor: the two signatures alone, made by the same {@link SignatureFunction} our core uses for this
     * algorithm and provider (java-jwt's {@code Algorithm} on the JDK for HS, RS, PS and ES; our Ed25519 for EdDSA).
     */
    byte[][] signatures() {
        byte[][] sigs = new byte[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            sigs[i] = floor.sign(inputs[i][0], inputs[i][1]);
        }
        return sigs;
    }

    int ourFilter() throws IOException, ServletException {
        return runFilter(jwtSignerFilter).bodySize();
    }

    int nimbusFilter() throws IOException, ServletException {
        return runFilter(nimbusFilter).bodySize();
    }

    private RecordingResponse runFilter(Filter filter) throws IOException, ServletException {
        request.recycle();
        response.recycle();
        filter.doFilter(request, response, chain);
        return response;
    }

    private RecordingResponse runServletAlone() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        servlet.service(request, response);
        return response;
    }
}
