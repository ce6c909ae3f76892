package io.github.jwtsigner.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.internal.keys.Der.MalformedDerException;

import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String message(String hex, int tag) {
        return assertThrows(MalformedDerException.class, () -> new Der.Reader(HEX.parseHex(hex)).next(tag, "the thing"))
                .getMessage();
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0, 0400", "1, 0401", "127, 047f", "128, 048180", "255, 0481ff", "256, 04820100",
        "65536, 0483010000"})
    void writesDefiniteLengthsInTheShortestForm(int length, String header) {
        byte[] tlv = Der.encode(Der.OCTET_STRING, new byte[length]);
        assertEquals(header, HEX.formatHex(tlv, 0, header.length() / 2));
        assertEquals(header.length() / 2 + length, tlv.length);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.840.113549.1.1.1", "1.2.840.10045.2.1", "1.2.840.10045.3.1.7", "1.3.132.0.34",
        "1.3.101.112", "2.999.1", "0.9.2342.19200300.100.1.1", "2.25.329800735698586629295641978511506172918"})
    void writesAndReadsObjectIdentifiersAsBouncyCastleDoes(String oid) throws Exception {
        byte[] ours = Der.oid(oid);
        assertArrayEquals(new ASN1ObjectIdentifier(oid).getEncoded(), ours);
        assertEquals(oid, Der.oidText(new Der.Reader(ours).next(Der.OBJECT_IDENTIFIER, "oid").content()));
    }

    @Test
    void readsNestedStructures() throws Exception {
        byte[] der = Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {1}),
                Der.encode(Der.CONTEXT_0, Der.oid("1.3.132.0.34")));
        Der.Reader outer = new Der.Reader(der);
        Der.Tlv sequence = outer.next(Der.SEQUENCE, "the sequence");
        outer.expectEnd("the document");
        Der.Reader inner = sequence.contents();
        assertArrayEquals(new byte[] {1}, inner.next(Der.INTEGER, "the version").content());
        assertEquals(Der.CONTEXT_0, inner.peekTag());
        Der.Tlv tagged = inner.next(Der.CONTEXT_0, "the curve");
        assertArrayEquals(Der.oid("1.3.132.0.34"), tagged.contents().next(Der.OBJECT_IDENTIFIER, "oid").encoded());
        assertFalse(inner.hasMore());
        assertEquals(-1, inner.peekTag());
        assertArrayEquals(der, sequence.encoded());
    }

    @Test
    void namesWhatIsWrongWithoutQuotingContent() {
        assertEquals("the thing is missing", message("", Der.SEQUENCE));
        assertEquals("the thing has tag [0x2]; expected [0x30]", message("020100", Der.SEQUENCE));
        assertEquals("the thing has a multi-byte tag; expected a single-byte DER tag", message("1f8101", 0x1f));
        assertEquals("the thing has an indefinite length; expected DER", message("30800000", Der.SEQUENCE));
        assertEquals("the thing is cut short", message("3005020100", Der.SEQUENCE));
        assertEquals("the thing is cut short", message("30", Der.SEQUENCE));
        assertEquals("the thing has an impossible length", message("3085ffffffffff", Der.SEQUENCE));
        assertEquals("the thing has an impossible length", message("3084ffffffff", Der.SEQUENCE));
    }

    @Test
    void refusesTrailingBytesWhenAskedToReachTheEnd() throws Exception {
        Der.Reader reader = new Der.Reader(HEX.parseHex("0201000500"));
        reader.next(Der.INTEGER, "the integer");
        MalformedDerException e = assertThrows(MalformedDerException.class, () -> reader.expectEnd("the key"));
        assertEquals("the key has trailing bytes", e.getMessage());
    }

    /** An object identifier 1.3.6.1.4.1.N whose last arc N takes {@code arcBytes} bytes of base-128. */
    static byte[] oidWithLongArc(int arcBytes) {
        byte[] content = new byte[5 + arcBytes];
        System.arraycopy(new byte[] {0x2b, 0x06, 0x01, 0x04, 0x01}, 0, content, 0, 5);
        java.util.Arrays.fill(content, 5, content.length - 1, (byte) 0xff);
        content[content.length - 1] = 0x7f;
        return content;
    }

    @Test
    void refusesAnObjectIdentifierLongerThanAnyRealOneNamingOnlyItsSize() {
        MalformedDerException e = assertThrows(MalformedDerException.class,
                () -> Der.oidText(oidWithLongArc(100_000)));

        assertEquals("an object identifier is [100005] bytes long; expected at most [64]", e.getMessage());
    }

    @Test
    void refusesAnArcLongerThanAnyRealOneNamingOnlyItsSize() {
        MalformedDerException e = assertThrows(MalformedDerException.class, () -> Der.oidText(oidWithLongArc(21)));

        assertEquals("an object identifier has an arc of [21] bytes; expected at most [20]", e.getMessage());
    }

    @Test
    void readsTheLongestArcAndObjectIdentifierItAccepts() throws Exception {
        java.math.BigInteger arc = java.math.BigInteger.ONE.shiftLeft(140).subtract(java.math.BigInteger.ONE);
        assertEquals("1.3.6.1.4.1." + arc, Der.oidText(oidWithLongArc(20)));
        byte[] longest = new byte[64];
        longest[0] = 0x2b;
        assertEquals("1.3" + ".0".repeat(63), Der.oidText(longest));
    }

    @Test
    void refusesAnUnfinishedObjectIdentifier() {
        assertTrue(assertThrows(MalformedDerException.class, () -> Der.oidText(HEX.parseHex("2a86")))
                .getMessage().contains("malformed"));
        assertThrows(MalformedDerException.class, () -> Der.oidText(new byte[0]));
    }
}
