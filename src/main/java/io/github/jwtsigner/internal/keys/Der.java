package io.github.jwtsigner.internal.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough ASN.1 DER (ITU-T X.690) to read the private key structures of PKCS#8 (RFC 5208, RFC 5958),
 * PKCS#1 (RFC 8017) and SEC1 (RFC 5915), and to wrap the latter two into PKCS#8: definite-length TLVs with
 * single-byte tags, and object identifiers.
 *
 * <p>Stateless and thread-safe; a {@link Reader} is one per structure and not thread-safe.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    /** Context-specific, constructed [0] (EXPLICIT). */
    static final int CONTEXT_0 = 0xa0;
    /** Context-specific, constructed [1] (EXPLICIT). */
    static final int CONTEXT_1 = 0xa1;
    /** Context-specific, primitive [1] (IMPLICIT), as RFC 5958's publicKey. */
    static final int CONTEXT_1_PRIMITIVE = 0x81;

    /** Longest length this reader accepts in its length octets; a key file is far below 2^31 bytes. */
    private static final int MAX_LENGTH_OCTETS = 4;
    /**
     * Longest object identifier {@link #oidText} reads, in content octets: the algorithm and curve OIDs of a key
     * take 3 to 9, the longest registered ones about 30.
     */
    static final int MAX_OID_BYTES = 64;
    /**
     * Longest arc {@link #oidText} reads, in base-128 octets: 20 hold 140 bits, more than the 128-bit UUID arcs
     * of {@code 2.25} (X.667), the longest real ones. Bounds the work and the text of one arc.
     */
    static final int MAX_OID_ARC_BYTES = 20;

    private Der() {
    }

    /** A DER structure is not what it should be; the message names the structure, never its content. */
    static final class MalformedDerException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedDerException(String message) {
            super(message);
        }
    }

    /** One tag-length-value, as a view into the bytes it was read from. */
    static final class Tlv {
        private final int tag;
        private final byte[] bytes;
        private final int start;
        private final int contentStart;
        private final int end;

        private Tlv(int tag, byte[] bytes, int start, int contentStart, int end) {
            this.tag = tag;
            this.bytes = bytes;
            this.start = start;
            this.contentStart = contentStart;
            this.end = end;
        }

        int tag() {
            return tag;
        }

        /** The value octets (a copy). */
        byte[] content() {
            return Arrays.copyOfRange(bytes, contentStart, end);
        }

        /** The whole TLV, tag and length included (a copy). */
        byte[] encoded() {
            return Arrays.copyOfRange(bytes, start, end);
        }

        /** Reads the TLVs inside this one. */
        Reader contents() {
            return new Reader(bytes, contentStart, end);
        }
    }

    /** Reads consecutive TLVs from a range of bytes. */
    static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int position;

        Reader(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        private Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        /** The next TLV's tag, or -1 at the end. */
        int peekTag() {
            return hasMore() ? bytes[position] & 0xff : -1;
        }

        /**
         * @param what names the expected element in the message, such as {@code the key's version}
         * @throws MalformedDerException when the next TLV is missing, truncated or has another tag
         */
        Tlv next(int expectedTag, String what) throws MalformedDerException {
            if (!hasMore()) {
                throw new MalformedDerException(what + " is missing");
            }
            int start = position;
            int tag = bytes[position++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new MalformedDerException(what + " has a multi-byte tag; expected a single-byte DER tag");
            }
            if (tag != expectedTag) {
                throw new MalformedDerException(what + " has tag [0x" + Integer.toHexString(tag) + "]; expected [0x"
                        + Integer.toHexString(expectedTag) + "]");
            }
            int length = readLength(what);
            if (length > end - position) {
                throw new MalformedDerException(what + " is cut short");
            }
            int contentStart = position;
            position += length;
            return new Tlv(tag, bytes, start, contentStart, position);
        }

        /** Fails unless every byte has been read. */
        void expectEnd(String what) throws MalformedDerException {
            if (hasMore()) {
                throw new MalformedDerException(what + " has trailing bytes");
            }
        }

        private int readLength(String what) throws MalformedDerException {
            if (!hasMore()) {
                throw new MalformedDerException(what + " is cut short");
            }
            int first = bytes[position++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int octets = first & 0x7f;
            if (octets == 0) {
                throw new MalformedDerException(what + " has an indefinite length; expected DER");
            }
            if (octets > MAX_LENGTH_OCTETS || octets > end - position) {
                throw new MalformedDerException(what + " has an impossible length");
            }
            long length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (bytes[position++] & 0xff);
            }
            if (length > Integer.MAX_VALUE) {
                throw new MalformedDerException(what + " has an impossible length");
            }
            return (int) length;
        }
    }

    /** One TLV: the tag, the DER length, and the contents joined. */
    static byte[] encode(int tag, byte[]... contents) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            value.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.size() + 6);
        out.write(tag);
        int length = value.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] octets = BigInteger.valueOf(length).toByteArray();
            int skip = octets[0] == 0 ? 1 : 0;
            out.write(0x80 | (octets.length - skip));
            out.write(octets, skip, octets.length - skip);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    /** An OBJECT IDENTIFIER TLV for a dotted OID such as {@code 1.2.840.113549.1.1.1}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writeBase128(content, new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1])));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(content, new BigInteger(arcs[i]));
        }
        return encode(OBJECT_IDENTIFIER, content.toByteArray());
    }

    /**
     * The dotted form of an OBJECT IDENTIFIER's content.
     *
     * @throws MalformedDerException when the content is empty, its last arc is unfinished, or it is longer than
     *     {@value #MAX_OID_BYTES} octets or has an arc longer than {@value #MAX_OID_ARC_BYTES}; the message gives
     *     the size, never the content
     */
    static String oidText(byte[] content) throws MalformedDerException {
        if (content.length > MAX_OID_BYTES) {
            throw new MalformedDerException("an object identifier is [" + content.length + "] bytes long; expected"
                    + " at most [" + MAX_OID_BYTES + "]");
        }
        if (content.length == 0 || (content[content.length - 1] & 0x80) != 0) {
            throw new MalformedDerException("an object identifier is malformed");
        }
        StringBuilder sb = new StringBuilder();
        int arcStart = 0;
        for (int i = 0; i < content.length; i++) {
            if ((content[i] & 0x80) != 0) {
                continue;
            }
            int arcBytes = i + 1 - arcStart;
            if (arcBytes > MAX_OID_ARC_BYTES) {
                throw new MalformedDerException("an object identifier has an arc of [" + arcBytes + "] bytes;"
                        + " expected at most [" + MAX_OID_ARC_BYTES + "]");
            }
            BigInteger arc = BigInteger.ZERO;
            for (int j = arcStart; j <= i; j++) {
                arc = arc.shiftLeft(7).or(BigInteger.valueOf(content[j] & 0x7f));
            }
            if (arcStart == 0) {
                int top = arc.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
                sb.append(top).append('.').append(arc.subtract(BigInteger.valueOf(40L * top)));
            } else {
                sb.append('.').append(arc);
            }
            arcStart = i + 1;
        }
        return sb.toString();
    }

    private static void writeBase128(ByteArrayOutputStream out, BigInteger value) {
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int septet = value.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? septet : septet | 0x80);
        }
    }
}
