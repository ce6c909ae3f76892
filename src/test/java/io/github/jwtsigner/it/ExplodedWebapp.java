package io.github.jwtsigner.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A real exploded webapp directory: web.xml, the given classes under WEB-INF/classes and the KrakenD sample
 * key under WEB-INF/jwk. The filter library itself stays on the container's class path, as a jar in a
 * shared lib folder would.
 */
final class ExplodedWebapp {
    private ExplodedWebapp() {
    }

    static Path create(Path root, Registration registration) {
        return create(root, registration, Registration.GOOD_PARAMS);
    }

    static Path create(Path root, Registration registration, Map<String, String> initParams) {
        try {
            Path webInf = Files.createDirectories(root.resolve("WEB-INF"));
            Files.writeString(webInf.resolve("web.xml"), registration.webXml(initParams), StandardCharsets.UTF_8);
            Path jwk = Files.createDirectories(webInf.resolve("jwk"));
            try (InputStream in = ExplodedWebapp.class.getResourceAsStream("/jwk/krakend-symmetric-jwk.json")) {
                Files.copy(in, jwk.resolve("symmetric.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            for (Class<?> c : registration.webappClasses()) {
                String resource = c.getName().replace('.', '/') + ".class";
                Path target = webInf.resolve("classes").resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
