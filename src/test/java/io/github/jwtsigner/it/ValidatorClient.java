package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET requests over a raw socket, one connection each, so that a test controls every header line sent (the same
 * name twice, any letter case) and sees every header line received.
 */
final class ValidatorClient {
    private final URI base;

    ValidatorClient(URI base) {
        this.base = base;
    }

    /** What came back: the status, each header line in order, the body as UTF-8. */
    record Reply(int status, List<Map.Entry<String, String>> headers, String body) {
        /** Every value of the header {@code name}, in any letter case. */
        List<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .toList();
        }

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The header lines and the body, as the client got them: where nothing secret may appear. */
        String everything() {
            StringBuilder sb = new StringBuilder();
            headers.forEach(h -> sb.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
            return sb.append('\n').append(body).toString();
        }

        @Override
        public String toString() {
            return status + " " + everything();
        }
    }

    /** A GET with a bearer token in {@code Authorization}. */
    Reply bearer(String path, String token) throws IOException {
        return get(path, "Authorization", "Bearer " + token);
    }

    /**
     * @param path absolute path and query, such as {@code /api/x?role=a}
     * @param headers names and values, alternating; a name may come more than once
     */
    Reply get(String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] answer = exchange(bytes);
        if (answer.length == 0) {
            // As AttackClient: now and then a connection closes before any answer; the client got nothing.
            answer = exchange(bytes);
        }
        return parse(answer);
    }

    private byte[] exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(all);
            return all.toByteArray();
        }
    }

    private static Reply parse(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: [" + text + "]");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            chunked |= name.equalsIgnoreCase("Transfer-Encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked");
        }
        byte[] body = new byte[answer.length - end - 4];
        System.arraycopy(answer, end + 4, body, 0, body.length);
        return new Reply(status, List.copyOf(headers),
                new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
