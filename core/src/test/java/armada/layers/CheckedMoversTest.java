package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.sim.LayerMovers.Kind;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which true claims the reduction uses, and how it classifies a call. */
class CheckedMoversTest {

    /** A flag: Raise sets it; Check is undefined once it is raised. */
    record FlagSpec() implements Spec<Boolean> {
        record Raise() implements Op<Unit> {
        }

        record Check() implements Op<Unit> {
        }

        @Override
        public String name() {
            return "flag";
        }

        @Override
        public Boolean initial() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> Outcomes<R, Boolean> step(Boolean raised, Op<R> op) {
            return (Outcomes<R, Boolean>) (op instanceof Raise ? Outcomes.one(Unit.UNIT, true)
                    : raised ? Outcomes.undefined() : Outcomes.one(Unit.UNIT, false));
        }

        @Override
        public Set<Boolean> crash(Boolean raised) {
            return Set.of(raised);
        }
    }

    private static final FlagSpec FLAG = new FlagSpec();
    private static final List<PidOp> FLAG_DOMAIN = List.of(new PidOp(1, new FlagSpec.Raise()),
            new PidOp(1, new FlagSpec.Check()), new PidOp(2, new FlagSpec.Raise()), new PidOp(2, new FlagSpec.Check()));

    @Test
    void rightMoverThatHidesUndefinedBehaviour_holdsButIsNotUsed() {
        // Raise then another process's Check is undefined; Check then Raise is not. The diagrams
        // ignore the undefined order, so the claim holds; moved later, Raise would hide the
        // layer-undefined failure, so the reduction must not use it.
        MoverCheck.Result<Boolean> r = MoverCheck.of(FLAG, FLAG_DOMAIN)
                .claim(MoverClaim.of(FlagSpec.Raise.class, Mover.RIGHT)).checkForSearch();
        assertThat(r.report()).isInstanceOf(MoverReport.Checked.class);
        CheckedMovers<Boolean> m = Objects.requireNonNull(r.movers());
        assertThat(m.unused()).singleElement().asString()
                .contains("'Raise is a right mover' is not used by the reduction")
                .contains("then p2 Check[] can reach undefined behaviour");
        assertThat(m.classify(false, 1, new FlagSpec.Raise())).as("an unused claim makes no mover").isEqualTo(Kind.NON);
    }

    @Test
    void classify_combinesTheClaimsWhereTheyHold_andKnowsItsDomainAndStates() {
        MoverCheck.Result<LockMemSpec.State> r = MoverCheck.of(new LockMemSpec(true), LockMemSpec.domain())
                .claim(MoverClaim.of(LockMemSpec.Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(LockMemSpec.Release.class, Mover.LEFT))
                .claim(MoverClaim.<LockMemSpec.State>of(LockMemSpec.Read.class, Mover.RIGHT)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()))
                .claim(MoverClaim.<LockMemSpec.State>of(LockMemSpec.Read.class, Mover.LEFT)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()))
                .checkForSearch();
        CheckedMovers<LockMemSpec.State> m = Objects.requireNonNull(r.movers());
        assertThat(m.unused()).isEmpty();
        assertThat(m.classify(new LockMemSpec.State(0, 0), 1, new LockMemSpec.Acquire(1))).isEqualTo(Kind.RIGHT);
        assertThat(m.classify(new LockMemSpec.State(1, 0), 1, new LockMemSpec.Release(1))).isEqualTo(Kind.LEFT);
        assertThat(m.classify(new LockMemSpec.State(1, 0), 1, new LockMemSpec.Read(1))).as("two claims").isEqualTo(Kind.BOTH);
        assertThat(m.classify(new LockMemSpec.State(2, 0), 1, new LockMemSpec.Read(1))).as("not where it holds")
                .isEqualTo(Kind.NON);
        assertThat(m.classify(new LockMemSpec.State(1, 0), 1, new LockMemSpec.Write(1, 1))).as("no claim").isEqualTo(Kind.NON);
        assertThat(m.classify(new LockMemSpec.State(0, 7), 1, new LockMemSpec.Acquire(1))).as("a state never checked")
                .isEqualTo(Kind.NON);
        assertThat(m.classify(new LockMemSpec.State(0, 0), 3, new LockMemSpec.Acquire(3))).as("outside the domain")
                .isEqualTo(Kind.UNCHECKED);
    }

    @Test
    void checkCutByItsStateBound_isNeverHandedToTheSearch() {
        MoverCheck.Result<LockMemSpec.State> r = MoverCheck.of(new LockMemSpec(true), LockMemSpec.domain()).maxStates(2)
                .claim(MoverClaim.of(LockMemSpec.Acquire.class, Mover.RIGHT)).checkForSearch();
        assertThat(r.report()).isInstanceOfSatisfying(MoverReport.Checked.class, c -> assertThat(c.complete()).isFalse());
        assertThat(r.movers()).isNull();
    }
}
