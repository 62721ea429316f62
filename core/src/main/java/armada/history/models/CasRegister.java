package armada.history.models;

import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.Objects;
import java.util.Set;

/** A compare-and-set register that starts at nil; a crash keeps its value. Deterministic. */
public final class CasRegister implements Spec<CasValue> {

    @Override
    public String name() {
        return "cas-register";
    }

    @Override
    public CasValue initial() {
        return CasValue.NIL;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, CasValue> step(CasValue state, Op<R> op) {
        Outcomes<?, CasValue> out = switch ((CasOp<?>) op) {
            case CasOp.Read r -> Outcomes.one(state, state);
            case CasOp.Write w -> Outcomes.one(Unit.UNIT, CasValue.of(w.value()));
            case CasOp.Cas c -> Objects.equals(state.value(), c.expected())
                    ? Outcomes.one(true, CasValue.of(c.replacement())) : Outcomes.one(false, state);
        };
        return (Outcomes<R, CasValue>) out;
    }

    @Override
    public Set<CasValue> crash(CasValue state) {
        return Set.of(state);
    }
}
