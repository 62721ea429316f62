package armada.history.models;

import armada.history.Partitioned;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.Set;

/**
 * A key-value store with get, put and append, every key starting empty; a crash keeps the state.
 * Each operation touches one key, so the store is {@link Partitioned} by key.
 */
public final class KeyValue implements Spec<KvState>, Partitioned {

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public KvState initial() {
        return KvState.EMPTY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, KvState> step(KvState state, Op<R> op) {
        Outcomes<?, KvState> out = switch ((KvOp<?>) op) {
            case KvOp.Get g -> Outcomes.one(state.get(g.key()), state);
            case KvOp.Put p -> Outcomes.one(Unit.UNIT, state.with(p.key(), p.value()));
            case KvOp.Append a -> Outcomes.one(Unit.UNIT, state.with(a.key(), state.get(a.key()) + a.value()));
        };
        return (Outcomes<R, KvState>) out;
    }

    @Override
    public Set<KvState> crash(KvState state) {
        return Set.of(state);
    }

    @Override
    public Object partitionOf(Op<?> op) {
        return ((KvOp<?>) op).key();
    }
}
