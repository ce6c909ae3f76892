package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.connector.Response;
import org.apache.catalina.connector.ResponseFacade;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DetachedResponse#suspendedByContainer} against Tomcat's own response objects. */
class DetachedResponseTest {
    private final Response tomcat = new Response(new org.apache.coyote.Response());
    private final ResponseFacade facade = new ResponseFacade(tomcat);

    private static HttpServletResponse wrapped(HttpServletResponse response, int times) {
        HttpServletResponse outer = response;
        for (int i = 0; i < times; i++) {
            outer = new HttpServletResponseWrapper(outer);
        }
        return outer;
    }

    @Test
    void tomcatsResponseIsNotSuspendedWhileItIsOpen() {
        assertEquals(DetachedResponse.TOMCAT_RESPONSE, facade.getClass().getName());

        assertFalse(DetachedResponse.suspendedByContainer(facade));
        assertFalse(DetachedResponse.suspendedByContainer(wrapped(facade, 2)));
    }

    @Test
    void tomcatsResponseIsSuspendedOnceTomcatSuspendsIt() {
        tomcat.setSuspended(true);

        assertTrue(DetachedResponse.suspendedByContainer(facade));
        assertTrue(DetachedResponse.suspendedByContainer(wrapped(facade, 1)));
    }

    @Test
    void looksThroughSixtyFourWrappersAndNoFurther() {
        tomcat.setSuspended(true);

        assertTrue(DetachedResponse.suspendedByContainer(wrapped(facade, 64)));
        assertFalse(DetachedResponse.suspendedByContainer(wrapped(facade, 65)));
    }

    @Test
    void stopsAtAWrapperThatWrapsItself() {
        HttpServletResponse loop = new HttpServletResponseWrapper(facade) {
            @Override
            public ServletResponse getResponse() {
                return this;
            }
        };

        assertFalse(DetachedResponse.suspendedByContainer(loop));
    }

    @Test
    void aRecycledTomcatResponseIsNotSuspended() {
        tomcat.setSuspended(true);

        facade.clear();

        assertFalse(DetachedResponse.suspendedByContainer(facade));
    }
}
