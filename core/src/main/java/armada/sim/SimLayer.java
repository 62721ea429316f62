package armada.sim;

import armada.check.Failure;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.world.LowerLayer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A lower layer's spec run as a device of the machine (CSPEC layers): each call of one of its
 * operations is one atomic step and one scheduling point; when the step has several outcomes
 * from the state it runs in, each is an option of the schedule (like the values of
 * {@code random}), so the search tries them all. An operation with no outcome is disabled: the
 * call is then an attempt that sees the state, and the thread waits as a spinner does until the
 * layer changes (so every attempt is an event the partial-order reduction sees race with the
 * step that enables it), then tries again. The state is the spec's: at a crash the spec's crash step
 * decides what is left ({@link LayerDevices}), and handles made before it are stale.
 *
 * <p>Every step of a layer conflicts with every other step of the same layer (the sound choice:
 * the checker does not know which operations commute until a mover claim says so and is
 * checked), and with a crash. Steps synchronise like an atomic cell's, so memory cells used
 * beside the layer are ordered by it. With checked mover claims ({@link LayerMovers}), a
 * thread's calls of the form right* [non] left* are glued into one atomic step
 * ({@link MoverStretches}).
 */
final class SimLayer<S> implements SpinLog.Versioned {

    private final Machine machine;
    private final Spec<S> spec;
    private final int index;
    private final int[] released;
    private final Map<Op<?>, Integer> opIds = new HashMap<>();
    private final List<@Nullable Call> calls;
    /** The reduction from checked movers, or null when this layer has no checked claims (or it is off). */
    private final @Nullable MoverStretches stretches;
    private S state;
    private int version;

    SimLayer(Machine machine, Spec<S> spec, int index, int maxThreads, @Nullable LayerMovers movers) {
        this.machine = machine;
        this.spec = spec;
        this.index = index;
        this.stretches = movers == null ? null : new MoverStretches(movers, index, maxThreads);
        this.released = new int[maxThreads];
        this.calls = new java.util.ArrayList<>(java.util.Collections.nCopies(maxThreads, (Call) null));
        this.state = spec.initial();
    }

    Spec<S> spec() {
        return spec;
    }

    S state() {
        return state;
    }

    /** Sets the state a crash left (see {@link LayerDevices}). */
    void crashedTo(S next) {
        state = next;
        version++;
        if (stretches != null) {
            stretches.crashed();
        }
    }

    @Override
    public int version() {
        return version;
    }

    /** A handle for code of the current generation. */
    LowerLayer<S> handle(int generation) {
        return new Handle(generation);
    }

    private <R> R call(Op<R> op, java.util.function.@Nullable Predicate<Object> succeeded) {
        SimThread me = machine.me();
        Call c = calls.get(me.slot);
        if (c == null) {
            c = new Call();
            calls.set(me.slot, c);
        }
        c.op = op;
        c.succeeded = succeeded;
        c.cachedVersion = -1;
        int opId = opIds.computeIfAbsent(op, o -> opIds.size());
        Outcomes<?, S> outs;
        MoverStretches st = machine.direct() ? null : stretches;
        boolean glued;
        while (true) {
            machine.spinPoint(me, this, Action.LAYER, opId);
            glued = st != null && st.glue(me, state, op, machine.crashPossible());
            try {
                machine.point(me, Action.of(Action.LAYER, me.slot, glued ? index | Action.MOVED : index), st);
            } finally {
                if (st != null && glued) {
                    st.open();
                }
            }
            outs = c.outcomes();
            LayerCalls.check(machine, spec, state, me, op, succeeded, outs);
            if (outs.isUndefined()) {
                throw machine.fail(new Failure.LayerUndefined(spec.name(), me.name + " " + op, String.valueOf(state)));
            }
            if (!outs.list().isEmpty()) {
                break;
            }
            // Disabled: this attempt saw the state; the thread waits, as a spinner, for the layer to change.
            if (st != null) {
                st.disabled(me);
            }
            if (machine.direct()) {
                throw machine.fail(new Failure.Deadlock("boot calls " + op + " of layer " + spec.name()
                        + ", which is disabled in state " + state + ", and boot runs alone"));
            }
            synchronise(me);
            me.spin.readWhole(this, version, Action.LAYER, opId);
            if (machine.tracing()) {
                machine.trace(me, spec.name() + ": " + op + " is disabled in state " + state + ": waits");
            }
        }
        List<? extends Outcome<?, S>> list = outs.list();
        int pick = me.chosenValue;
        if (machine.direct()) {
            if (list.size() != 1) {
                throw machine.fail(new Failure.UserException("boot", "boot called " + op + " of layer " + spec.name()
                        + ", which has " + list.size() + " outcomes there; boot runs alone and may not branch"
                        + " (call it from an operation or from recovery)", ""));
            }
            pick = 0;
        }
        if (pick >= list.size()) {
            throw new IllegalStateException("outcome " + pick + " of " + list.size() + " for " + op);
        }
        Outcome<?, S> o = list.get(pick);
        S before = state;
        synchronise(me);
        boolean changed = !o.next().equals(state);
        List<SpinLog> waiting = st != null && changed ? st.waiting(me) : List.of();
        state = o.next();
        if (changed) {
            version++;
            me.spin.clear();
        } else {
            me.spin.readWhole(this, version, Action.LAYER, opId);
        }
        if (st != null) {
            st.completed(me, before, op, glued, waiting);
        }
        if (machine.tracing()) {
            machine.trace(me, spec.name() + ": " + op + " -> " + armada.check.Values.show(o.result())
                    + (list.size() > 1 ? " (outcome " + (pick + 1) + " of " + list.size() + ")" : "")
                    + (glued ? " (glued to the previous call: checked movers)" : "")
                    + (changed ? "; now " + state : ""));
        }
        @SuppressWarnings("unchecked")
        R result = (R) o.result();
        return result;
    }

