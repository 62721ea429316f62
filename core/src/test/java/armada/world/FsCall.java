package armada.world;

import java.util.HexFormat;
import java.util.List;

/**
 * One call of the {@link FileSystem} API, as data, so that the same sequence can run against
 * the model and the real file system and be printed when they differ. A descriptor is named
 * by its slot: the index among the descriptors the sequence has opened so far.
 */
sealed interface FsCall {

    record Create(String dir, String name) implements FsCall {
    }

    record Open(String dir, String name) implements FsCall {
    }

    record OpenWrite(String dir, String name) implements FsCall {
    }

    record Append(int fd, byte[] data) implements FsCall {
    }

    record Write(int fd, long offset, byte[] data) implements FsCall {
    }

    record Truncate(int fd, long length) implements FsCall {
    }

    record Mkdir(String dir) implements FsCall {
    }

    record Rmdir(String dir) implements FsCall {
    }

    record Read(int fd, long offset, int length) implements FsCall {
    }

    record Size(int fd) implements FsCall {
    }

    record Close(int fd) implements FsCall {
    }

    record Fsync(int fd) implements FsCall {
    }

    record Link(String fromDir, String fromName, String toDir, String toName) implements FsCall {
    }

    record Rename(String fromDir, String fromName, String toDir, String toName) implements FsCall {
    }

    record Unlink(String dir, String name) implements FsCall {
    }

    record ListDir(String dir) implements FsCall {
    }

    record FsyncDir(String dir) implements FsCall {
    }

    /** The descriptor slot this call uses, or -1. */
    default int fd() {
        return switch (this) {
            case Append a -> a.fd();
            case Write w -> w.fd();
            case Truncate t -> t.fd();
            case Read r -> r.fd();
            case Size s -> s.fd();
            case Close c -> c.fd();
            case Fsync f -> f.fd();
            default -> -1;
        };
    }

    /**
     * Runs the call on {@code fs}, whose descriptors so far are {@code fds}; returns what the
     * call returned ({@code "ok"} for a void call).
     */
    default Object run(FileSystem fs, List<Fd> fds) {
        switch (this) {
            case Create c -> {
                return fs.create(c.dir(), c.name());
            }
            case Open o -> {
                return fs.open(o.dir(), o.name());
            }
            case OpenWrite o -> {
                return fs.openWrite(o.dir(), o.name());
            }
            case Append a -> fs.append(fds.get(a.fd()), a.data());
            case Write w -> fs.write(fds.get(w.fd()), w.offset(), w.data());
            case Truncate t -> fs.truncate(fds.get(t.fd()), t.length());
            case Mkdir m -> {
                return fs.mkdir(m.dir());
            }
            case Rmdir r -> fs.rmdir(r.dir());
            case Read r -> {
                return fs.read(fds.get(r.fd()), r.offset(), r.length());
            }
            case Size s -> {
                return fs.size(fds.get(s.fd()));
            }
            case Close c -> fs.close(fds.get(c.fd()));
            case Fsync f -> fs.fsync(fds.get(f.fd()));
            case Link l -> {
                return fs.link(l.fromDir(), l.fromName(), l.toDir(), l.toName());
            }
            case Rename r -> fs.rename(r.fromDir(), r.fromName(), r.toDir(), r.toName());
            case Unlink u -> fs.unlink(u.dir(), u.name());
            case ListDir l -> {
                return fs.list(l.dir());
            }
            case FsyncDir d -> fs.fsyncDir(d.dir());
        }
        return "ok";
    }

    /** The call as a reader wants it printed: NUL escaped, long names abbreviated. */
    default String describe() {
        return switch (this) {
            case Create c -> "create(" + show(c.dir()) + ", " + show(c.name()) + ")";
            case Open o -> "open(" + show(o.dir()) + ", " + show(o.name()) + ")";
            case OpenWrite o -> "openWrite(" + show(o.dir()) + ", " + show(o.name()) + ")";
            case Append a -> "append(fd" + a.fd() + ", " + bytes(a.data()) + ")";
            case Write w -> "write(fd" + w.fd() + ", " + w.offset() + ", " + bytes(w.data()) + ")";
            case Truncate t -> "truncate(fd" + t.fd() + ", " + t.length() + ")";
            case Mkdir m -> "mkdir(" + show(m.dir()) + ")";
            case Rmdir r -> "rmdir(" + show(r.dir()) + ")";
            case Read r -> "read(fd" + r.fd() + ", " + r.offset() + ", " + r.length() + ")";
            case Size s -> "size(fd" + s.fd() + ")";
            case Close c -> "close(fd" + c.fd() + ")";
            case Fsync f -> "fsync(fd" + f.fd() + ")";
            case Link l -> "link(" + show(l.fromDir()) + ", " + show(l.fromName()) + ", "
                    + show(l.toDir()) + ", " + show(l.toName()) + ")";
            case Rename r -> "rename(" + show(r.fromDir()) + ", " + show(r.fromName()) + ", "
                    + show(r.toDir()) + ", " + show(r.toName()) + ")";
            case Unlink u -> "unlink(" + show(u.dir()) + ", " + show(u.name()) + ")";
            case ListDir l -> "list(" + show(l.dir()) + ")";
            case FsyncDir d -> "fsyncDir(" + show(d.dir()) + ")";
        };
    }

    /** A string quoted, with backslash, NUL and newline escaped, and a run of one character as {@code "m"*255}. */
    static String show(String s) {
        if (s.length() > 8 && s.chars().distinct().count() == 1) {
            return "\"" + s.charAt(0) + "\"*" + s.length();
        }
        return "\"" + s.replace("\\", "\\\\").replace("\0", "\\0").replace("\n", "\\n") + "\"";
    }

    /** Bytes in hex; past 32 bytes, the first 32 and a digest, so equal text means equal bytes. */
    static String bytes(byte[] b) {
        HexFormat hex = HexFormat.of();
        if (b.length == 0) {
            return "0 bytes";
        }
        if (b.length <= 32) {
            return b.length + " bytes " + hex.formatHex(b);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(b);
            return b.length + " bytes " + hex.formatHex(b, 0, 32) + "… sha256 " + hex.formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
