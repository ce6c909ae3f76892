package io.github.jwtsigner.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A real exploded webapp directory: web.xml, the given classes under WEB-INF/classes, the KrakenD sample key
 * under WEB-INF/jwk, and any other files given (JSPs). The filter library itself stays on the container's class
 * path, as a jar in a shared lib folder would.
 */
final class ExplodedWebapp {
    private ExplodedWebapp() {
    }

    static Path create(Path root, Registration registration) {
        return create(root, registration, Registration.GOOD_PARAMS);
    }

    static Path create(Path root, Registration registration, Map<String, String> initParams) {
        return create(root, registration.webXml(initParams), registration.webappClasses(), Map.of());
    }

    /**
     * @param files more webapp files (such as JSPs), by path relative to the webapp root, with their text
     */
    static Path create(Path root, String webXml, List<Class<?>> webappClasses, Map<String, String> files) {
        try {
            Path webInf = Files.createDirectories(root.resolve("WEB-INF"));
            Files.writeString(webInf.resolve("web.xml"), webXml, StandardCharsets.UTF_8);
            Path jwk = Files.createDirectories(webInf.resolve("jwk"));
            try (InputStream in = ExplodedWebapp.class.getResourceAsStream("/jwk/krakend-symmetric-jwk.json")) {
                Files.copy(in, jwk.resolve("symmetric.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            for (Class<?> c : webappClasses) {
                String resource = c.getName().replace('.', '/') + ".class";
                Path target = webInf.resolve("classes").resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
