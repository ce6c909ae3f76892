package io.github.jwtsigner.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP over loopback with the JDK client, as a browser or curl would post a login form. */
final class LoginClient {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI base;

    LoginClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> login(String path, String user, String pass) throws IOException, InterruptedException {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&pass=" + URLEncoder.encode(pass, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
