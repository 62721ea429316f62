package armada.mailboat.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Native memory for one call: the captured {@code errno}, two NUL-terminated names and a data
 * buffer (a listing's entries, a small read, a small append). Taken from a bounded pool and given
 * back, so that a call allocates and zeroes nothing; when the pool is empty (more calls at once
 * than it holds), a call gets a scratch of its own, freed when it is given back.
 */
final class Scratch implements AutoCloseable {

    /** Bytes of a name in UTF-8, NUL included: names are at most 255 bytes. */
    private static final int NAME = 256;
    static final int DATA = 32 * 1024;
    private static final int POOLED = 64;
    private static final ArrayBlockingQueue<Scratch> POOL = new ArrayBlockingQueue<>(POOLED);
    /** Pooled scratches made so far (at most {@link #POOLED}). */
    private static final AtomicInteger MADE = new AtomicInteger();

    final MemorySegment capture;
    final MemorySegment name1;
    final MemorySegment name2;
    final MemorySegment data;
    /** The arena: the global one for a pooled scratch, else its own, closed when it is given back. */
    private final Arena own;
    private final boolean pooled;

    private Scratch(Arena arena, boolean pooled) {
        this.own = arena;
        this.pooled = pooled;
        this.capture = Libc.captureSegment(arena);
        this.name1 = arena.allocate(NAME);
        this.name2 = arena.allocate(NAME);
        this.data = arena.allocate(DATA, 8);
    }

    /** A scratch for this call; give it back with {@link #close} on the same thread. */
    @SuppressWarnings("MustBeClosedChecker") // an unpooled scratch's arena is closed by close()
    static Scratch take() {
        Scratch s = POOL.poll();
        if (s != null) {
            return s;
        }
        // Pooled ones live for the process (at most POOLED of them); the others for their call.
        return MADE.getAndUpdate(n -> n < POOLED ? n + 1 : n) < POOLED ? new Scratch(Arena.global(), true)
                : new Scratch(Arena.ofConfined(), false);
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

    /** Gives the scratch back: to the pool, or its memory to the system. */
    @Override
    public void close() {
        if (pooled) {
            POOL.offer(this);
        } else {
            own.close();
        }
    }
}
