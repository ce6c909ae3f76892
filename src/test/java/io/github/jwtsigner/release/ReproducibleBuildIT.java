package io.github.jwtsigner.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Two builds of one commit give byte-identical jars. Runs in {@code mvn verify} after {@code package} (failsafe):
 * copies the project without its build output into {@code target/reproducibility/project}, packages the copy
 * again offline with {@code -Dmaven.test.skip=true}, and compares every jar in {@code target/} with the one of the
 * same name the copy built. The second build sits in another directory, so a jar that records a path fails too.
 */
class ReproducibleBuildIT {

    private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".idea", ".vscode");
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    @Test
    void secondBuildOfTheSameSourcesGivesByteIdenticalJars() throws Exception {
        Path project = Path.of(property("repro.projectDirectory"));
        Path firstBuild = Path.of(property("repro.buildDirectory"));
        Path work = firstBuild.resolve("reproducibility");
        Path copy = work.resolve("project");
        deleteTree(work);
        copyProject(project, copy);

        runPackage(copy, work.resolve("build.log"));

        Map<String, Path> first = jars(firstBuild);
        Map<String, Path> second = jars(copy.resolve("target"));
        assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith("-sources.jar"))
                && first.keySet().stream().anyMatch(n -> n.endsWith("-javadoc.jar")) && first.size() >= 3,
                "expected the main, -sources and -javadoc jars in " + firstBuild + "; found " + first.keySet());
        assertEquals(first.keySet(), second.keySet(), "the second build made other jars");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Path> jar : first.entrySet()) {
            Path other = second.get(jar.getKey());
            if (Files.mismatch(jar.getValue(), other) != -1) {
                differences.add(jar.getKey() + " differs: " + entryDifferences(jar.getValue(), other));
            }
        }
        assertTrue(differences.isEmpty(), "jars not reproducible (is project.build.outputTimestamp set?):\n"
                + String.join("\n", differences));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property [" + name + "] is not set; expected it from the failsafe configuration in pom.xml"
                    + " (run this test with mvn verify)");
        }
        return value;
    }

    private static void runPackage(Path copy, Path log) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = Path.of(property("repro.mavenHome"), "bin", windows ? "mvn.cmd" : "mvn");
        List<String> command = List.of(mvn.toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + property("repro.localRepository"),
                "-Dmaven.test.skip=true", "-Dinvoker.skip=true", "-Dit.variants.skip", "-Dbench.skip", "package");
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The same JDK as the first build: javadoc's output depends on its version.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the second build did not finish in " + BUILD_TIMEOUT_MINUTES + " minutes; log: " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            fail("the second build " + command + " failed with exit code " + process.exitValue() + "; end of " + log
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    private static void copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.filter(p -> !excluded(from.relativize(p))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            if (NOT_COPIED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Path> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> p, (a, b) -> a,
                            LinkedHashMap::new));
        }
    }

    /** What differs between two jars, entry by entry, so that a failure names the culprit. */
    private static String entryDifferences(Path a, Path b) throws IOException {
        try (ZipFile first = new ZipFile(a.toFile()); ZipFile second = new ZipFile(b.toFile())) {
            Set<String> names = new TreeSet<>(names(first));
            names.addAll(names(second));
            List<String> found = new ArrayList<>();
            for (String name : names) {
                ZipEntry x = first.getEntry(name);
                ZipEntry y = second.getEntry(name);
                if (x == null || y == null) {
                    found.add(name + " only in " + (x == null ? "the second" : "the first"));
                } else if (x.getTime() != y.getTime()) {
                    found.add(name + " time " + x.getTimeLocal() + " vs " + y.getTimeLocal());
                } else if (!Arrays.equals(bytes(first, x), bytes(second, y))) {
                    found.add(name + " content");
                }
            }
            if (found.isEmpty() && !names(first).equals(names(second))) {
                found.add("entry order");
            }
            return found.isEmpty() ? "zip metadata only" : found.stream().limit(10).toList()
                    + (found.size() > 10 ? " and " + (found.size() - 10) + " more" : "");
        }
    }

    private static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            names.add(e.nextElement().getName());
        }
        return names;
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
