package armada.mailboat.layers;

import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.PidOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The mover claims of the Deliver layer (CSPEC section 8.1 and Fig. 15), checked by
 * {@link MoverCheck} over the layer's reachable states with the calls of a small domain.
 */
final class DeliverClaims {

    private DeliverClaims() {
    }

    /**
     * Every call a process may make on {@code user}'s Maildir: processes {@code pids}, each
     * naming only its own temporary file (the protocol), with contents {@code "m<pid>"}, over
     * the given ids.
     */
    static List<PidOp> domain(String user, List<Integer> pids, List<String> ids) {
        List<PidOp> d = new ArrayList<>();
        for (int p : pids) {
            d.add(new PidOp(p, new DeliverOp.CreateWriteTmp(user, p, "m" + p)));
            d.add(new PidOp(p, new DeliverOp.LinkTmp(user, p)));
            d.add(new PidOp(p, new DeliverOp.UnlinkTmp(user, p)));
            d.add(new PidOp(p, new DeliverOp.Lock(user, p)));
            d.add(new PidOp(p, new DeliverOp.Unlock(user, p)));
            d.add(new PidOp(p, new DeliverOp.ListMail(user, p)));
            for (String id : ids) {
                d.add(new PidOp(p, new DeliverOp.ReadMail(user, id)));
                d.add(new PidOp(p, new DeliverOp.DeleteMail(user, p, id)));
            }
        }
        return d;
    }

    /** Whether the call names its caller's own temporary file. */
    private static boolean ownTmp(PidOp c) {
        return switch (c.op()) {
            case DeliverOp.CreateWriteTmp t -> t.pid() == c.pid();
            case DeliverOp.UnlinkTmp t -> t.pid() == c.pid();
            default -> false;
        };
    }

    /**
     * CMAIL's claims for Deliver and Pickup on the Deliver layer: creating and writing the
     * temporary file is a right mover and unlinking it a left mover (its name holds the
     * caller's pid, so no one else touches it); the link is the commit point (no claim); taking
     * the lock is a right mover, releasing it a left mover; reading a message that exists while
     * the caller holds the lock and listed it is a left mover (CSPEC's hardest proof: a listed
     * message stays, since Delete needs the lock, and deliveries only add free ids). "Exists" is
     * not enough: a read of a message another process has just linked cannot move before that
     * link (the check finds it), hence the ghost {@link DeliverSpec.Box#listed}.
     */
    static MoverCheck<DeliverSpec.State> deliverClaims(DeliverSpec oneUser, List<Integer> pids, List<String> ids) {
        String u = oneUser.users().getFirst();
        return MoverCheck.of(oneUser, domain(u, pids, ids))
                .claim(MoverClaim.<DeliverSpec.State>of(DeliverOp.CreateWriteTmp.class, Mover.RIGHT)
                        .when("it names its caller's temporary file", (s, c) -> ownTmp(c)))
                .claim(MoverClaim.of(DeliverOp.LinkTmp.class, Mover.NON))
                .claim(MoverClaim.<DeliverSpec.State>of(DeliverOp.UnlinkTmp.class, Mover.LEFT)
                        .when("it names its caller's temporary file", (s, c) -> ownTmp(c)))
                .claim(MoverClaim.of(DeliverOp.Lock.class, Mover.RIGHT))
                .claim(MoverClaim.of(DeliverOp.Unlock.class, Mover.LEFT))
                .claim(MoverClaim.<DeliverSpec.State>of(DeliverOp.ReadMail.class, Mover.LEFT)
                        .when("its caller holds the lock and listed the message", (s, c) ->
                                s.box(u).locker() == c.pid()
                                        && s.box(u).listed().contains(((DeliverOp.ReadMail) c.op()).id())));
    }

    /** Broken: claims the link is a right mover; a List by another process after it cannot move before it. */
    static MoverCheck<DeliverSpec.State> falseLinkClaim(DeliverSpec oneUser, List<Integer> pids, List<String> ids) {
        String u = oneUser.users().getFirst();
        return MoverCheck.of(oneUser, domain(u, pids, ids))
                .claim(MoverClaim.<DeliverSpec.State>of(DeliverOp.CreateWriteTmp.class, Mover.RIGHT)
                        .when("it names its caller's temporary file", (s, c) -> ownTmp(c)))
                .claim(MoverClaim.of(DeliverOp.LinkTmp.class, Mover.RIGHT));
    }

    /**
     * The per-user partition (CSPEC section 6.4), checked on the layer of two users: process 1
     * calls only {@code a}'s Maildir and process 2 only {@code b}'s, so "every other process's
     * call" in the commutation diagram is a call on the other user, and every operation of
     * both processes is claimed a right mover against it: so any two adjacent calls on
     * different users may be swapped, in either order (a left mover would also have to be
     * enabled everywhere, which a link into a full mailbox is not, and which commuting does not
     * need). That is what lets the search run one layer per user,
     * whose calls it then treats as independent. A local, simple check: a general partition
     * pattern is being built in {@code armada.layers} separately.
     */
    static MoverCheck<DeliverSpec.State> partitionClaims(DeliverSpec twoUsers, List<String> ids) {
        String a = twoUsers.users().get(0);
        String b = twoUsers.users().get(1);
        List<PidOp> d = new ArrayList<>(domain(a, List.of(1), ids));
        d.addAll(domain(b, List.of(2), ids));
        MoverCheck<DeliverSpec.State> check = MoverCheck.of(twoUsers, d);
        for (Class<? extends DeliverOp<?>> type : List.<Class<? extends DeliverOp<?>>>of(
                DeliverOp.CreateWriteTmp.class, DeliverOp.LinkTmp.class, DeliverOp.UnlinkTmp.class,
                DeliverOp.Lock.class, DeliverOp.Unlock.class, DeliverOp.ListMail.class, DeliverOp.ReadMail.class,
                DeliverOp.DeleteMail.class)) {
            check.claim(new MoverClaim<DeliverSpec.State>(type.getSimpleName()
                    + " commutes with every call on the other user", Mover.RIGHT, c -> type.isInstance(c.op()),
                    (s, c) -> true));
        }
        return check;
    }
}
