package armada.mailboat.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library's system-call wrappers this package uses, bound when the class initialises (which
 * fails where a symbol is missing or native access is refused: {@link #bound}). The flags are
 * those of the 64-bit Linux ABIs this package accepts (x86-64, AArch64, RISC-V). Each
 * call returns what C returns; a call that fails returns -1 and leaves its {@code errno} in the
 * capture segment it was given ({@link #errno}).
 *
 * <p>Binding a C function and reading the string {@code strerror} returns are restricted methods:
 * the launcher and the tests allow them ({@code --enable-native-access=ALL-UNNAMED}).
 */
@SuppressWarnings("restricted")
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_APPEND = 02000;
    static final int O_CLOEXEC = 02000000;
    static final int SEEK_SET = 0;
    static final int SEEK_END = 2;

    static final int AT_REMOVEDIR = 0x200;
    /** {@code pwritev2} flag: append at the end of the file, atomically, as {@code O_APPEND} does. */
    static final int RWF_APPEND = 0x10;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EEXIST = 17;
    static final int EISDIR = 21;
    static final int ENOTEMPTY = 39;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup C = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    private static final MemoryLayout P = ValueLayout.ADDRESS;

    private static final MethodHandle OPENAT = bind("openat", FunctionDescriptor.of(I, I, P, I, I));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(I, I));
    private static final MethodHandle PREAD = bind("pread", FunctionDescriptor.of(L, I, P, L, L));
    private static final MethodHandle PWRITE = bind("pwrite", FunctionDescriptor.of(L, I, P, L, L));
    private static final MethodHandle PWRITEV2 = bind("pwritev2", FunctionDescriptor.of(L, I, P, I, L, I));
    private static final MethodHandle FTRUNCATE = bind("ftruncate", FunctionDescriptor.of(I, I, L));
    private static final MethodHandle MKDIRAT = bind("mkdirat", FunctionDescriptor.of(I, I, P, I));
    private static final MethodHandle LSEEK = bind("lseek", FunctionDescriptor.of(L, I, L, I));
    private static final MethodHandle FSYNC = bind("fsync", FunctionDescriptor.of(I, I));
    private static final MethodHandle LINKAT = bind("linkat", FunctionDescriptor.of(I, I, P, I, P, I));
    private static final MethodHandle RENAMEAT = bind("renameat", FunctionDescriptor.of(I, I, P, I, P));
    private static final MethodHandle UNLINKAT = bind("unlinkat", FunctionDescriptor.of(I, I, P, I));
    private static final MethodHandle GETDENTS64 = bind("getdents64", FunctionDescriptor.of(L, I, P, L));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(symbol("strerror"), FunctionDescriptor.of(P, I));

    private Libc() {
    }

    /** Initialises the class: throws a {@link LinkageError} if a call cannot be bound. */
    static boolean bound() {
        return STRERROR != null;
    }

    private static MemorySegment symbol(String name) {
        return C.find(name).orElseThrow(() -> new IllegalStateException("no " + name + " in the C library"));
    }

    private static MethodHandle bind(String name, FunctionDescriptor f) {
        return LINKER.downcallHandle(symbol(name), f, Linker.Option.captureCallState("errno"));
    }

    /** A segment for the {@code errno} of the calls made with it. */
    static MemorySegment captureSegment(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The {@code errno} the last failed call left in {@code capture}. */
    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    static int openat(MemorySegment capture, int dirfd, MemorySegment path, int flags, int mode) {
        try {
            return (int) OPENAT.invokeExact(capture, dirfd, path, flags, mode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int close(MemorySegment capture, int fd) {
        try {
            return (int) CLOSE.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long pwrite(MemorySegment capture, int fd, MemorySegment buffer, long count, long offset) {
        try {
            return (long) PWRITE.invokeExact(capture, fd, buffer, count, offset);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code pwritev2(fd, iov, iovcnt, -1, flags)}: with {@link #RWF_APPEND}, one atomic append. */
    static long pwritev2(MemorySegment capture, int fd, MemorySegment iov, int iovcnt, int flags) {
        try {
            return (long) PWRITEV2.invokeExact(capture, fd, iov, iovcnt, -1L, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int ftruncate(MemorySegment capture, int fd, long length) {
        try {
            return (int) FTRUNCATE.invokeExact(capture, fd, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int mkdirat(MemorySegment capture, int dirfd, MemorySegment name, int mode) {
        try {
            return (int) MKDIRAT.invokeExact(capture, dirfd, name, mode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long pread(MemorySegment capture, int fd, MemorySegment buffer, long count, long offset) {
        try {
            return (long) PREAD.invokeExact(capture, fd, buffer, count, offset);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long lseek(MemorySegment capture, int fd, long offset, int whence) {
        try {
            return (long) LSEEK.invokeExact(capture, fd, offset, whence);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int fsync(MemorySegment capture, int fd) {
        try {
            return (int) FSYNC.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int linkat(MemorySegment capture, int fromDir, MemorySegment from, int toDir, MemorySegment to) {
        try {
            return (int) LINKAT.invokeExact(capture, fromDir, from, toDir, to, 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int renameat(MemorySegment capture, int fromDir, MemorySegment from, int toDir, MemorySegment to) {
        try {
            return (int) RENAMEAT.invokeExact(capture, fromDir, from, toDir, to);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int unlinkat(MemorySegment capture, int dirfd, MemorySegment name, int flags) {
        try {
            return (int) UNLINKAT.invokeExact(capture, dirfd, name, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long getdents64(MemorySegment capture, int fd, MemorySegment buffer, long count) {
        try {
            return (long) GETDENTS64.invokeExact(capture, fd, buffer, count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The C library's message for {@code errno} ({@code strerror}). */
    static String message(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.equals(MemorySegment.NULL) ? "errno " + errno : s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("a native call threw " + t, t);
    }
}
