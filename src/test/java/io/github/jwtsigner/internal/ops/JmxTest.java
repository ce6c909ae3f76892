package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.testing.RecordingLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JmxTest {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final RecordingLogger log = new RecordingLogger();
    /** What {@link Jmx.Registration#close()} logs: to the library's logger, as JUL has it. */
    private final List<String> closeLog = new ArrayList<>();
    /** Held here: JUL keeps loggers only as long as someone does. */
    private final Logger jul = Logger.getLogger(Jmx.DOMAIN);
    private final Handler closeHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            closeLog.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureCloseLog() {
        jul.addHandler(closeHandler);
    }

    @AfterEach
    void releaseCloseLog() {
        jul.removeHandler(closeHandler);
    }

    private static SignerOperations bean() {
        return SignerOperations.unregistered(JsonPointer.parseAll(List.of("access_token")));
    }

    private Jmx.Registration register(MBeanServer on, String name) {
        return Jmx.register(on, "Signer", name, bean(), SignerMXBean.class, log);
    }

    @Test
    void leavesAPlainNameUnquoted() throws Exception {
        assertEquals(new ObjectName("io.github.jwtsigner:type=Signer,name=jwtSigner"),
                Jmx.objectName("Signer", "jwtSigner"));
        assertEquals("jwt.signer-1_A b/c", Jmx.objectName("Signer", "jwt.signer-1_A b/c").getKeyProperty("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a=b", "a:b", "a\"b", "a*b", "a?b", "line\nbreak", "back\\slash",
            "type=Validator,name=x", "*"})
    void quotesANameHoldingWhatAnObjectNameReservesSoThatItIsNoPatternAndReadsBackAsGiven(String name)
            throws Exception {
        ObjectName objectName = Jmx.objectName("Signer", name);
        String value = objectName.getKeyProperty("name");
        assertAll(objectName, name, value);
        Jmx.Registration registration = register(server, name);
        assertEquals(objectName, registration.name());
        assertEquals(java.util.Set.of(objectName), server.queryNames(objectName, null));
    }

    private static void assertAll(ObjectName objectName, String name, String value) {
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertFalse(objectName.isPattern(), objectName.toString()),
                () -> assertEquals("Signer", objectName.getKeyProperty("type")),
                () -> assertEquals(2, objectName.getKeyPropertyList().size(), objectName.toString()),
                () -> assertTrue(value.startsWith("\"") && value.endsWith("\""), value),
                () -> assertEquals(name, ObjectName.unquote(value)));
    }

    @Test
    void takesTheNextFreeSuffixWhileTheNameIsTakenAndTheNameAgainOnceItIsFree() {
        Jmx.Registration first = register(server, "signer");
        Jmx.Registration second = register(server, "signer");
        Jmx.Registration third = register(server, "signer");
        assertEquals(List.of("signer", "signer-2", "signer-3"),
                List.of(first.name().getKeyProperty("name"), second.name().getKeyProperty("name"),
                        third.name().getKeyProperty("name")));
        second.close();
        assertEquals("signer-2", register(server, "signer").name().getKeyProperty("name"), "the first free one");
        first.close();
        assertEquals("signer", register(server, "signer").name().getKeyProperty("name"));
        assertEquals(List.of(), log.lines(), "a taken name is no problem worth a line");
    }

    @Test
    void quotesTheNameWithItsSuffixAsOne() throws Exception {
        register(server, "a,b");
        Jmx.Registration second = register(server, "a,b");
        assertEquals(Jmx.objectName("Signer", "a,b-2"), second.name());
        assertEquals("a,b-2", ObjectName.unquote(second.name().getKeyProperty("name")));
    }

    @Test
    void registersANameThatIsEmptyOrNullAsDefault() {
        assertEquals("default", register(server, "").name().getKeyProperty("name"));
        assertEquals("default-2", register(server, null).name().getKeyProperty("name"));
    }

    @Test
    void aServerThatRefusesTheBeanCostsOneWarningAndNeitherAnExceptionNorAName() throws Exception {
        MBeanServer refusing = mock(MBeanServer.class);
        when(refusing.registerMBean(any(), any())).thenThrow(new MBeanRegistrationException(
                new IllegalStateException("read-only server"), "refused"));
        Jmx.Registration registration = register(refusing, "signer");
        assertSame(Jmx.Registration.NONE, registration);
        assertNull(registration.name());
        registration.close();
        registration.close();
        List<RecordingLogger.Line> lines = log.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(Level.WARNING, lines.get(0).level());
        assertTrue(lines.get(0).message().startsWith("no MBean for Signer [signer]: the MBean server refused it: "),
                lines.get(0).message());
        verify(refusing, times(1)).registerMBean(any(), any());
    }

    @Test
    void aSecurityManagerStyleRefusalIsAWarningToo() throws Exception {
        MBeanServer refusing = mock(MBeanServer.class);
        when(refusing.registerMBean(any(), any())).thenThrow(new SecurityException("no MBeanPermission"));
        assertSame(Jmx.Registration.NONE, register(refusing, "signer"));
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).message().contains("no MBeanPermission"), log.lines().toString());
    }

    @Test
    void givesUpWithOneWarningWhenEveryOneOfAThousandNamesIsTaken() throws Exception {
        MBeanServer full = mock(MBeanServer.class);
        when(full.registerMBean(any(), any())).thenThrow(new InstanceAlreadyExistsException("taken"));
        assertSame(Jmx.Registration.NONE, register(full, "signer"));
        verify(full, times(1000)).registerMBean(any(), any());
        assertEquals(List.of(new RecordingLogger.Line(Level.WARNING, "no MBean for Signer [signer]: 1000 names"
                + " [signer] to [signer-1000] are taken")), log.lines());
    }

    @Test
    void unregisteringTwiceIsHarmlessAndSaysNothing() throws Exception {
        Jmx.Registration registration = register(server, "signer");
        assertTrue(server.isRegistered(registration.name()));
        registration.close();
        registration.close();
        assertFalse(server.isRegistered(registration.name()));
        assertEquals(List.of(), closeLog);
        assertEquals(List.of(), log.lines());
    }

    @Test
    void aServerThatRefusesToUnregisterCostsOneWarningOnClose() throws Exception {
        MBeanServer stubborn = mock(MBeanServer.class);
        ObjectName name = Jmx.objectName("Signer", "signer");
        doThrow(new MBeanRegistrationException(new IllegalStateException("busy"), "refused"))
                .when(stubborn).unregisterMBean(name);
        new Jmx.Registration(stubborn, name).close();
        assertEquals(1, closeLog.size(), closeLog.toString());
        assertTrue(closeLog.get(0).startsWith("WARNING could not unregister the MBean ["
                + "io.github.jwtsigner:type=Signer,name=signer]: "), closeLog.toString());

        MBeanServer gone = mock(MBeanServer.class);
        doThrow(new InstanceNotFoundException("gone")).when(gone).unregisterMBean(name);
        new Jmx.Registration(gone, name).close();
        assertEquals(1, closeLog.size(), "a bean already gone is no problem: " + closeLog);
    }
}
