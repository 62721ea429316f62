package armada.examples.tso;

import java.util.ArrayList;
import java.util.List;

/**
 * x86-TSO state: memory words and one FIFO store buffer per core (CSPEC Fig. 16: "Mem + SBs").
 * Immutable; printed as {@code mem[lock=1 count=0] p1[count=1 lock=0]}, buffers oldest first.
 */
public record TsoState(List<Integer> mem, List<List<Store>> buffers) {

    /** The words, by address. */
    public static final List<String> NAMES = List.of("lock", "count", "flag1", "flag2", "turn");

    public static final int LOCK = 0;
    public static final int COUNT = 1;
    public static final int FLAG1 = 2;
    public static final int FLAG2 = 3;
    public static final int TURN = 4;

    /** Cores 0 (the main thread) to 3. */
    static final int CORES = 4;

    /** A buffered store. */
    public record Store(int addr, int value) {
        @Override
        public String toString() {
            return NAMES.get(addr) + "=" + value;
        }
    }

    public TsoState {
        mem = List.copyOf(mem);
        buffers = buffers.stream().map(List::copyOf).toList();
    }

    static TsoState initial() {
        List<List<Store>> empty = new ArrayList<>();
        for (int i = 0; i < CORES; i++) {
            empty.add(List.of());
        }
        return new TsoState(java.util.Collections.nCopies(NAMES.size(), 0), empty);
    }

    /** What core {@code pid} loads from {@code addr}: its newest buffered store there, else memory. */
    int load(int pid, int addr) {
        List<Store> b = buffers.get(pid);
        for (int i = b.size() - 1; i >= 0; i--) {
            if (b.get(i).addr() == addr) {
                return b.get(i).value();
            }
        }
        return mem.get(addr);
    }

    TsoState buffer(int pid, Store s) {
        List<List<Store>> bs = new ArrayList<>(buffers);
        List<Store> b = new ArrayList<>(bs.get(pid));
        b.add(s);
        bs.set(pid, b);
        return new TsoState(mem, bs);
    }

    /** Core {@code pid}'s oldest buffered store written to memory (its buffer must not be empty). */
    TsoState flushOne(int pid) {
        List<List<Store>> bs = new ArrayList<>(buffers);
        List<Store> b = new ArrayList<>(bs.get(pid));
        Store s = b.removeFirst();
        bs.set(pid, b);
        List<Integer> m = new ArrayList<>(mem);
        m.set(s.addr(), s.value());
        return new TsoState(m, bs);
    }

    /** Core {@code pid}'s whole buffer written to memory, oldest first. */
    TsoState drain(int pid) {
        TsoState s = this;
        while (!s.buffers.get(pid).isEmpty()) {
            s = s.flushOne(pid);
        }
        return s;
    }

    TsoState set(int addr, int value) {
        List<Integer> m = new ArrayList<>(mem);
        m.set(addr, value);
        return new TsoState(m, buffers);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("mem[");
        for (int i = 0; i < mem.size(); i++) {
            b.append(i == 0 ? "" : " ").append(NAMES.get(i)).append('=').append(mem.get(i));
        }
        b.append(']');
        for (int p = 0; p < buffers.size(); p++) {
            if (!buffers.get(p).isEmpty()) {
                b.append(" p").append(p).append(buffers.get(p).toString().replace(",", ""));
            }
        }
        return b.toString();
    }
}
