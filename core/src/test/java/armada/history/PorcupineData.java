package armada.history;

import armada.history.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Porcupine's test histories and expected verdicts, read from {@code ../shared/data/porcupine}
 * beside the repository (nothing is copied into it). Fails with a clear message when they are absent.
 */
final class PorcupineData {

    /** One history of expected.tsv: its file, model and verdict as Porcupine's tests assert it. */
    record Case(String name, Path file, HistoryModel<?> model, int invocations, boolean linearizable) {
        @Override
        public String toString() {
            return name;
        }
    }

    private PorcupineData() {
    }

    /** The directory with README.md, expected.tsv and test_data/. */
    static Path dir() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("run-tests"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("cannot find the repository root (a directory with run-tests) above "
                    + Path.of("").toAbsolutePath());
        }
        Path dir = beside(root);
        if (!Files.isRegularFile(dir.resolve("expected.tsv"))) {
            // A clone made elsewhere (git clone . /tmp/x): the data beside the repository it came from.
            Path origin = originOf(root);
            Path there = origin == null ? null : beside(origin);
            if (there != null && Files.isRegularFile(there.resolve("expected.tsv"))) {
                return there;
            }
            throw new IllegalStateException("Porcupine's test histories are missing: expected " + dir
                    + "/expected.tsv (the shared/ directory beside the repository, as on CI, or beside the"
                    + " local repository this one was cloned from)");
        }
        return dir;
    }

    private static Path beside(Path repository) {
        return repository.resolveSibling("shared").resolve("data").resolve("porcupine");
    }

    /** The local repository {@code root} was cloned from (its origin, when that is a directory), or null. */
    private static @org.jspecify.annotations.Nullable Path originOf(Path root) {
        Path config = root.resolve(".git").resolve("config");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            boolean inOrigin = false;
            for (String line : Files.readAllLines(config)) {
                String t = line.strip();
                if (t.startsWith("[")) {
                    inOrigin = t.equals("[remote \"origin\"]");
                } else if (inOrigin && t.startsWith("url")) {
                    String url = t.substring(t.indexOf('=') + 1).strip();
                    Path p = Path.of(url.startsWith("file://") ? url.substring("file://".length()) : url);
                    return p.isAbsolute() && Files.isDirectory(p) ? p.toRealPath() : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Every history that expected.tsv gives a verdict for (the empty etcd_095.log has none). */
    static List<Case> cases() throws IOException {
        Path dir = dir();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[4].startsWith("NO-TEST")) {
                continue;
            }
            HistoryModel<?> model = f[0].startsWith("kv/") ? Models.kv() : Models.casRegister();
            cases.add(new Case(f[0], dir.resolve("test_data").resolve(f[0]), model, Integer.parseInt(f[1]),
                    Boolean.parseBoolean(f[4])));
        }
        return cases;
    }
}
