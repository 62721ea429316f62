package armada.examples.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Failure;
import armada.check.Verdict;
import armada.examples.tso.LockOp;
import armada.explore.Expectation;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.layers.Abstraction;
import armada.layers.LayerReport;
import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.MoverReport;
import armada.layers.Partition;
import armada.layers.PidOp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four patterns' scenarios: the correct uses hold, each misuse fails with its kind and says why. */
class PatternScenariosTest {

    private static Map<String, Scenario<?, ?>> byName() {
        Map<String, Scenario<?, ?>> m = new HashMap<>();
        for (Scenario<?, ?> s : new PatternScenarios().scenarios()) {
            m.put(s.name(), s);
        }
        return m;
    }

    private static Verdict check(String name) {
        return Explorer.check(byName().get("patterns/" + name), ExploreOptions.DEFAULTS);
    }

    private static Failure violated(String name, String kind) {
        Verdict v = check(name);
        assertThat(v).as(name).isInstanceOf(Verdict.Violated.class);
        Failure f = ((Verdict.Violated) v).counterexample().failure();
        assertThat(f.kind()).as(f.message()).isEqualTo(kind);
        return f;
    }

    @Test
    void correctUses_hold_andStateWhatWasChecked() {
        assertThat(check("protocol-counter")).isInstanceOf(Verdict.Holds.class)
                .extracting(Verdict::bounds).asString().contains("movers checked over 12 reachable states");
        assertThat(check("abstraction-buffered")).isInstanceOf(Verdict.Holds.class)
                .extracting(Verdict::bounds).asString()
                .contains("abstraction buffered-lock -> lock-owner checked over 30 reachable lower states");
        assertThat(check("counter-on-buffered")).isInstanceOf(Verdict.Holds.class);
        assertThat(check("partition-one-lock")).isInstanceOf(Verdict.Holds.class)
                .extracting(Verdict::bounds).asString()
                .contains("partition locks by lock: 43200 pairs of calls on different locks commute over 144"
                        + " reachable states")
                .contains("one lock's checks stand for each of [0, 1] if the spec treats them alike (not checked)");
        assertThat(check("retry-lock")).isInstanceOf(Verdict.Holds.class)
                .extracting(Verdict::bounds).asString()
                .contains("retry loop 'TryAcquire until true': 27 failing outcomes leave the state unchanged");
    }

    @Test
    void protocolMisuse_namesTheCallTheRuleAndTheState() {
        // Get runs after the clients (the main thread, pid 0), reads without the lock: free, count 2.
        assertThat(violated("protocol-peek", "protocol-violation").message()).isEqualTo("t2 (pid 0) Read[pid=0] breaks"
                + " the protocol of layer raw-lock ('a call names its caller, and only the lock's owner releases,"
                + " reads and writes') in state State[owner=-1, count=2]");
    }

    @Test
    void errorStateReached_isAProtocolViolationOfTheAvoidingProtocol() {
        assertThat(violated("error-state-reached", "protocol-violation").message())
                .contains("Read[pid=0] breaks the protocol of layer lock-owner ('no call leads to the error state')")
                .contains("error=false");
    }

    @Test
    void abstractionMisuse_givesTheStepAndBothLayersStates() {
        assertThat(violated("abstraction-forgets-buffer", "abstraction-broken").message()).isEqualTo(
                "abstraction buffered-lock -> lock-owner is broken: step p0 Write[pid=0, value=1] from lower state"
                        + " State[owner=0, mem=0, buffered=-1] (abstracts to State[owner=0, count=0, error=false];"
                        + " reached from the initial state by p0 Acquire[pid=0]): the lower layer gives () ending in"
                        + " State[owner=0, mem=0, buffered=1] (abstracts to State[owner=0, count=0, error=false]);"
                        + " the upper layer from State[owner=0, count=0, error=false] gives () ending in"
                        + " State[owner=0, count=1, error=false]");
    }

    @Test
    void theCorrectAbstraction_needsItsErrorState() {
        // Without the error state, a Release by a core that does not hold the lock frees the buffered
        // lock, while the lock-owner layer enters its error state.
        LayerReport r = Abstraction.of(PatternScenarios.BUFFERED, PatternScenarios.OWNER,
                PatternScenarios.lockDomain(), PatternScenarios::flushed).run();
        assertThat(r).isInstanceOf(LayerReport.Broken.class);
        assertThat(((LayerReport.Broken) r).failure().message()).contains("step p0 Release[pid=0]")
                .contains("ending in State[owner=-1, count=0, error=true]");
    }

    @Test
    void partitionMisuse_givesBothCallsTheStateAndBothOrders() {
        String m = violated("partition-shared-count", "partition-broken").message();
        assertThat(m).startsWith("partition locks-shared-count by lock is broken: calls on different locks do not"
                + " commute: from state State[locks=[State[owner=0, count=0], State[owner=1, count=0]]]")
                .contains("p0 OnLock[lock=0, op=Read[pid=0]] then p1 OnLock[lock=1, op=Write[pid=1, value=1]] gives"
                        + " OnLock -> 0, OnLock -> (), ending in")
                .contains("p1 OnLock[lock=1, op=Write[pid=1, value=1]] then p0 OnLock[lock=0, op=Read[pid=0]] gives"
                        + " OnLock -> (), OnLock -> 1, ending in");
    }

