package armada.sim;

import armada.spec.Spec;
import armada.world.LowerLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The lower layers run as devices in one execution, one per spec object, made when code first
 * opens it: fresh (the spec's initial state) at the start of every execution, kept across a
 * crash as the spec's crash step says.
 */
final class LayerDevices {

    private final Machine machine;
    private final int maxThreads;
    private final IdentityHashMap<Spec<?>, SimLayer<?>> bySpec = new IdentityHashMap<>();
    private final List<SimLayer<?>> inOrder = new ArrayList<>();
    /** Checked mover claims, by the spec they are about: the reduction glues those layers' calls. */
    private final IdentityHashMap<Spec<?>, LayerMovers> movers = new IdentityHashMap<>();

    LayerDevices(Machine machine, int maxThreads) {
        this.machine = machine;
        this.maxThreads = maxThreads;
    }

    /** The checked mover claims the executions from now on use (none: every call is a scheduling point). */
    void movers(List<LayerMovers> checked) {
        movers.clear();
        for (LayerMovers m : checked) {
            movers.put(m.layer(), m);
        }
    }

    void reset() {
        bySpec.clear();
        inOrder.clear();
    }

    @SuppressWarnings("unchecked")
    <S> LowerLayer<S> open(Spec<S> spec, int generation) {
        SimLayer<S> layer = (SimLayer<S>) bySpec.get(spec);
        if (layer == null) {
            layer = new SimLayer<>(machine, spec, inOrder.size(), maxThreads, movers.get(spec));
            bySpec.put(spec, layer);
            inOrder.add(layer);
        }
        return layer.handle(generation);
    }

    /** How many options the pending call of the thread in {@code slot} to layer {@code index} has now. */
    int outcomeCount(int index, int slot) {
        return inOrder.get(index).outcomeCount(slot);
    }

    /** Whether the last call the thread in {@code slot} made to some layer could now change it. */
    boolean couldChange(int slot) {
        for (SimLayer<?> l : inOrder) {
            if (l.couldChange(slot)) {
                return true;
            }
        }
        return false;
    }

    /** The layers' states, for the crash cache: equal states, equal futures. */
    List<Object> fingerprint() {
        List<Object> out = new ArrayList<>(inOrder.size());
        for (SimLayer<?> l : inOrder) {
            out.add(l.state());
        }
        return out;
    }

    /**
     * Applies each layer's crash step; where it leaves several states, the schedule chooses one.
     * False when the strategy abandoned the execution at that choice.
     */
    boolean crash() {
        for (SimLayer<?> l : inOrder) {
            if (!crash(l)) {
                return false;
            }
        }
        return true;
    }

    private <S> boolean crash(SimLayer<S> l) {
        Set<S> after = l.spec().crash(l.state());
        if (after.isEmpty()) {
            throw new IllegalStateException("the crash step of layer " + l.spec().name() + " left no state from "
                    + l.state() + " (a crash step must allow at least one)");
        }
        // A set's order can differ between runs; the schedule names states by position.
        List<S> states = new ArrayList<>(after);
        states.sort(Comparator.comparing(String::valueOf));
        int pick = 0;
        if (states.size() > 1) {
            pick = machine.chooseSurvivor(states.size());
            if (pick < 0) {
                return false;
            }
        }
        l.crashedTo(states.get(pick));
        if (machine.tracing()) {
            machine.traceMachine(l.spec().name() + " after the crash"
                    + (states.size() > 1 ? " (state " + (pick + 1) + " of " + states.size() + ")" : "") + ": "
                    + states.get(pick));
        }
        return true;
    }
}
