package io.github.jwtsigner.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
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

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

/**
 * One JWS signature over the login's access-token signing input, by the JDK's provider or by Amazon Corretto
 * Crypto Provider (ACCP), handed to {@link Signature#getInstance(String, Provider)} explicitly; ACCP is never
 * registered with {@code Security.addProvider}. ES256 uses the {@code inP1363Format} algorithms, which give the
 * JOSE {@code R||S} form directly.
 *
 * <p>{@code getInstance} + {@code initSign} run per call in {@code perCall}, as java-jwt does; {@code reused}
 * keeps one initialised {@link Signature} per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProviderBenchmark {
    @Param({"ES256", "EdDSA", "RS256"})
    public String alg;

    @Param({"JDK", "ACCP"})
    public String provider;

    private Provider jca;
    private String algorithm;
    private PrivateKey key;
    private byte[] input;
    private Signature reusable;

    @Setup
    public void setUp() throws GeneralSecurityException {
        switch (alg) {
            case "ES256":
                algorithm = "SHA256withECDSAinP1363Format";
                key = BenchKeys.ecPrivateKey();
                break;
            case "EdDSA":
                algorithm = "Ed25519";
                key = BenchKeys.ed25519PrivateKey();
                break;
            default:
                algorithm = "SHA256withRSA";
                key = BenchKeys.rsaPrivateKey();
                break;
        }
        if (provider.equals("ACCP")) {
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            jca = AmazonCorrettoCryptoProvider.INSTANCE;
        } else {
            jca = Signature.getInstance(algorithm).getProvider();
        }
        byte[][] token = LoginBody.signingInputs(alg)[0];
        input = new byte[token[0].length + 1 + token[1].length];
        System.arraycopy(token[0], 0, input, 0, token[0].length);
        input[token[0].length] = '.';
        System.arraycopy(token[1], 0, input, token[0].length + 1, token[1].length);
        reusable = Signature.getInstance(algorithm, jca);
        reusable.initSign(key);
        new OutputCheck(alg).signatures(new byte[][][] {token, token}, new byte[][] {perCall(), reused()});
    }

    @Benchmark
    public byte[] perCall() throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm, jca);
        s.initSign(key);
        s.update(input);
        return s.sign();
    }

    @Benchmark
    public byte[] reused() throws GeneralSecurityException {
        reusable.update(input);
        return reusable.sign();
    }
}
