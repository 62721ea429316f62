package armada.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Draws random {@link FsCall}s over two declared directories, a few directories created and
 * removed below them, and a small pool of names, so that names (of files and directories)
 * collide often, with now and then a hostile name or directory, a payload of several
 * kilobytes, an offset past the end, a negative offset or length, or a closed descriptor.
 */
final class FsCallGenerator {

    static final List<String> DIRS = List.of("d0", "d1");

    /** Each is rejected by {@link Names}: the reason and message must agree in both backends. */
    static final List<String> HOSTILE_NAMES = List.of("a/b", "/", "..", ".", "", "x\0y", "\0",
            "é".repeat(128), "n".repeat(256));

    /** Undeclared directories, some of them near misses of a declared one. */
    static final List<String> HOSTILE_DIRS = List.of("d2", "", "d0/", "D0", "..", "d0\0", "d0/..", "d2/s", "d0//s");

    private final Random random;
    private final List<String> names = new ArrayList<>(List.of("a", "b", "c", "A", "msg.1", " x ", "a\\b\n", "m".repeat(255)));

    FsCallGenerator(long seed) {
        this.random = new Random(seed);
        if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            // Non-ASCII names exist on the real side only under a UTF-8 locale; see
            // RealFileSystemTest.nonAsciiName_needsAUtf8FileNameEncoding.
            names.add("é€");
            names.add("é".repeat(127) + "x");
        }
    }

    /**
     * The next call, given the model's state (to name existing files more often than chance
     * would) and the descriptors the sequence has opened so far (by slot).
     */
    FsCall next(FileSystem model, List<Fd> fds) {
        int kind = random.nextInt(100);
        if (fds.isEmpty() && kind >= 26 && kind < 59) {
            kind = random.nextInt(26);
        }
        // Mostly open a descriptor of the needed mode first, rather than misuse one.
        if (kind >= 26 && kind < 45 && fds.stream().noneMatch(Fd::writable) && random.nextInt(5) > 0) {
            kind = 0;
        }
        if (kind < 12) {
            return new FsCall.Create(dir(), name());
        } else if (kind < 20) {
            String[] f = existing(model);
            return new FsCall.Open(f[0], f[1]);
        } else if (kind < 26) {
            String[] f = existing(model);
            return new FsCall.OpenWrite(f[0], f[1]);
        } else if (kind < 36) {
            return new FsCall.Append(fd(fds, true), payload());
        } else if (kind < 42) {
            return new FsCall.Write(fd(fds, true), position(), payload());
        } else if (kind < 45) {
            return new FsCall.Truncate(fd(fds, true), position());
        } else if (kind < 52) {
            return new FsCall.Read(fd(fds, null), offset(), length());
        } else if (kind < 54) {
            return new FsCall.Size(fd(fds, null));
        } else if (kind < 57) {
            return new FsCall.Close(fd(fds, null));
        } else if (kind < 59) {
            return new FsCall.Fsync(fd(fds, null));
        } else if (kind < 66) {
            String[] f = existing(model);
            return new FsCall.Link(f[0], f[1], dir(), name());
        } else if (kind < 73) {
            String[] f = existing(model);
            return new FsCall.Rename(f[0], f[1], dir(), name());
        } else if (kind < 80) {
            String[] f = existing(model);
            return new FsCall.Unlink(f[0], f[1]);
        } else if (kind < 85) {
            return new FsCall.ListDir(dir());
        } else if (kind < 88) {
            return new FsCall.FsyncDir(dir());
        } else if (kind < 95) {
            return new FsCall.Mkdir(random.nextInt(10) == 0 ? dir() : pick(RUN_TIME_DIRS));
        } else {
            return new FsCall.Rmdir(random.nextInt(10) == 0 ? dir() : pick(RUN_TIME_DIRS));
        }
    }

    /** Directories the calls may create below the declared ones, nested, one named as a pool name is. */
    static final List<String> RUN_TIME_DIRS = List.of("d0/s", "d0/s/t", "d1/s", "d0/a");

    /** The declared directories and those the calls may create. */
    static List<String> allDirectories() {
        List<String> all = new ArrayList<>(DIRS);
        all.addAll(RUN_TIME_DIRS);
        return all;
    }

    /** Two times in three an existing file's directory and name, if there is one; else any. */
    private String[] existing(FileSystem model) {
        String dir = dir();
        if (random.nextInt(3) < 2) {
            String d = pick(DIRS);
            List<String> present = model.list(d);
            if (!present.isEmpty()) {
                return new String[] {d, pick(present)};
            }
        }
        return new String[] {dir, name()};
    }

    private String dir() {
        int r = random.nextInt(100);
        return r < 3 ? pick(HOSTILE_DIRS) : r < 25 ? pick(RUN_TIME_DIRS) : pick(DIRS);
    }

    /** Mostly one of three names, so that calls meet the same files; sometimes another. */
    private String name() {
        int r = random.nextInt(100);
        return r < 4 ? pick(HOSTILE_NAMES) : r < 8 ? "s" : r < 75 ? names.get(random.nextInt(3)) : pick(names);
    }

    /**
     * Mostly one of the last few descriptors of the mode the call needs ({@code null}: any),
     * sometimes any descriptor at all (often closed, or of the wrong mode).
     */
    private int fd(List<Fd> fds, @Nullable Boolean writable) {
        if (random.nextInt(10) < 8) {
            int wanted = random.nextInt(3);
            int found = -1;
            for (int i = fds.size() - 1; i >= 0 && wanted >= 0; i--) {
                if (writable == null || fds.get(i).writable() == writable) {
                    found = i;
                    wanted--;
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        return random.nextInt(fds.size());
    }

    private byte[] payload() {
        int r = random.nextInt(100);
        int length = r < 10 ? 0 : r < 90 ? 1 + random.nextInt(24) : 1000 + random.nextInt(5000);
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    private long offset() {
        int r = random.nextInt(100);
        if (r < 3) {
            return -1L - random.nextInt(5);
        } else if (r < 6) {
            return Long.MAX_VALUE;
        } else if (r < 30) {
            return 0;
        } else if (r < 85) {
            return random.nextInt(40);
        }
        return random.nextInt(7000);
    }

    /** A position to write at or truncate to: mostly small, sometimes negative or past a sector. */
    private long position() {
        int r = random.nextInt(100);
        if (r < 3) {
            return -1L - random.nextInt(5);
        } else if (r < 70) {
            return random.nextInt(40);
        }
        return random.nextInt(7000);
    }

    private int length() {
        int r = random.nextInt(100);
        if (r < 3) {
            return -1;
        } else if (r < 10) {
            return 0;
        } else if (r < 20) {
            return Integer.MAX_VALUE;
        } else if (r < 85) {
            return 1 + random.nextInt(40);
        }
        return random.nextInt(7000);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
