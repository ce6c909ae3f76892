package io.github.jwtsigner.bench.load;

import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.bench.BenchConfig;
import io.github.jwtsigner.bench.BenchKeys;
import io.github.jwtsigner.bench.LoginBody;
import io.github.jwtsigner.bench.NimbusSigningFilter;
import io.github.jwtsigner.testing.LoginServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embedded Jetty 12 on 127.0.0.1 (ephemeral port) serving the same login servlet at {@code POST /VARIANT/token}
 * for each variant: {@code bare} (no filter), {@code filter-ALG} (our filter) and {@code nimbus-ALG} (the
 * hand-written Nimbus filter), for ALG in HS256, RS256, PS256, ES256, EdDSA.
 *
 * <p>Prints {@code READY <port>} on standard output once serving. Stops when standard input closes (the driver
 * ended), or after {@value #MAX_LIFETIME_MINUTES} minutes whatever happens.
 */
public final class LoginServer {
    /** Every algorithm the server offers a signed variant for. */
    public static final List<String> ALGS = List.of("HS256", "RS256", "PS256", "ES256", "EdDSA");

    static final int MAX_LIFETIME_MINUTES = 15;

    private LoginServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(context("bare", null));
        for (String alg : ALGS) {
            contexts.addHandler(context("filter-" + alg, new JwtSignerFilter(BenchConfig.signerConfig(alg))));
            contexts.addHandler(context("nimbus-" + alg, new NimbusSigningFilter(BenchKeys.nimbusAlgorithm(alg),
                    BenchKeys.kid(alg), BenchKeys.nimbusSigner(alg), LoginBody.KEYS_TO_SIGN)));
        }
        server.setHandler(contexts);
        server.setStopTimeout(2000);
        server.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();

        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.MINUTES.sleep(MAX_LIFETIME_MINUTES);
                System.err.println("LoginServer: stopping after " + MAX_LIFETIME_MINUTES + " minutes");
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lifetime-limit");
        watchdog.setDaemon(true);
        watchdog.start();

        while (System.in.read() >= 0) {
            // Any input is ignored; end of input means the driver is gone.
        }
        server.stop();
    }

    private static ServletContextHandler context(String variant, Filter filter) {
        ServletContextHandler context = new ServletContextHandler("/" + variant);
        context.addServlet(new ServletHolder(LoginServlet.answering(LoginBody.JSON)), "/token");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/token", EnumSet.of(DispatcherType.REQUEST));
        }
        return context;
    }
}
