package armada.tutorial;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A reader's machine in a temporary directory outside the repository: an empty project directory,
 * a Maven local repository holding what {@code ./armada install} puts there (the parent POM and
 * armada-core, -testing and -junit, from this build), and an {@code armada} command on the PATH.
 *
 * <p>The project's Maven reads plugins and third-party libraries from this build's own local
 * repository, as a read-only mirror, so it needs no network; {@code .mvn/maven.config} in the
 * project sets that up, as a reader's {@code ~/.m2/settings.xml} would, without changing the
 * commands the document shows.
 */
final class FreshProject {

    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String GROUP = "io/github/armadajava";

    final Path home;
    final Path project;
    private final Path bin;

    private FreshProject(Path home) {
        this.home = home;
        this.project = home.resolve("kv");
        this.bin = home.resolve("bin");
    }

    /** Sets up the reader's machine; {@code root} is the Armada checkout, {@code buildRepository} this build's local repository. */
    static FreshProject create(Path root, Path buildRepository) throws IOException {
        FreshProject p = new FreshProject(Files.createTempDirectory("armada-tutorial-"));
        Files.createDirectories(p.project.resolve(".mvn"));
        Files.createDirectories(p.bin);
        Path repository = p.home.resolve("m2");
        p.install(root, repository);
        Path settings = p.home.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>this-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(buildRepository.toUri()));
        Files.writeString(p.project.resolve(".mvn/maven.config"),
                "-B\n-s\n" + settings + "\n-Dmaven.repo.local=" + repository + "\n-Dstyle.color=never\n");
        p.armadaCommand();
        return p;
    }

    /** What {@code ./armada install} does: the POMs and the jars, under the local repository's layout. */
    private void install(Path root, Path repository) throws IOException {
        put(repository, "armada-parent", root.resolve("pom.xml"), null);
        put(repository, "armada-core", root.resolve("core/pom.xml"), codeOf(armada.world.World.class));
        put(repository, "armada-testing", root.resolve("testing/pom.xml"), codeOf(armada.testing.CheckedCodeRules.class));
        put(repository, "armada-junit", root.resolve("junit/pom.xml"), codeOf(armada.junit.Armada.class));
    }

    private static void put(Path repository, String artifact, Path pom, Path code) throws IOException {
        Path dir = repository.resolve(GROUP).resolve(artifact).resolve(VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (code == null) {
            return;
        }
        Path jar = dir.resolve(artifact + "-" + VERSION + ".jar");
        if (Files.isDirectory(code)) {
            jar(code, jar); // a reactor build that has not packaged yet hands out target/classes
        } else {
            Files.copy(code, jar, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path codeOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    /** The armada command, as a reader's alias for the checkout's script: this build's CLI. */
    private void armadaCommand() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = bin.resolve("armada");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -Darmada.command=armada -cp '" + classPath
                + "' armada.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** What running {@code script} with bash in the project printed (both streams), and its exit status. */
    record Result(int exit, List<String> output) {
    }

    Result run(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(project.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.keySet().removeIf(k -> k.startsWith("MAVEN") || k.startsWith("JAVA") || k.equals("CLASSPATH"));
        env.put("PATH", bin + ":" + path);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", home.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        return new Result(exit, new String(out, StandardCharsets.UTF_8).lines().toList());
    }

    Path file(String path) {
        return project.resolve(path);
    }

    /** Removes the whole temporary directory. */
    void delete() {
        try (Stream<Path> all = Files.walk(home)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
