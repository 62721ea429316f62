package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.layers.LockMemSpec.Acquire;
import armada.layers.LockMemSpec.Read;
import armada.layers.LockMemSpec.Release;
import armada.layers.LockMemSpec.State;
import armada.layers.LockMemSpec.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mover claims checked by the commutation diagram: true claims pass, false ones are caught and said why. */
class MoverCheckTest {

    private static MoverCheck<State> check(boolean protocol) {
        return MoverCheck.of(new LockMemSpec(protocol), LockMemSpec.domain());
    }

    private static MoverReport.Refuted refuted(MoverReport r, MoverReport.Why why) {
        assertThat(r).isInstanceOf(MoverReport.Refuted.class);
        MoverReport.Refuted f = (MoverReport.Refuted) r;
        assertThat(f.why()).as(f.detail()).isEqualTo(why);
        return f;
    }

    @Test
    void acquireRightAndReleaseLeft_hold() {
        // CSPEC's lock: nothing another process does can tell an Acquire was later, or a Release earlier.
        MoverReport r = check(false).claim(MoverClaim.of(Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(Release.class, Mover.LEFT)).check();
        assertThat(r).isInstanceOf(MoverReport.Checked.class);
        MoverReport.Checked c = (MoverReport.Checked) r;
        assertThat(c.complete()).isTrue();
        assertThat(c.states()).isEqualTo(9); // owner 0..2 x mem 0..2
        assertThat(c.diagrams()).isPositive();
    }

    @Test
    void readWithoutTheProtocol_isNotARightMover() {
        // Another process's Write after the Read changes what the Read would return if moved later.
        MoverReport.Refuted f = refuted(check(false).claim(MoverClaim.of(Read.class, Mover.BOTH)).check(),
                MoverReport.Why.NOT_RIGHT);
        assertThat(f.a().op()).isInstanceOf(Read.class);
        assertThat(f.b()).isNotNull();
        assertThat(f.b().op()).isInstanceOf(Write.class);
        assertThat(f.failure().kind()).isEqualTo("false-mover");
        assertThat(f.failure().message()).contains("Read is a both mover").contains("from state State[")
                .contains(" then ").contains("gives");
    }

    @Test
    void writeWithoutTheProtocol_isNotALeftMover() {
        // Another process's Read before the Write saw the old value; moved earlier, the Write changes it.
        MoverReport.Refuted f = refuted(check(false).claim(MoverClaim.of(Write.class, Mover.LEFT)).check(),
                MoverReport.Why.NOT_LEFT);
        assertThat(f.b()).isNotNull();
        assertThat(f.observed()).isNotEqualTo(f.swapped());
    }

    @Test
    void readAndWriteUnderTheProtocol_areBothMovers() {
        // Disabled for anyone but the owner, memory accesses commute with every other process's
        // step, where their caller holds the lock (elsewhere they are disabled, and a left mover
        // must be enabled).
        MoverReport r = check(true)
                .claim(MoverClaim.<State>of(Read.class, Mover.BOTH).when("held", (s, c) -> s.owner() == c.pid()))
                .claim(MoverClaim.<State>of(Write.class, Mover.BOTH).when("held", (s, c) -> s.owner() == c.pid()))
                .check();
        assertThat(r).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void acquireClaimedLeft_isDisabledWhereTheLockIsHeld() {
        // A left mover must be enabled: an Acquire cannot be moved to before the other's Release.
        MoverReport.Refuted f = refuted(check(false).claim(MoverClaim.of(Acquire.class, Mover.LEFT)).check(),
                MoverReport.Why.LEFT_DISABLED);
        assertThat(f.b()).isNull();
        assertThat(f.detail()).contains("is disabled in state");
    }

    @Test
    void stateDependentClaim_holdsOnlyWhereItsConditionHolds() {
        // Read is a left mover in the states where its caller holds the lock, under the protocol;
        // everywhere, it is not even enabled (left movers must be).
        MoverClaim<State> everywhere = MoverClaim.of(Read.class, Mover.LEFT);
        refuted(check(true).claim(everywhere).check(), MoverReport.Why.LEFT_DISABLED);
        MoverClaim<State> holding = everywhere.when("its caller holds the lock", (s, c) -> s.owner() == c.pid());
        assertThat(check(true).claim(holding).check()).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void argumentDependentClaim_isCheckedForItsArgumentsOnly() {
        // Process 1's writes, under the protocol, are movers; the claim names only them.
        MoverClaim<State> p1 = new MoverClaim<>("process 1's Write is a right mover", Mover.RIGHT,
                c -> c.pid() == 1 && c.op() instanceof Write, (s, c) -> true);
        assertThat(check(true).claim(p1).check()).isInstanceOf(MoverReport.Checked.class);
    }

    @Test
    void claimAboutNoCallOfTheDomain_isAOneLineError() {
        MoverClaim<State> none = new MoverClaim<>("nothing is a right mover", Mover.RIGHT, c -> false, (s, c) -> true);
        MoverReport r = check(false).claim(none).check();
        assertThat(r).isInstanceOf(MoverReport.Invalid.class);
        assertThat(((MoverReport.Invalid) r).error()).contains("'nothing is a right mover' is about no call")
                .doesNotContain("\n");
    }

    @Test
    void specThatThrows_isAOneLineError() {
        MoverReport r = MoverCheck.of(new LockMemSpec(false), List.of(new PidOp(1, new BoxSpec.Get())))
                .claim(MoverClaim.of(BoxSpec.Get.class, Mover.BOTH)).check();
        assertThat(r).isInstanceOf(MoverReport.Invalid.class);
        assertThat(((MoverReport.Invalid) r).error()).contains("threw java.lang.ClassCastException").doesNotContain("\n");
    }

    @Test
    void stateBound_isReportedAsACut() {
        MoverReport r = check(false).maxStates(3).claim(MoverClaim.of(Acquire.class, Mover.RIGHT)).check();
        assertThat(r).isInstanceOf(MoverReport.Checked.class);
        assertThat(((MoverReport.Checked) r).complete()).isFalse();
        assertThat(((MoverReport.Checked) r).bounds()).contains("cut by the state bound");
    }
}
