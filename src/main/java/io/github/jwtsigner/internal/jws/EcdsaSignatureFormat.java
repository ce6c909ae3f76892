package io.github.jwtsigner.internal.jws;

/**
 * Converts an ASN.1 DER ECDSA signature {@code SEQUENCE {INTEGER r, INTEGER s}} into the JOSE form
 * {@code R || S}, each left-padded to the curve's size (RFC 7518 §3.4).
 *
 * <p>Stateless and thread-safe.
 */
final class EcdsaSignatureFormat {
    private EcdsaSignatureFormat() {
    }

    /**
     * @param der the provider's DER signature
     * @param partBytes 32 for P-256, 48 for P-384, 66 for P-521
     * @throws IllegalArgumentException when {@code der} is not a DER ECDSA signature that fits
     */
    static byte[] derToJose(byte[] der, int partBytes) {
        int[] pos = {0};
        expect(der, pos, 0x30);
        int seqLength = readLength(der, pos);
        if (pos[0] + seqLength != der.length) {
            throw new IllegalArgumentException("ECDSA signature: DER sequence length does not match");
        }
        byte[] jose = new byte[2 * partBytes];
        copyInteger(der, pos, jose, 0, partBytes);
        copyInteger(der, pos, jose, partBytes, partBytes);
        if (pos[0] != der.length) {
            throw new IllegalArgumentException("ECDSA signature: trailing bytes after s");
        }
        return jose;
    }

    private static void copyInteger(byte[] der, int[] pos, byte[] out, int outOffset, int partBytes) {
        expect(der, pos, 0x02);
        int length = readLength(der, pos);
        int start = pos[0];
        if (length == 0 || start + length > der.length) {
            throw new IllegalArgumentException("ECDSA signature: truncated INTEGER");
        }
        pos[0] += length;
        while (length > 0 && der[start] == 0) {
            start++;
            length--;
        }
        if (length > partBytes) {
            throw new IllegalArgumentException("ECDSA signature: INTEGER of [" + length + "] bytes does not fit ["
                    + partBytes + "]");
        }
        System.arraycopy(der, start, out, outOffset + partBytes - length, length);
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if (pos[0] >= der.length || (der[pos[0]] & 0xff) != tag) {
            throw new IllegalArgumentException("ECDSA signature: expected DER tag [" + tag + "]");
        }
        pos[0]++;
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw new IllegalArgumentException("ECDSA signature: truncated length");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 2 || pos[0] + count > der.length) {
            throw new IllegalArgumentException("ECDSA signature: unsupported DER length form");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[pos[0]++] & 0xff);
        }
        return length;
    }
}