    @Test
    void partition_shardsAndKeys() {
        Partition<LocksSpec.State, Integer> p = PatternScenarios.partition(PatternScenarios.LOCKS);
        assertThat(p.keys()).containsExactly(0, 1);
        assertThat(p.shard(0)).hasSize(15).allMatch(c -> ((LocksSpec.OnLock<?>) c.op()).lock() == 0);
        assertThatThrownBy(() -> p.shard(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partition locks by lock: no call of the domain is on lock 5");
        LayerReport one = Partition.of(PatternScenarios.LOCKS, p.shard(0), "lock",
                op -> ((LocksSpec.OnLock<?>) op).lock()).run();
        assertThat(one).isEqualTo(new LayerReport.Invalid(
                "partition locks by lock: the domain names 1 locks; give calls on at least two, or there is nothing"
                        + " to check"));
    }

    @Test
    void aMoverClaimAboutOneShard_isCheckedOnItsCallsAlone() {
        // Calls on different locks commute (the partition check); a claim about lock 1's calls is
        // checked over lock 1's calls and states alone.
        MoverReport r = MoverCheck.of(PatternScenarios.LOCKS, PatternScenarios.partition(PatternScenarios.LOCKS)
                .shard(1)).claim(new MoverClaim<LocksSpec.State>("Acquire on lock 1 is a right mover", Mover.RIGHT,
                        c -> ((LocksSpec.OnLock<?>) c.op()).op() instanceof LockOp.Acquire, (s, c) -> true)).check();
        assertThat(r).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void protocol_makesReadAndWriteBothMoversWithoutAStateCondition() {
        MoverReport raw = MoverCheck.of(PatternScenarios.RAW, PatternScenarios.lockDomain())
                .claim(MoverClaim.of(LockOp.Write.class, Mover.BOTH)).check();
        assertThat(raw).isInstanceOf(MoverReport.Refuted.class);
        assertThat(PatternScenarios.protocolClaims().check()).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void retryMisuse_namesTheCallTheStateAndTheFailingOutcome() {
        assertThat(violated("retry-counts-misses", "retry-changes-state").message()).isEqualTo("retried call t1"
                + " TryAcquire[pid=2] of layer tas-counting can fail and change the state: from State[owner=1,"
                + " count=0, misses=0] it may give the failure false ending in State[owner=1, count=0, misses=1]");
        // The same rule over the layer's reachable states, without running the lock.
        LayerReport r = PatternScenarios.retryLoop(PatternScenarios.TAS_COUNTING).run();
        assertThat(r).isInstanceOf(LayerReport.Broken.class);
        assertThat(((LayerReport.Broken) r).failure().message()).contains("TryAcquire")
                .contains("reached from the initial state by p0 TryAcquire[pid=0]").contains("misses=1");
    }

    @Test
    void retryLoop_asOneCall_exploresNoMoreThanThePlainLoop_andNamesTheBrokenRule() {
        Verdict once = Explorer.check(PatternScenarios.lockOn("retry-once", PatternScenarios.TAS, RetryLock::on)
                .build(), ExploreOptions.DEFAULTS);
        Verdict plain = Explorer.check(PatternScenarios.lockOn("retry-plain", PatternScenarios.TAS,
                RetryLock::plainLoopOn).build(), ExploreOptions.DEFAULTS);
        assertThat(once).isInstanceOf(Verdict.Holds.class);
        assertThat(plain).isInstanceOf(Verdict.Holds.class);
        // A failed attempt that changes nothing is a spin the search already waits out: as many executions.
        assertThat(once.stats().executions()).isLessThanOrEqualTo(plain.stats().executions());
        // When failures change the layer, the plain loop is no spin: the search does not say why it fails.
        Verdict plainCounting = Explorer.check(PatternScenarios.lockOn("retry-plain-counting",
                PatternScenarios.TAS_COUNTING, RetryLock::plainLoopOn).maxSteps(100).build(), ExploreOptions.DEFAULTS);
        System.out.println("retry loop as one call: " + once.stats().executions() + " executions; as a plain loop: "
                + plain.stats().executions() + "; plain loop, failures counted: " + plainCounting.label() + " "
                + (plainCounting instanceof Verdict.Violated vv ? vv.counterexample().failure().message() : ""));
        assertThat(plainCounting).isInstanceOf(Verdict.Violated.class);
        assertThat(((Verdict.Violated) plainCounting).counterexample().failure().kind()).isEqualTo("step-bound");
    }

    @Test
    void everyScenario_hasTheExpectedVerdictAndKind() {
        for (Scenario<?, ?> s : new PatternScenarios().scenarios()) {
            Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS);
            if (s.expected() == Expectation.HOLDS) {
                assertThat(v).as(s.name()).isInstanceOf(Verdict.Holds.class);
            } else {
                assertThat(v).as(s.name()).isInstanceOf(Verdict.Violated.class);
                assertThat(((Verdict.Violated) v).counterexample().failure().kind()).as(s.name())
                        .isEqualTo(s.expectedFailure());
            }
        }
        assertThat(new PatternScenarios().scenarios()).extracting(Scenario::name).hasSize(10);
    }

    @Test
    void unusedDomainCallsAreFine_butAnAbstractionWithNoCallsIsInvalid() {
        LayerReport r = Abstraction.of(PatternScenarios.BUFFERED, PatternScenarios.OWNER, List.<PidOp>of(),
                PatternScenarios::flushed).run();
        assertThat(r).isEqualTo(new LayerReport.Invalid("the abstraction buffered-lock -> lock-owner has no calls in"
                + " its domain"));
    }
}
