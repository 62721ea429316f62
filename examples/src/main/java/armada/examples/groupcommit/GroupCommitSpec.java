package armada.examples.groupcommit;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The group-commit log: the state is the durable transactions and the buffered ones. Add
 * appends to the buffer, Commit moves the whole buffer to the durable list in one step, Read
 * returns both, and a crash drops the buffer and keeps the durable list. So a transaction may
 * be lost until a Commit that covers it returns; a Commit pending at a crash takes effect
 * as a whole or not at all. Adding beyond the log's capacity is undefined.
 */
public final class GroupCommitSpec extends TransitionSpec<GroupCommitSpec.State> {

    private final int capacity;

    /** A log that holds at most {@code capacity} transactions. */
    public GroupCommitSpec(int capacity) {
        this.capacity = capacity;
    }

    /** The durable and the buffered transactions, oldest first. */
    public record State(List<Integer> durable, List<Integer> buffered) {
        public State {
            durable = List.copyOf(durable);
            buffered = List.copyOf(buffered);
        }

        int size() {
            return durable.size() + buffered.size();
        }

        State add(int value) {
            List<Integer> more = new ArrayList<>(buffered);
            more.add(value);
            return new State(durable, more);
        }

        State commit() {
            return new State(all(), List.of());
        }

        List<Integer> all() {
            List<Integer> all = new ArrayList<>(durable);
            all.addAll(buffered);
            return List.copyOf(all);
        }

        @Override
        public String toString() {
            return "durable " + durable + ", buffered " + buffered;
        }
    }

    @Override
    public String name() {
        return "group-commit";
    }

    @Override
    public State initial() {
        return new State(List.of(), List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<State, R> transition(Op<R> op) {
        return (Transition<State, R>) switch ((TxnOp<?>) op) {
            case TxnOp.Add(int v) -> this.<Integer>gets(State::size)
                    .then(n -> n < capacity ? modify(s -> s.add(v)) : undefined());
            case TxnOp.Commit() -> modify(State::commit);
            case TxnOp.Read() -> this.<List<Integer>>gets(State::all);
        };
    }

    @Override
    protected Transition<State, Unit> crashTransition() {
        return modify(s -> new State(s.durable(), List.of()));
    }
}
