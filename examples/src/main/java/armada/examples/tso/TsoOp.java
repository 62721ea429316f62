package armada.examples.tso;

import armada.spec.Op;
import armada.spec.Unit;

/**
 * The operations of x86-TSO memory (CSPEC Fig. 16, bottom layer), each naming its core
 * ({@code pid}, see {@code LowerLayer.pid()}) and a word of {@link TsoState#NAMES}.
 */
public sealed interface TsoOp<R> extends Op<R> {

    int pid();

    /** A load: the core's newest buffered store to {@code addr}, else memory. */
    record Read(int pid, int addr) implements TsoOp<Integer> {
        @Override
        public String toString() {
            return "Read(p" + pid + ", " + TsoState.NAMES.get(addr) + ")";
        }
    }

    /** A plain store: goes into the core's store buffer. */
    record Write(int pid, int addr, int value) implements TsoOp<Unit> {
        @Override
        public String toString() {
            return "Write(p" + pid + ", " + TsoState.NAMES.get(addr) + ", " + value + ")";
        }
    }

    /** A locked test-and-set: drains the core's buffer, then sets the word to 1 and returns what it held. */
    record TestAndSet(int pid, int addr) implements TsoOp<Integer> {
        @Override
        public String toString() {
            return "TestAndSet(p" + pid + ", " + TsoState.NAMES.get(addr) + ")";
        }
    }

    /** A full barrier (mfence): drains the core's buffer. */
    record Barrier(int pid) implements TsoOp<Unit> {
        @Override
        public String toString() {
            return "Barrier(p" + pid + ")";
        }
    }
}
