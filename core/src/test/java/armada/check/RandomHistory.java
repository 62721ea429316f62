package armada.check;

import armada.check.Registers.Read;
import armada.check.Registers.Toss;
import armada.check.Registers.Write;
import armada.spec.Op;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small well-formed random history over one of the register specs, built from a list of
 * choices (so that a test can shrink it): each choice picks the next event among those a real
 * execution could produce now, and the operation or result that goes with it. Results are
 * random, so some histories are explained and some are not.
 */
record RandomHistory(String specName, Spec<Integer> spec, int threads, List<Event> events) {

    static final int MAX_OPS = 6;
    static final int MAX_CRASHES = 2;

    /**
     * Spec kinds: 0 {@link Registers#register()}, 1 {@link Registers#lossy()}, 2
     * {@link Registers#unsetIsUndefined()}, 3 {@link Registers#lossyUnset()}.
     */
    static RandomHistory of(int specKind, int threads, List<Integer> choices) {
        Spec<Integer> spec = switch (specKind) {
            case 0 -> Registers.register();
            case 1 -> Registers.lossy();
            case 2 -> Registers.unsetIsUndefined();
            default -> Registers.lossyUnset();
        };
        return new RandomHistory(spec.name(), spec, threads, events(specKind % 2 == 1, threads, choices));
    }

    private sealed interface Action {
    }

    private record InvokeOn(int thread) implements Action {
    }

    private record ReturnOn(int thread) implements Action {
    }

    private record CrashNow() implements Action {
    }

    private record RecoverNow() implements Action {
    }

    private static List<Event> events(boolean withToss, int threads, List<Integer> choices) {
        List<Event> events = new ArrayList<>();
        Event.Invoke[] running = new Event.Invoke[threads];
        boolean[] stopped = new boolean[threads];
        int ops = 0;
        int crashes = 0;
        boolean inEpisode = false;
        for (int choice : choices) {
            List<Action> actions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                if (running[t] == null && !inEpisode && ops < MAX_OPS) {
                    actions.add(new InvokeOn(t));
                } else if (running[t] != null && !stopped[t]) {
                    actions.add(new ReturnOn(t));
                }
            }
            if (crashes < MAX_CRASHES && choice % 4 == 0) {
                actions.add(new CrashNow());
            }
            if (inEpisode) {
                actions.add(new RecoverNow());
            }
            if (actions.isEmpty()) {
                break;
            }
            int detail = choice / 4;
            switch (actions.get(detail % actions.size())) {
                case InvokeOn(int t) -> {
                    running[t] = new Event.Invoke(t, ops++, op(withToss, detail / actions.size()));
                    events.add(running[t]);
                }
                case ReturnOn(int t) -> {
                    Event.Invoke inv = running[t];
                    events.add(new Event.Return(t, inv.opId(), result(inv.op(), detail / actions.size())));
                    running[t] = null;
                }
                case CrashNow() -> {
                    events.add(new Event.Crash(++crashes));
                    inEpisode = true;
                    for (int t = 0; t < threads; t++) {
                        stopped[t] = running[t] != null;
                    }
                }
                case RecoverNow() -> {
                    events.add(new Event.Recovered());
                    inEpisode = false;
                    Arrays.fill(running, null);
                    Arrays.fill(stopped, false);
                }
            }
        }
        return List.copyOf(events);
    }

    private static Op<?> op(boolean withToss, int detail) {
        int kinds = withToss ? 3 : 2;
        return switch (detail % kinds) {
            case 0 -> new Write(detail / kinds % 3);
            case 1 -> new Read();
            default -> new Toss();
        };
    }

    private static Object result(Op<?> op, int detail) {
        return op instanceof Write ? Unit.UNIT : (Object) (detail % 3);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(specName).append(", ").append(threads).append(" threads:");
        for (int i = 0; i < events.size(); i++) {
            b.append("\n  ").append(i).append(": ").append(events.get(i));
        }
        return b.toString();
    }
}
