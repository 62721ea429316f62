package armada.layers;

import armada.spec.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The states of a layer reachable from its initial state by the calls of a domain (each with each
 * of its outcomes), breadth first, up to a number of states; each state remembers the call that
 * first reached it, so a report can say how to get there.
 */
final class Reachable<S> {

    private record Edge<S>(S from, PidOp call) {
    }

    private final List<S> states;
    private final boolean complete;
    private final Map<S, Edge<S>> parent;

    private Reachable(List<S> states, boolean complete, Map<S, Edge<S>> parent) {
        this.states = states;
        this.complete = complete;
        this.parent = parent;
    }

    /**
     * Explores from the initial state, following the calls for which {@code follow} holds in the
     * state they start from. {@code complete} is false when the bound left a state out.
     */
    static <S> Reachable<S> explore(Steps<S> steps, List<PidOp> domain, int maxStates, BiPredicate<S, PidOp> follow) {
        Set<S> seen = new LinkedHashSet<>();
        Map<S, Edge<S>> parent = new HashMap<>();
        ArrayDeque<S> todo = new ArrayDeque<>();
        S init = Objects.requireNonNull(steps.spec().initial());
        seen.add(init);
        todo.add(init);
        boolean complete = true;
        while (!todo.isEmpty()) {
            S s = todo.removeFirst();
            for (PidOp call : domain) {
                if (!follow.test(s, call)) {
                    continue;
                }
                for (Outcome<?, S> o : steps.step(s, call).list()) {
                    if (!seen.contains(o.next())) {
                        if (seen.size() >= maxStates) {
                            complete = false;
                            continue;
                        }
                        seen.add(o.next());
                        parent.put(o.next(), new Edge<>(s, call));
                        todo.add(o.next());
                    }
                }
            }
        }
        return new Reachable<>(new ArrayList<>(seen), complete, parent);
    }

    List<S> states() {
        return states;
    }

    boolean complete() {
        return complete;
    }

    /**
     * How {@code s} was first reached: "the initial state", or "reached from the initial state by"
     * the calls (the last 8, after "reached by ...", when there are more).
     */
    String path(S s) {
        List<String> calls = new ArrayList<>();
        S at = s;
        Edge<S> e = parent.get(at);
        while (e != null) {
            calls.add(0, e.call().toString());
            at = e.from();
            e = parent.get(at);
        }
        if (calls.isEmpty()) {
            return "the initial state";
        }
        int from = Math.max(0, calls.size() - 8);
        return (from > 0 ? "reached by ..., " : "reached from the initial state by ")
                + String.join(", ", calls.subList(from, calls.size()));
    }
}
