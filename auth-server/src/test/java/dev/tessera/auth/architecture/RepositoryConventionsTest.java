package dev.tessera.auth.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties of the whole repository's production code that no compiler checks: classes stay small,
 * every package says what it is, and the docs that point into the code (package-info links,
 * SECURITY.md) name things that exist.
 */
class RepositoryConventionsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final int MAX_LINES = 300;
    /** Library packages a package-info may link to. */
    private static final List<String> LIBRARIES = List.of("java.", "javax.", "com.nimbusds.", "io.micronaut.", "io.lettuce.");

    private static List<Path> productionSources() {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every production class by its simple name and by its fully qualified name. */
    private static Map<String, Path> classesByName(Function<Path, String> naming) {
        return productionSources().stream().filter(p -> !p.endsWith("package-info.java"))
                .collect(Collectors.toMap(naming, p -> p, (a, b) -> a));
    }

    private static String qualifiedName(Path file) {
        String path = file.toString();
        return path.substring(path.indexOf("/src/main/java/") + "/src/main/java/".length(), path.length() - 5)
                .replace('/', '.');
    }

    @Test
    void noProductionClassIsLongerThan300Lines() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : productionSources()) {
            long lines = read(file).lines().count();
            if (lines > MAX_LINES) {
                tooLong.add(REPO.relativize(file) + " (" + lines + ")");
            }
        }
        assertEquals(List.of(), tooLong);
    }

    /** Tessera's own modules; examples/ are stock third-party-style apps showing integrations, not Tessera code. */
    @Test
    void everyProductionPackageHasAPackageInfo() {
        Set<Path> packages = productionSources().stream().filter(p -> !REPO.relativize(p).startsWith("examples"))
                .map(Path::getParent).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = packages.stream().filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                .map(dir -> REPO.relativize(dir).toString()).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void packageInfoLinksNameClassesAndPackagesThatExist() {
        Map<String, Path> classes = classesByName(RepositoryConventionsTest::qualifiedName);
        Set<String> packages = productionSources().stream().map(RepositoryConventionsTest::qualifiedName)
                .map(name -> name.substring(0, name.lastIndexOf('.'))).collect(Collectors.toSet());
        Pattern link = Pattern.compile("\\{@link(?:plain)? ([\\w.]+)(?:#(\\w+))?");
        List<String> broken = new ArrayList<>();
        for (Path file : productionSources().stream().filter(p -> p.endsWith("package-info.java")).toList()) {
            Matcher m = link.matcher(read(file));
            while (m.find()) {
                String target = m.group(1);
                if (LIBRARIES.stream().anyMatch(target::startsWith) || packages.contains(target)) {
                    continue;
                }
                Path source = classes.get(target);
                if (source == null || (m.group(2) != null && !read(source).contains(" " + m.group(2) + "("))) {
                    broken.add(REPO.relativize(file) + " -> " + m.group(0));
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /**
     * SECURITY.md names classes ({@code token/store/RotationPolicy}, {@code JdbcRefreshTokenStore.rotate})
     * and tests ({@code RefreshRotationTest.reuse...}); each must be a file in the repo, each method a
     * method of it.
     */
    @Test
    void securityMdNamesClassesAndTestsThatExist() throws IOException {
        Map<String, List<Path>> sources;
        try (Stream<Path> files = Files.walk(REPO)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .collect(Collectors.groupingBy(p -> p.getFileName().toString().replace(".java", "")));
        }
        Pattern name = Pattern.compile("`(?:[\\w./-]*/)?([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.(\\w+))?`");
        List<String> broken = new ArrayList<>();
        Matcher m = name.matcher(Files.readString(REPO.resolve("SECURITY.md")));
        while (m.find()) {
            List<Path> files = sources.get(m.group(1));
            boolean found = files != null && (m.group(2) == null
                    || files.stream().anyMatch(f -> read(f).contains(" " + m.group(2) + "(")));
            if (!found) {
                broken.add(m.group(0));
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(Files.readString(REPO.resolve("SECURITY.md")).contains("DeviceSignOut"), "the sign-out owner is listed");
    }
}
