package io.github.jwtsigner.it;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One POST over a raw socket: everything the server sends, interim responses included, until it closes. */
final class RawHttp {
    private RawHttp() {
    }

    /** @param path absolute, such as {@code /a/login} */
    static byte[] post(URI base, String path) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (java.io.IOException reset) {
                // A connection the server aborts: what arrived before is what the client got.
            }
            return all.toByteArray();
        }
    }

    static String postText(URI base, String path) throws Exception {
        return new String(post(base, path), StandardCharsets.ISO_8859_1);
    }
}
