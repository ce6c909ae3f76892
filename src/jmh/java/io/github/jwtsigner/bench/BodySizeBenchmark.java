package io.github.jwtsigner.bench;

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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How a login's cost grows with its body: the seed's login with {@code extraRoles} more strings in the
 * access token's {@code roles} (each {@code "role-00000",}, 13 bytes, all of it signed), through our HS256
 * filter (c), the hand-written Nimbus filter (d) and the servlet alone (z). Run with {@code -prof gc}: bytes
 * allocated per login against body bytes give the fixed cost and the cost per body byte. Setup prints each
 * body's size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BodySizeBenchmark {
    @Param({"0", "100", "1000", "10000"})
    public int extraRoles;

    private LoginServlet servlet;
    private final TestRequest request = TestRequest.post("/token").withBody("application/json", LoginBody.CREDENTIALS);
    private final RecordingResponse response = new RecordingResponse();
    private FilterChain chain;
    private Filter filter;
    private Filter nimbus;

    @Setup
    public void setUp() throws Exception {
        String body = body(extraRoles);
        servlet = LoginServlet.answering(body);
        chain = (req, res) -> servlet.service(req, res);
        filter = BenchConfig.initialisedFilter("HS256", BenchConfig.JDK);
        nimbus = new NimbusSigningFilter(BenchKeys.nimbusAlgorithm("HS256"), BenchKeys.kid("HS256"),
                BenchKeys.nimbusSigner("HS256"), LoginBody.KEYS_TO_SIGN);
        if (d_nimbusFilter() <= z_servletAlone()) {
            throw new IllegalStateException("the Nimbus filter did not sign");
        }
        int signed = c_filter();
        int plain = z_servletAlone();
        if (signed <= plain) {
            throw new IllegalStateException("the filter's answer (" + signed + " bytes) is not longer than the plain"
                    + " body (" + plain + " bytes): it did not sign");
        }
        System.out.println("# body " + plain + " bytes, signed answer " + signed + " bytes");
    }

    static String body(int extraRoles) {
        StringBuilder roles = new StringBuilder("\"roles\":[\"role_a\",\"role_b\"");
        for (int i = 0; i < extraRoles; i++) {
            roles.append(",\"role-").append(String.format("%05d", i)).append('"');
        }
        String body = LoginBody.JSON.replace("\"roles\":[\"role_a\",\"role_b\"", roles.toString());
        if (body.equals(LoginBody.JSON) && extraRoles > 0) {
            throw new IllegalStateException("the login body has no roles array to grow");
        }
        return body;
    }

    @Benchmark
    public int c_filter() throws IOException, ServletException {
        return run(filter);
    }

    @Benchmark
    public int d_nimbusFilter() throws IOException, ServletException {
        return run(nimbus);
    }

    private int run(Filter f) throws IOException, ServletException {
        request.recycle();
        response.recycle();
        f.doFilter(request, response, chain);
        return response.bodySize();
    }

    @Benchmark
    public int z_servletAlone() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        servlet.service(request, response);
        return response.bodySize();
    }
}
