package io.github.jwtsigner.internal.ops;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;

/**
 * Registers a component's MXBean as {@code io.github.jwtsigner:type=<type>,name=<name>}, with {@code -2},
 * {@code -3}, ... after the name when it is taken (the same filter-name in two webapps of one JVM), and
 * unregisters it when the component stops, so that a redeployed webapp leaves nothing behind that holds its class
 * loader. A server that refuses the bean costs a WARNING, never the component's start.
 *
 * <p>Thread-safe.
 */
final class Jmx {
    /** The domain of every MBean of this library. */
    static final String DOMAIN = "io.github.jwtsigner";

    private static final int MOST_SUFFIXES = 1000;

    private Jmx() {
    }

    /** An MBean that was registered, or {@link #NONE}. */
    record Registration(MBeanServer server, ObjectName name) implements AutoCloseable {
        static final Registration NONE = new Registration(null, null);

        /** Unregisters the bean; once is enough, and a bean already gone is no error. */
        @Override
        public void close() {
            if (server == null) {
                return;
            }
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException e) {
                // Already gone: someone unregistered it, or close ran twice.
            } catch (JMException | RuntimeException e) {
                System.getLogger(DOMAIN).log(Level.WARNING, "could not unregister the MBean [" + name + "]: " + e);
            }
        }
    }

    static <T> Registration register(String type, String name, T bean, Class<T> mxbeanInterface, Logger log) {
        MBeanServer server;
        try {
            server = ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | Error e) {
            log.log(Level.WARNING, "no MBean for " + type + " [" + name + "]: the platform MBean server is not"
                    + " available: " + e);
            return Registration.NONE;
        }
        return register(server, type, name, bean, mxbeanInterface, log);
    }

    static <T> Registration register(MBeanServer server, String type, String name, T bean, Class<T> mxbeanInterface,
            Logger log) {
        String base = name == null || name.isEmpty() ? "default" : name;
        try {
            StandardMBean mbean = new StandardMBean(bean, mxbeanInterface, true);
            for (int n = 1; n <= MOST_SUFFIXES; n++) {
                ObjectName objectName = objectName(type, n == 1 ? base : base + "-" + n);
                try {
                    server.registerMBean(mbean, objectName);
                    return new Registration(server, objectName);
                } catch (InstanceAlreadyExistsException taken) {
                    // The same name in another webapp, or a filter that was not destroyed: take the next suffix.
                }
            }
            log.log(Level.WARNING, "no MBean for " + type + " [" + name + "]: " + MOST_SUFFIXES + " names [" + base
                    + "] to [" + base + "-" + MOST_SUFFIXES + "] are taken");
        } catch (JMException | RuntimeException e) {
            log.log(Level.WARNING, "no MBean for " + type + " [" + name + "]: the MBean server refused it: " + e);
        }
        return Registration.NONE;
    }

    /** {@code io.github.jwtsigner:type=Signer,name=jwtSigner}; a name holding {@code ,=:"*?} or a newline is quoted. */
    static ObjectName objectName(String type, String name) throws MalformedObjectNameException {
        boolean plain = !name.isEmpty() && name.chars().noneMatch(c -> ",=:\"*?\n\\".indexOf(c) >= 0);
        return new ObjectName(DOMAIN + ":type=" + type + ",name=" + (plain ? name : ObjectName.quote(name)));
    }
}
