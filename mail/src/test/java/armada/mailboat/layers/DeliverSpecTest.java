package armada.mailboat.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.MoverReport;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Deliver layer's steps, crash, and the mover and partition claims about it. */
class DeliverSpecTest {

    private static final List<String> IDS = List.of("0.0", "0.1");
    private static final DeliverSpec ONE = new DeliverSpec("deliver", List.of("alice"), IDS, true);
    private static final DeliverSpec ANY = new DeliverSpec("deliver", List.of("alice"), IDS, false);

    private static <R> DeliverSpec.State after(DeliverSpec spec, DeliverSpec.State s, DeliverOp<R> op) {
        List<Outcome<R, DeliverSpec.State>> outs = spec.step(s, op).list();
        assertThat(outs).as(op.toString()).hasSize(1);
        return outs.getFirst().next();
    }

    @Test
    void deliver_linksTheTmpFileUnderTheFirstFreeId_andCrashKeepsOnlyTheMailbox() {
        DeliverSpec.State s = after(ONE, ONE.initial(), new DeliverOp.CreateWriteTmp("alice", 1, "m"));
        Outcomes<String, DeliverSpec.State> link = ONE.step(s, new DeliverOp.LinkTmp("alice", 1));
        assertThat(link.list()).extracting(Outcome::result).containsExactly("0.0");
        // Any free id when the implementation may draw any name.
        assertThat(ANY.step(s, new DeliverOp.LinkTmp("alice", 1)).list()).extracting(Outcome::result)
                .containsExactly("0.0", "0.1");
        DeliverSpec.State linked = link.list().getFirst().next();
        DeliverSpec.State locked = after(ONE, linked, new DeliverOp.Lock("alice", 2));
        DeliverSpec.State crashed = ONE.crash(locked).iterator().next();
        assertThat(crashed.box("alice").mail()).isEqualTo(Map.of("0.0", "m"));
        assertThat(crashed.box("alice").tmp()).isEmpty();
        assertThat(crashed.box("alice").locker()).isEqualTo(DeliverSpec.FREE);
    }

    @Test
    void protocolBreaches_areUndefined_andAFullMailboxOrAHeldLockDisables() {
        DeliverSpec.State s = after(ONE, ONE.initial(), new DeliverOp.CreateWriteTmp("alice", 1, "m"));
        assertThat(ONE.step(s, new DeliverOp.CreateWriteTmp("alice", 1, "n")).isUndefined()).isTrue();
        assertThat(ONE.step(ONE.initial(), new DeliverOp.LinkTmp("alice", 1)).isUndefined()).isTrue();
        assertThat(ONE.step(ONE.initial(), new DeliverOp.Unlock("alice", 1)).isUndefined()).isTrue();
        assertThat(ONE.step(ONE.initial(), new DeliverOp.DeleteMail("alice", 1, "0.0")).isUndefined()).isTrue();
        assertThat(ONE.step(ONE.initial(), new DeliverOp.ListMail("bob", 1)).isUndefined()).isTrue();
        DeliverSpec.State locked = after(ONE, ONE.initial(), new DeliverOp.Lock("alice", 1));
        assertThat(ONE.step(locked, new DeliverOp.Lock("alice", 2)).list()).isEmpty();
        assertThat(ONE.step(locked, new DeliverOp.Lock("alice", 1)).isUndefined()).isTrue();
        DeliverSpec.State full = s;
        for (int p = 2; p <= 3; p++) {
            full = after(ONE, full, new DeliverOp.CreateWriteTmp("alice", p, "x"));
            full = after(ONE, full, new DeliverOp.LinkTmp("alice", p));
        }
        assertThat(ONE.step(full, new DeliverOp.LinkTmp("alice", 1)).list()).isEmpty();
    }

    @Test
    void listing_byTheLockHolderIsNoted_andReadsSeeTheMailbox() {
        DeliverSpec.State s = after(ONE, ONE.initial(), new DeliverOp.CreateWriteTmp("alice", 1, "m"));
        s = after(ONE, s, new DeliverOp.LinkTmp("alice", 1));
        DeliverSpec.State other = after(ONE, s, new DeliverOp.ListMail("alice", 2));
        assertThat(other).isEqualTo(s);
        s = after(ONE, s, new DeliverOp.Lock("alice", 2));
        s = after(ONE, s, new DeliverOp.ListMail("alice", 2));
        assertThat(s.box("alice").listed()).containsExactly("0.0");
        assertThat(ONE.step(s, new DeliverOp.ReadMail("alice", "0.0")).list().getFirst().result()).contains("m");
        assertThat(ONE.step(s, new DeliverOp.ReadMail("alice", "0.1")).list().getFirst().result()).isEmpty();
        s = after(ONE, s, new DeliverOp.DeleteMail("alice", 2, "0.0"));
        assertThat(s.box("alice").listed()).isEmpty();
        assertThat(s.box("alice").mail()).isEmpty();
        assertThat(ONE.step(s, new DeliverOp.ReadMail("alice", "0.0")).list().getFirst().result())
                .isEqualTo(Optional.empty());
    }

    @Test
    void cmailClaims_holdOverEveryReachableState() {
        MoverReport r = DeliverClaims.deliverClaims(ONE, List.of(0, 1, 2), IDS).check();
        assertThat(r).isInstanceOf(MoverReport.Checked.class);
        assertThat(((MoverReport.Checked) r).complete()).isTrue();
    }

    @Test
    void readOfAnExistingMessage_isNotALeftMover_onlyOfAListedOne() {
        // Why the layer notes the holder's listing: a read of a message another process has just
        // linked cannot move before that link.
        MoverReport r = MoverCheck.of(ONE, DeliverClaims.domain("alice", List.of(1, 2), IDS))
                .claim(MoverClaim.<DeliverSpec.State>of(DeliverOp.ReadMail.class, Mover.LEFT)
                        .when("its caller holds the lock and the message exists", (s, c) ->
                                s.box("alice").locker() == c.pid()
                                        && s.box("alice").mail().containsKey(((DeliverOp.ReadMail) c.op()).id())))
                .check();
        assertThat(r).isInstanceOf(MoverReport.Refuted.class);
        assertThat(r.toString()).contains("LinkTmp");
    }

    @Test
    void partition_callsOnDifferentUsersCommute_butNotOnTheSameUser() {
        DeliverSpec two = new DeliverSpec("deliver", List.of("alice", "bob"), IDS, true);
        assertThat(DeliverClaims.partitionClaims(two, IDS).check()).isInstanceOf(MoverReport.Checked.class);
        // The same claims with both processes on alice are false: the partition check can fail.
        List<armada.layers.PidOp> same = new java.util.ArrayList<>(DeliverClaims.domain("alice", List.of(1), IDS));
        same.addAll(DeliverClaims.domain("alice", List.of(2), IDS));
        MoverReport r = MoverCheck.of(two, same)
                .claim(MoverClaim.of(DeliverOp.LinkTmp.class, Mover.RIGHT)).check();
        assertThat(r).isInstanceOf(MoverReport.Refuted.class);
    }
}
