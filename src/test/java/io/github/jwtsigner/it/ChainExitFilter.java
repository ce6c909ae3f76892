package io.github.jwtsigner.it;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The outermost filter: once the rest of the chain (the signer included) has returned, counts down the latch
 * the servlet left in {@value AttackServlet#CHAIN_EXIT}, so asynchronous work can wait for that moment.
 */
public class ChainExitFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(AttackServlet.CHAIN_EXIT) instanceof CountDownLatch latch) {
                latch.countDown();
            }
        }
    }
}
