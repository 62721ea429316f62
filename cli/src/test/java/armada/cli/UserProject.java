package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's project outside the CLI's class path, compiled here: a counter (correct, and racy
 * without its lock), its scenarios, and the services file that lists them. Classes go to
 * {@code target/classes} under {@code root}, as Maven would put them.
 */
final class UserProject {

    static final String SPEC = """
            package com.example.count;

            import armada.spec.*;

            public final class CountSpec extends TransitionSpec<Integer> {
                public sealed interface CountOp<R> extends Op<R> {
                    record Inc() implements CountOp<Unit> {}
                    record Get() implements CountOp<Integer> {}
                }
                public String name() { return "count"; }
                public Integer initial() { return 0; }
                @SuppressWarnings("unchecked")
                protected <R> Transition<Integer, R> transition(Op<R> op) {
                    return (Transition<Integer, R>) switch ((CountOp<?>) op) {
                        case CountOp.Inc i -> modify(n -> n + 1);
                        case CountOp.Get g -> gets(n -> n);
                    };
                }
            }
            """;

    static final String COUNTER = """
            package com.example.count;

            import armada.spec.*;
            import armada.world.*;

            public class Counter {
                final Cell<Integer> value;
                final Lock lock;
                final boolean locked;
                public Counter(World w, boolean locked) {
                    value = w.newCell(0);
                    lock = w.newLock();
                    this.locked = locked;
                }
                void inc() {
                    if (locked) lock.lock();
                    value.set(value.get() + 1);
                    if (locked) lock.unlock();
                }
                int get() {
                    lock.lock();
                    int v = value.get();
                    lock.unlock();
                    return v;
                }
                public static Object apply(Counter c, Op<?> op) {
                    if (op instanceof CountSpec.CountOp.Inc) {
                        c.inc();
                        return Unit.UNIT;
                    }
                    return c.get();
                }
            }
            """;

    static final String SCENARIOS = """
            package com.example.count;

            import armada.explore.*;
            import java.util.List;

            public final class CountScenarios implements ScenarioSource {
                static Scenario.Builder<Integer, Counter> two(String name, boolean locked) {
                    return Scenario.<Integer, Counter>builder("count/" + name, new CountSpec())
                            .boot(w -> new Counter(w, locked))
                            .driver(Counter::apply)
                            .thread(new CountSpec.CountOp.Inc())
                            .thread(new CountSpec.CountOp.Inc())
                            .after(new CountSpec.CountOp.Get());
                }
                public List<Scenario<?, ?>> scenarios() {
                    return List.of(two("locked", true).build(), two("racy", false).build(),
                            two("racy-declared", false).expectViolation("data-race").build());
                }
            }
            """;

    private static final java.util.regex.Pattern TYPE =
            java.util.regex.Pattern.compile("public (?:final )?(?:class|interface|record|enum) (\\w+)");

    private UserProject() {
    }

    /** Compiles the project under {@code root}; returns {@code root/target/classes}. */
    static Path compile(Path root) {
        return compile(root, List.of(SPEC, COUNTER, SCENARIOS), "com.example.count.CountScenarios\n");
    }

    static Path compile(Path root, List<String> sources, String services) {
        try {
            Path src = root.resolve("src");
            Path classes = root.resolve("target/classes");
            Files.createDirectories(classes.resolve("META-INF/services"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            for (String s : sources) {
                String pkg = s.substring(s.indexOf("package ") + 8, s.indexOf(';'));
                java.util.regex.Matcher m = TYPE.matcher(s);
                assertThat(m.find()).isTrue();
                String cls = m.group(1);
                Path file = src.resolve(pkg.replace('.', '/')).resolve(cls + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, s, StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
            Files.writeString(classes.resolve(Catalog.SERVICES), services, StandardCharsets.UTF_8);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs {@code classes} into the jar {@code jar}. */
    static Path jar(Path classes, Path jar) {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
