package io.github.jwtsigner.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The OpenSSL-made key files under {@code src/test/resources/keys} (see the README there). */
public final class KeyFixtures {
    private KeyFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = KeyFixtures.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test key file [" + name + "]");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII);
    }

    /** Copies the fixture into {@code dir} and returns the copy's path. */
    public static Path copy(String name, Path dir) throws IOException {
        return Files.write(dir.resolve(name), bytes(name));
    }

    /** A {@code PUBLIC KEY} PEM file as a JDK key of the given algorithm (RSA, EC, Ed25519). */
    public static PublicKey publicKey(String name, String algorithm) {
        String base64 = text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wraps DER in a PEM block. */
    public static byte[] pem(String label, byte[] der) {
        return ("-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
