package armada.world;

import static org.assertj.core.api.Assertions.assertThat;

import armada.sim.SimFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model ≡ reality: random sequences of file-system calls (no crashes) run against the model
 * ({@link SimFileSystem#standalone}) and the real file system in a temporary directory, and
 * after every call the two must have returned the same (value, or exception class and
 * message) and must show the same directories and file contents. A difference is shrunk to
 * the fewest calls that still show one and printed with the seed that replays it:
 * {@code -Darmada.conformance.seed=<seed>} runs that one sequence,
 * {@code -Darmada.conformance.tries=<n>} runs more (or fewer) than the default.
 */
class FileSystemConformanceTest {

    private static final int TRIES = 200;
    private static final int LENGTH = 40;
    private static final long BASE_SEED = 0xA5_0000L;
    private static final int MAX_REPLAYS = 3000;

    @TempDir
    Path tmp;

    private int roots;

    @Test
    void randomSequences_behaveTheSameOnModelAndRealFileSystem() throws IOException {
        // The model is what the checker explores; the real file system is what ships. Any
        // observable difference means a checked program may behave otherwise in production.
        Long only = Long.getLong("armada.conformance.seed");
        int tries = only == null ? Integer.getInteger("armada.conformance.tries", TRIES) : 1;
        for (int t = 0; t < tries; t++) {
            long seed = only == null ? BASE_SEED + t : only;
            FsCallGenerator generator = new FsCallGenerator(seed);
            List<FsCall> calls = new ArrayList<>();
            try (Run run = new Run()) {
                for (int i = 0; i < LENGTH; i++) {
                    FsCall call = generator.next(run.model, run.modelFds);
                    calls.add(call);
                    if (run.step(call) != null) {
                        throw new AssertionError(report(seed, calls));
                    }
                }
            }
        }
    }

    @Test
    void renameOntoAnotherNameOfTheSameFile_leavesBothNames() throws IOException {
        // rename(2) does nothing when both names are links to one file: both names stay, in
        // the model as on Linux.
        List<FsCall> calls = List.of(
                new FsCall.Create("d0", "a"),
                new FsCall.Link("d0", "a", "d0", "b"),
                new FsCall.Rename("d0", "a", "d0", "b"),
                new FsCall.ListDir("d0"));
        try (Run run = new Run()) {
            for (FsCall call : calls) {
                assertThat(run.step(call)).as(String.join("\n", run.transcript)).isNull();
            }
            assertThat(run.transcript.getLast()).contains("a").contains("b");
        }
    }

    @Test
    void knownSequences_behaveTheSame() throws IOException {
        // Hand-picked cases the random draw reaches only rarely: a descriptor kept across an
        // unlink and a rename over its name, and a read far past the end.
        List<FsCall> calls = List.of(
                new FsCall.Create("d0", "a"),
                new FsCall.Append(0, new byte[] {1, 2, 3}),
                new FsCall.Open("d0", "a"),
                new FsCall.Create("d1", "b"),
                new FsCall.Append(2, new byte[] {9}),
                new FsCall.Rename("d1", "b", "d0", "a"),
                new FsCall.Read(1, 0, 10),
                new FsCall.Unlink("d0", "a"),
                new FsCall.Append(0, new byte[] {4}),
                new FsCall.Read(1, 1, Integer.MAX_VALUE),
                new FsCall.Read(1, Long.MAX_VALUE, 1),
                new FsCall.Close(1),
                new FsCall.Close(1),
                new FsCall.Size(1),
                new FsCall.Read(0, 0, 1),
                new FsCall.Append(2, new byte[0]),
                new FsCall.ListDir("d1"));
        try (Run run = new Run()) {
            for (FsCall call : calls) {
                String difference = run.step(call);
                assertThat(difference).as("transcript:\n" + String.join("\n", run.transcript)).isNull();
            }
        }
    }

    @Test
    void directoriesAtRunTime_behaveTheSame() throws IOException {
        runKnown(KnownSequences.directoriesAtRunTime());
    }

    @Test
    void positionalWritesAndTruncation_behaveTheSame() throws IOException {
        runKnown(KnownSequences.positionalWritesAndTruncation());
    }

    /** Runs a known sequence on both backends: no difference, and the transcript holds what it must. */
    private void runKnown(KnownSequences.Sequence sequence) throws IOException {
        try (Run run = new Run()) {
            for (FsCall call : sequence.calls()) {
                String difference = run.step(call);
                assertThat(difference).as("transcript:\n" + String.join("\n", run.transcript)).isNull();
            }
            assertThat(String.join("\n", run.transcript)).contains(sequence.transcriptHolds());
        }
    }

    // ------------------------------------------------------------------ running and shrinking

    /** The report for a failing sequence: shrunk, with both backends' outcomes and the seed. */
    private String report(long seed, List<FsCall> calls) throws IOException {
        List<FsCall> shrunk = new ArrayList<>(calls);
        int replays = 0;
        boolean progress = true;
        while (progress && replays < MAX_REPLAYS) {
            progress = false;
            for (int i = shrunk.size() - 1; i >= 0 && replays < MAX_REPLAYS; i--) {
                List<FsCall> candidate = new ArrayList<>(shrunk);
                candidate.remove(i);
                replays++;
                if (replay(candidate).difference != null) {
                    shrunk = candidate;
                    progress = true;
                }
            }
        }
        Replay minimal = replay(shrunk);
        return "model and real file system differ (seed " + seed + ": -Darmada.conformance.seed=" + seed + ")\n"
                + "shrunk from " + calls.size() + " to " + shrunk.size() + " calls"
                + (progress ? " (shrinking stopped at its bound of " + MAX_REPLAYS + " replays)" : "") + ":\n  "
                + String.join("\n  ", minimal.transcript) + "\n" + minimal.difference;
    }

    private record Replay(List<String> transcript, @Nullable String difference) {
    }

    private Replay replay(List<FsCall> calls) throws IOException {
        try (Run run = new Run()) {
            for (FsCall call : calls) {
                String difference = run.step(call);
                if (difference != null) {
                    return new Replay(run.transcript, difference);
                }
            }
            return new Replay(run.transcript, null);
        }
    }

    /** One sequence against a fresh model and a fresh real file system. */
    private final class Run implements AutoCloseable {

        final FileSystem model = SimFileSystem.standalone(FsCallGenerator.DIRS);
        final Path root = tmp.resolve("run" + roots++);
        final RealFileSystem real = RealFileSystem.open(root, FsCallGenerator.DIRS);
        final List<Fd> modelFds = new ArrayList<>();
        final List<Fd> realFds = new ArrayList<>();
        final List<String> transcript = new ArrayList<>();

        Run() throws IOException {
        }

        /** Runs {@code call} on both; returns how they differ, or null if they agree. */
        @Nullable String step(FsCall call) throws IOException {
            if (call.fd() >= modelFds.size()) {
                return null; // a shrunk sequence lost the call that opened this slot
            }
            String m = outcome(call, model, modelFds);
            String r = outcome(call, real, realFds);
            transcript.add(call.describe() + "  " + m);
            if (!m.equals(r)) {
                return "result differs:\n  model " + m + "\n  real  " + r;
            }
            String ms = state(model);
            String rs = state(real);
            if (!ms.equals(rs)) {
                return "state differs after it:\n  model " + ms + "\n  real  " + rs;
            }
            return null;
        }

        private static String outcome(FsCall call, FileSystem fs, List<Fd> fds) {
            try {
                return "-> " + render(call.run(fs, fds), fds);
            } catch (RuntimeException e) {
                return "throws " + e.getClass().getName() + ": " + FsCall.show(String.valueOf(e.getMessage()));
            }
        }

        /** A returned value as text; a new descriptor gets the next slot. */
        private static String render(Object value, List<Fd> fds) {
            return switch (value) {
                case Optional<?> o when o.isEmpty() -> "empty";
                case Optional<?> o -> {
                    Fd fd = (Fd) o.get();
                    fds.add(fd);
                    yield "fd" + (fds.size() - 1) + (fd.writable() ? " for writing" : " for reading");
                }
                case byte[] b -> FsCall.bytes(b);
                case List<?> l -> l.stream().map(n -> FsCall.show((String) n)).toList().toString();
                default -> value.toString();
            };
        }

        /**
         * Every directory's names and every file's bytes, read through the API itself: the
         * declared directories and the run-time ones the generator may create below them.
         */
        private static String state(FileSystem fs) {
            StringBuilder out = new StringBuilder();
            for (String dir : FsCallGenerator.allDirectories()) {
                try {
                    List<String> files = new ArrayList<>();
                    for (String name : fs.list(dir)) {
                        if (FsCallGenerator.allDirectories().contains(dir + "/" + name)) {
                            files.add(FsCall.show(name) + "/");
                            continue;
                        }
                        Fd fd = fs.open(dir, name).orElseThrow();
                        files.add(FsCall.show(name) + "=" + FsCall.bytes(fs.read(fd, 0, Integer.MAX_VALUE)));
                        fs.close(fd);
                    }
                    out.append(dir).append(": ").append(String.join(", ", files)).append("; ");
                } catch (RuntimeException e) {
                    out.append(dir).append(" throws ").append(e).append("; ");
                }
            }
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }
}
