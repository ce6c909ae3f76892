package io.github.jwtsigner.internal.jws;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcdsaSignatureFormatTest {
    @Test
    void padsShortIntegersAndDropsSignBytes() {
        // r = 0x00ff.. (a sign byte before a high bit), s = 0x01 (much shorter than the curve size)
        byte[] r = new byte[33];
        Arrays.fill(r, 1, 33, (byte) 0xff);
        byte[] der = der(r, new byte[] {1});

        byte[] jose = EcdsaSignatureFormat.derToJose(der, 32);

        assertEquals(64, jose.length);
        assertArrayEquals(Arrays.copyOfRange(r, 1, 33), Arrays.copyOfRange(jose, 0, 32));
        assertEquals(1, jose[63]);
        assertTrue(Arrays.equals(new byte[31], Arrays.copyOfRange(jose, 32, 63)));
    }

    @Test
    void readsTheLongLengthFormOfP521Signatures() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair pair = gen.generateKeyPair();
        Signature signer = Signature.getInstance("SHA512withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        byte[] der = signer.sign();

        byte[] jose = EcdsaSignatureFormat.derToJose(der, 66);

        Signature p1363 = Signature.getInstance("SHA512withECDSAinP1363Format");
        p1363.initVerify(pair.getPublic());
        p1363.update(new byte[] {1, 2, 3});
        assertTrue(p1363.verify(jose), "the JDK's own P1363 verifier accepts the converted signature");
    }

    @Test
    void refusesAnIntegerLargerThanTheCurve() {
        byte[] big = new BigInteger("1".repeat(80)).toByteArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EcdsaSignatureFormat.derToJose(der(big, new byte[] {1}), 32));
        assertTrue(e.getMessage().contains("does not fit [32]"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotADerSequence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EcdsaSignatureFormat.derToJose(new byte[] {0x31, 0}, 32));
        assertTrue(e.getMessage().contains("expected DER tag [48]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EcdsaSignatureFormat.derToJose(Arrays.copyOf(der(new byte[] {1}, new byte[] {2}), 7), 32));
    }

    private static byte[] der(byte[] r, byte[] s) {
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }
}
