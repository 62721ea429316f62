package armada.cli;

import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.layers.LayerChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The scenarios a command works on: the shipped ones, or those of a user's class path (directories
 * and jars), found with {@link ServiceLoader} through a {@link URLClassLoader} over it. Only the
 * sources listed in that class path's own {@code META-INF/services/armada.explore.ScenarioSource}
 * count, so the shipped examples do not crowd a user's list.
 *
 * @param classPath the class path as the user wrote it (for replay lines), or null for the shipped scenarios
 * @param chains the chains of layer checks the sources declare
 */
record Catalog(List<Scenario<?, ?>> scenarios, @Nullable String classPath, List<LayerChain> chains) {

    static final String SERVICES = "META-INF/services/" + ScenarioSource.class.getName();

    static Catalog shipped() {
        return new Catalog(ScenarioSource.all(), null, ScenarioSource.allChains());
    }

    /**
     * The scenarios of {@code entries} (each may join several paths with ':'), resolved against
     * {@code workingDirectory}. Throws {@link CatalogException} with a one-line reason when a path
     * is missing, a source cannot be loaded, or none is listed.
     */
    static Catalog of(List<String> entries, Path workingDirectory) {
        List<String> parts = new ArrayList<>();
        for (String e : entries) {
            for (String p : e.split(java.io.File.pathSeparator, -1)) {
                if (!p.isBlank()) {
                    parts.add(p);
                }
            }
        }
        if (parts.isEmpty()) {
            throw new CatalogException("--classpath names no directory or jar");
        }
        List<URL> urls = new ArrayList<>();
        for (String p : parts) {
            urls.add(url(workingDirectory.resolve(p), p));
        }
        URLClassLoader loader = new URLClassLoader("armada-user-classes", urls.toArray(URL[]::new),
                Catalog.class.getClassLoader());
        String text = String.join(java.io.File.pathSeparator, parts);
        Thread.currentThread().setContextClassLoader(loader);
        List<LayerChain> chains = new ArrayList<>();
        List<Scenario<?, ?>> scenarios = load(loader, text, chains);
        return new Catalog(scenarios, text, List.copyOf(chains));
    }

    private static URL url(Path path, String given) {
        if (Files.isDirectory(path)) {
            return toUrl(path);
        }
        if (Files.isRegularFile(path) && (given.endsWith(".jar") || given.endsWith(".zip"))) {
            return toUrl(path);
        }
        throw new CatalogException("--classpath: " + given + (Files.exists(path) ? " is neither a directory nor a jar"
                : " does not exist"));
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().normalize().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new CatalogException("--classpath: " + path + " is not a valid path");
        }
    }

    private static List<Scenario<?, ?>> load(URLClassLoader loader, String classPath, List<LayerChain> chains) {
        Set<String> listed = listedSources(loader);
        if (listed.isEmpty()) {
            throw new CatalogException("no scenario sources on the class path " + classPath + ": list your"
                    + " ScenarioSource classes, one per line, in " + SERVICES);
        }
        List<Scenario<?, ?>> all = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<ScenarioSource> p : ServiceLoader.load(ScenarioSource.class, loader).stream()
                    .toList()) {
                if (listed.contains(p.type().getName())) {
                    ScenarioSource source = p.get();
                    all.addAll(source.scenarios());
                    chains.addAll(source.chains());
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new CatalogException("cannot load the scenario sources on " + classPath + ": " + oneLine(e)
                    + " (is every class they need on --classpath?)");
        } catch (RuntimeException e) {
            throw new CatalogException("a scenario source on " + classPath + " failed: " + e.getClass().getSimpleName()
                    + ": " + oneLine(e));
        }
        all.sort(Comparator.comparing(Scenario::name));
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).name().equals(all.get(i - 1).name())) {
                throw new CatalogException("two scenarios are named " + all.get(i).name()
                        + ": every scenario on the class path needs its own name");
            }
        }
        return List.copyOf(all);
    }

    /** The class names listed in the services files of the class path itself (not of its parent). */
    private static Set<String> listedSources(URLClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> files = loader.findResources(SERVICES);
            while (files.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        int hash = line.indexOf('#');
                        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            b.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        return b.toString().replace('\n', ' ');
    }

    /** A class path that yields no scenarios; its message is the one line the user sees. */
    static final class CatalogException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CatalogException(String message) {
            super(message);
        }
    }
}
