package armada.mailboat.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Native memory for one call: the captured {@code errno}, two NUL-terminated names and a data
 * buffer (a listing's entries, a small read, a small append), so that a call allocates and zeroes
 * nothing. Nothing here takes a lock (a thread preempted while holding one would stall the
 * others): a platform thread keeps a scratch of its own (freed by the garbage collector after the
 * thread ends); a virtual thread, or a call nested in another on the same thread, takes one from a
 * lock-free pool of at most {@link #POOLED}, or past that gets one of its own, freed when given back.
 */
final class Scratch implements AutoCloseable {

    /** Bytes of a name in UTF-8, NUL included: names are at most 255 bytes. */
    private static final int NAME = 256;
    static final int DATA = 32 * 1024;
    private static final int POOLED = 64;
    private static final ConcurrentLinkedQueue<Scratch> POOL = new ConcurrentLinkedQueue<>();
    /** Pooled scratches made so far (at most {@link #POOLED}). */
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(() -> new Scratch(Arena.ofAuto(), Kind.THREAD));

    private enum Kind {
        /** A platform thread's own; {@link #inUse} while a call has it. */
        THREAD,
        /** In the pool when no call has it; lives for the process. */
        POOLED,
        /** A call's own, freed when it is given back. */
        OWN
    }

    final MemorySegment capture;
    final MemorySegment name1;
    final MemorySegment name2;
    final MemorySegment data;
    /** One {@code struct iovec} (base, length) for {@code pwritev2}. */
    final MemorySegment iov;
    private final Arena arena;
    private final Kind kind;
    private boolean inUse;

    private Scratch(Arena arena, Kind kind) {
        this.arena = arena;
        this.kind = kind;
        this.capture = Libc.captureSegment(arena);
        this.name1 = arena.allocate(NAME);
        this.name2 = arena.allocate(NAME);
        this.data = arena.allocate(DATA, 8);
        this.iov = arena.allocate(16, 8);
    }

    /** A scratch for this call; give it back with {@link #close} on the same thread. */
    @SuppressWarnings("MustBeClosedChecker") // an own scratch's arena is closed by close()
    static Scratch take() {
        if (!Thread.currentThread().isVirtual()) {
            Scratch mine = MINE.get();
            if (!mine.inUse) {
                mine.inUse = true;
                return mine;
            }
        }
        Scratch s = POOL.poll();
        if (s != null) {
            return s;
        }
        return MADE.getAndUpdate(n -> n < POOLED ? n + 1 : n) < POOLED ? new Scratch(Arena.global(), Kind.POOLED)
                : new Scratch(Arena.ofConfined(), Kind.OWN);
    }

    /** {@code name} in {@link #name1}, NUL-terminated. */
    MemorySegment name1(String name) {
        return put(name1, name);
    }

    /** {@code name} in {@link #name2}, NUL-terminated. */
    MemorySegment name2(String name) {
        return put(name2, name);
    }

    private static MemorySegment put(MemorySegment target, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= NAME) {
            throw new IllegalArgumentException("a name has at most " + (NAME - 1) + " bytes, not " + bytes.length);
        }
        MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, 0, bytes.length);
        target.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return target;
    }

    /** Gives the scratch back. */
    @Override
    public void close() {
        switch (kind) {
            case THREAD -> inUse = false;
            case POOLED -> POOL.offer(this);
            case OWN -> arena.close();
        }
    }
}