    /**
     * Whether the last call of the thread in {@code slot} could, from the state now, take an
     * outcome that changes the state (a store buffer's flush, say): then a spinner waiting on
     * it is not stuck for good.
     */
    boolean couldChange(int slot) {
        Call c = calls.get(slot);
        if (c == null || c.op == null) {
            return false;
        }
        for (Outcome<?, S> o : c.outcomes().list()) {
            if (!o.next().equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** How many options the pending call of the thread in {@code slot} has now. */
    int outcomeCount(int slot) {
        Call c = calls.get(slot);
        return c == null ? 1 : c.outcomeCount();
    }

    /** A layer step orders like an atomic cell's: it sees every earlier step and is seen by every later one. */
    private void synchronise(SimThread me) {
        Machine.joinClock(me.clock, released);
        System.arraycopy(me.clock, 0, released, 0, released.length);
        me.clock[me.slot]++;
    }

    @Override
    public String toString() {
        return "layer " + spec.name();
    }

    /** What one thread is about to call: its wait condition while the operation is disabled. */
    final class Call {
        @Nullable Op<?> op;
        int cachedVersion = -1;
        @Nullable Outcomes<?, S> cached;
        java.util.function.@Nullable Predicate<Object> succeeded;

        Outcomes<?, S> outcomes() {
            Outcomes<?, S> o = cached;
            if (o == null || cachedVersion != version) {
                o = LayerCalls.successful(spec.step(state, java.util.Objects.requireNonNull(op)), succeeded);
                cached = o;
                cachedVersion = version;
            }
            return o;
        }

        /** How many options the call has now: one for undefined behaviour and for a disabled attempt. */
        int outcomeCount() {
            Outcomes<?, S> outs = outcomes();
            return outs.isUndefined() ? 1 : Math.max(1, outs.list().size());
        }

        @Override
        public String toString() {
            return op + " of " + spec.name();
        }
    }

    private final class Handle implements LowerLayer<S> {
        private final int generation;

        Handle(int generation) {
            this.generation = generation;
        }

        @Override
        public <R> R call(Op<R> op) {
            machine.checkGeneration(this, generation);
            return SimLayer.this.call(op, null);
        }

        /** One call that takes only the outcomes that succeed, after {@link LayerCalls#check}. */
        @Override
        @SuppressWarnings("unchecked")
        public <R> R callUntil(Op<R> op, java.util.function.Predicate<? super R> succeeded) {
            machine.checkGeneration(this, generation);
            return SimLayer.this.call(op, (java.util.function.Predicate<Object>) succeeded);
        }

        @Override
        public int pid() {
            machine.checkGeneration(this, generation);
            return machine.me().slot;
        }

        @Override
        public String toString() {
            return "layer " + spec.name();
        }
    }
}
