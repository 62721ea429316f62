package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Failure;
import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.layers.BoxSpec.Get;
import armada.layers.BoxSpec.Put;
import armada.layers.LockMemSpec.Read;
import armada.layers.LockMemSpec.State;
import armada.layers.LockMemSpec.Write;
import org.junit.jupiter.api.Test;

/** A protocol is checked on every call an implementation makes, and mover checks may assume it. */
class ProtocolTest {

    /** The box below, where a Put must store its caller's pid (a file linked into a mailbox carries its id). */
    private static final Protocol<Integer> OWN_ID = Protocol.of(new BoxSpec("below", false),
            "a Put stores its caller's pid", (s, pid, op) -> !(op instanceof Put p) || p.value() == pid);

    /** Only the lock's owner reads and writes memory (CSPEC Fig. 12). */
    private static final Protocol<State> OWNER_ONLY = Protocol.of(new LockMemSpec(false),
            "only the lock's owner reads and writes",
            (s, pid, op) -> !(op instanceof Read || op instanceof Write) || s.owner() == pid);

    private static Scenario.Builder<Integer, BoxScenarios.PassThrough> overOwnId(String name) {
        return Scenario.<Integer, BoxScenarios.PassThrough>builder(name, new BoxSpec("box", false))
                .boot(w -> new BoxScenarios.PassThrough(Layers.open(w, OWN_ID)))
                .driver(BoxScenarios.PassThrough::apply);
    }

    @Test
    void everyCallFollowsTheProtocol_holds() {
        // Client 0 is pid 1 and client 1 pid 2: each puts its own id.
        Verdict v = Explorer.check(overOwnId("box/own-id").thread(new Put(1)).thread(new Put(2)).after(new Get())
                .build(), ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        assertThat(v.stats().executions()).isGreaterThan(1);
    }

    @Test
    void aCallThatBreaksTheProtocol_isAViolationWithTheCallAndTheState() {
        // Client 1 (pid 2) puts 1: the box's spec allows it, the protocol does not.
        Verdict v = Explorer.check(overOwnId("box/other-id").thread(new Put(1)).thread(new Put(1)).after(new Get())
                .build(), ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        Failure f = ((Verdict.Violated) v).counterexample().failure();
        assertThat(f.kind()).isEqualTo("protocol-violation");
        assertThat(f.message()).contains("t1 (pid 2) Put[value=1]").contains("layer below")
                .contains("'a Put stores its caller's pid'").containsPattern("in state [01]$");
    }

    @Test
    void aDisabledCall_isCheckedWhenItRuns_notWhileItWaits() {
        // Take waits while the box holds 0, where the rule (the box holds the caller's pid) is
        // false; it runs once pid 1 has put 2, where the rule holds for pid 2.
        Protocol<Integer> takeOwn = Protocol.of(new BoxSpec("below", false), "Take only a box holding the caller's pid",
                (s, pid, op) -> !(op instanceof BoxSpec.Take) || s == pid);
        Verdict v = Explorer.check(Scenario.<Integer, BoxScenarios.PassThrough>builder("box/take-own",
                new BoxSpec("box", false)).boot(w -> new BoxScenarios.PassThrough(Layers.open(w, takeOwn)))
                .driver(BoxScenarios.PassThrough::apply).thread(new Put(2)).thread(new BoxSpec.Take()).build(),
                ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        // Put 1 instead, and the Take runs where the rule is false.
        Verdict bad = Explorer.check(Scenario.<Integer, BoxScenarios.PassThrough>builder("box/take-other",
                new BoxSpec("box", false)).boot(w -> new BoxScenarios.PassThrough(Layers.open(w, takeOwn)))
                .driver(BoxScenarios.PassThrough::apply).thread(new Put(1)).thread(new BoxSpec.Take()).build(),
                ExploreOptions.DEFAULTS);
        assertThat(bad).isInstanceOf(Verdict.Violated.class);
        assertThat(((Verdict.Violated) bad).counterexample().failure().message())
                .isEqualTo("t1 (pid 2) Take[] breaks the protocol of layer below ('Take only a box holding the"
                        + " caller's pid') in state 1");
    }

    @Test
    void moverCheckOnAProtocol_exploresOnlyTheCallsItAllows() {
        // Without the protocol another process's write can come between: Read is no both mover.
        MoverReport raw = MoverCheck.of(new LockMemSpec(false), LockMemSpec.domain())
                .claim(MoverClaim.of(Read.class, Mover.BOTH)).check();
        assertThat(raw).isInstanceOf(MoverReport.Refuted.class);
        // With it, Read and Write are both movers, with no state condition: where the protocol
        // forbids them they never run, so they need not be enabled there either.
        MoverReport r = MoverCheck.of(OWNER_ONLY, LockMemSpec.domain())
                .claim(MoverClaim.of(Read.class, Mover.BOTH)).claim(MoverClaim.of(Write.class, Mover.BOTH)).check();
        assertThat(r).as(r.toString()).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void aProtocolStillCatchesAFalseClaim() {
        // Acquire is no left mover even under the protocol: another process's Acquire first disables it.
        MoverReport r = MoverCheck.of(OWNER_ONLY, LockMemSpec.domain())
                .claim(MoverClaim.of(LockMemSpec.Acquire.class, Mover.LEFT)).check();
        assertThat(r).isInstanceOf(MoverReport.Refuted.class);
    }

    @Test
    void avoiding_forbidsTheCallsThatEnterTheErrorState() {
        // The box's error state: 2. Put(2) enters it, from anywhere; any call in it is forbidden.
        Protocol<Integer> p = Protocol.avoiding(new BoxSpec("below", false), "the value 2", s -> s == 2);
        assertThat(p.allows(0, 1, new Put(1))).isTrue();
        assertThat(p.allows(0, 1, new Put(2))).isFalse();
        assertThat(p.allows(2, 1, new Get())).isFalse();
        assertThat(p.rule()).isEqualTo("no call leads to the value 2");
    }

    @Test
    void aProtocolOverAProtocol_isAUsageError() {
        assertThatThrownBy(() -> Protocol.of(OWN_ID, "another rule", (s, pid, op) -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a protocol");
    }
}
