package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** A register that starts unset, where a read before any write is undefined behaviour. */
class UndefinedBehaviourTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.unsetIsUndefined());

    @Test
    void readOfUnsetRegister_isVacuous() {
        // The read's spec step is undefined, so any result is accepted and the verdict says so.
        assertThat(checker.check(history().call(0, new Read(), 42).build())).isEqualTo(new Explained(true));
    }

    @Test
    void historyThatNeverReachesUndefinedBehaviour_isNotVacuous() {
        // The write comes first, so the read is defined; the verdict is an ordinary one.
        var h = history().call(0, new Write(1), Unit.UNIT).call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void violationWithoutUndefinedBehaviour_isStillUnexplained() {
        // The register is set before the read, so the spec is defined and 2 is simply wrong.
        var h = history().call(0, new Write(1), Unit.UNIT).call(0, new Read(), 2).build();

        assertThat(checker.check(h)).isInstanceOf(Unexplained.class);
    }

    @Test
    void readThatMayPrecedeAnOverlappingWrite_isVacuous() {
        // The read overlaps the first write, so one consistent order puts it first, on the unset
        // register: undefined behaviour is reachable, and the history is accepted as vacuous.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 1)
                .ok(0)
                .call(1, new Read(), 3)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Explained(true));
    }

    @Test
    void readPendingAtEndOfHistory_isVacuous() {
        // A read still running at the end may take effect; on the unset register that is undefined.
        assertThat(checker.check(history().invoke(0, new Read()).build())).isEqualTo(new Explained(true));
    }

    @Test
    void readCutOffByCrash_isVacuous() {
        // A read pending at a crash may take effect before the crash step; on the unset register
        // that is undefined, even though it never returned.
        var h = history().invoke(0, new Read()).crash().recovered().call(0, new Write(1), Unit.UNIT)
                .call(0, new Read(), 2).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(true));
    }

    @Test
    void violationBeforeUndefinedBehaviourIsReachable_isUnexplained() {
        // The first read of the written register returns a wrong value before any undefined step
        // is possible; undefined behaviour later does not excuse an earlier violation.
        var ub = new RefinementChecker<>(Registers.unsetIsUndefined());
        var h = history()
                .call(0, new Write(1), Unit.UNIT)
                .call(0, new Read(), 2)
                .build();

        assertThat(ub.check(h)).isEqualTo(new Unexplained(3,
                "t0's R() returned 2, but in every spec state reachable here (1 state) the spec's outcomes are only: 1"));
    }

    /** {@code Maybe} returns 0 and changes nothing, or returns 1 and poisons the register. */
    record Maybe() implements armada.spec.Op<Integer> {
    }

    /** A register with {@link Maybe}; reading a poisoned register is undefined behaviour. */
    static final armada.spec.Spec<Integer> POISONABLE = new armada.spec.Spec<>() {
        static final int POISON = -7;

        @Override
        public String name() {
            return "poisonable register";
        }

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> armada.spec.Outcomes<R, Integer> step(Integer state, armada.spec.Op<R> op) {
            armada.spec.Outcomes<?, Integer> out = switch (op) {
                case Maybe m -> armada.spec.Outcomes.of(java.util.List.of(
                        new armada.spec.Outcome<>(0, state), new armada.spec.Outcome<>(1, POISON)));
                case Read r -> state == POISON ? armada.spec.Outcomes.undefined() : armada.spec.Outcomes.one(state, state);
                case Write w -> armada.spec.Outcomes.one(Unit.UNIT, w.v());
                default -> throw new IllegalArgumentException(op.toString());
            };
            return (armada.spec.Outcomes<R, Integer>) out;
        }

        @Override
        public java.util.Set<Integer> crash(Integer state) {
            return java.util.Set.of(state);
        }
    };

    @Test
    void undefinedOnlyBehindAResultTheHistoryRulesOut_isUnexplained() {
        // Regression: Maybe returned 0, so it did not poison the register, and the concurrent read's
        // 7 is simply wrong. Undefined behaviour was reachable only had Maybe returned 1; the
        // observed result rules that path out, so the history must not be accepted as vacuous.
        var h = history()
                .invoke(0, new Maybe())
                .invoke(1, new Read())
                .ret(0, 0)
                .ret(1, 7)
                .build();

        CheckResult r = new RefinementChecker<>(POISONABLE).check(h);

        assertThat(r).isInstanceOfSatisfying(Unexplained.class, u -> assertThat(u.eventIndex()).isEqualTo(3));
        assertThat(BruteForceChecker.Verdict.of(r)).isEqualTo(new BruteForceChecker<>(POISONABLE).check(h));
    }

    @Test
    void undefinedBehindTheObservedResult_isVacuous() {
        // Maybe returned 1: the register is poisoned, so the read may return anything.
        var h = history()
                .invoke(0, new Maybe())
                .invoke(1, new Read())
                .ret(0, 1)
                .ret(1, 7)
                .build();

        assertThat(new RefinementChecker<>(POISONABLE).check(h)).isEqualTo(new Explained(true));
    }

    @Test
    void undefinedConfigurationStillChecksEarlierResults_afterACrash() {
        // The read took effect before the poisoning Maybe (returning 0), and the crash keeps the
        // undefined configuration only for what follows; a later read of 5 is then accepted.
        var h = history()
                .invoke(0, new Maybe())
                .call(1, new Read(), 0)
                .crash()
                .recovered()
                .call(1, new Read(), 5)
                .build();

        assertThat(new RefinementChecker<>(POISONABLE).check(h)).isEqualTo(new Explained(true));
    }
}
