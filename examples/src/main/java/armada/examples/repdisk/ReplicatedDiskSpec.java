package armada.examples.repdisk;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.world.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The spec of Figure 2: the state is one logical disk; a read returns the block at an address,
 * a write replaces it, an out-of-range address is undefined behaviour, and a crash loses
 * nothing ({@code crash := return tt}).
 */
public final class ReplicatedDiskSpec extends TransitionSpec<ReplicatedDiskSpec.State> {

    private final int size;

    public ReplicatedDiskSpec(int size) {
        this.size = size;
    }

    /** A logical disk: an immutable list of blocks. */
    public record State(List<Block> blocks) {
        public State {
            blocks = List.copyOf(blocks);
        }

        Optional<Block> lookup(int addr) {
            return addr >= 0 && addr < blocks.size() ? Optional.of(blocks.get(addr)) : Optional.empty();
        }

        State insert(int addr, Block value) {
            List<Block> copy = new ArrayList<>(blocks);
            copy.set(addr, value);
            return new State(copy);
        }

        @Override
        public String toString() {
            return blocks.toString();
        }
    }

    @Override
    public String name() {
        return "replicated-disk";
    }

    @Override
    public State initial() {
        return new State(Collections.nCopies(size, Block.ZERO));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<State, R> transition(Op<R> op) {
        return (Transition<State, R>) switch ((DiskOp<?>) op) {
            case DiskOp.Read(int a) -> this.<Optional<Block>>gets(s -> s.lookup(a))
                    .then(mv -> mv.isPresent() ? ret(mv.get()) : undefined());
            case DiskOp.Write(int a, Block v) -> this.<Optional<Block>>gets(s -> s.lookup(a))
                    .then(mv -> mv.isPresent() ? modify(s -> s.insert(a, v)) : undefined());
        };
    }
}
