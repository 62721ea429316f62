package armada.mailboat.layers;

import armada.spec.Op;
import armada.spec.Unit;
import java.util.List;
import java.util.Optional;

/**
 * The operations of the Deliver layer (CSPEC Fig. 7 and Fig. 8), each on one user's Maildir.
 * The temporary file of process {@code pid} is that process's own: the protocol is that a
 * process names only its own pid (CSPEC's restricted API), which is what makes its temporary
 * file operations movers. The lock is the user's mailbox lock, held by a process.
 */
public sealed interface DeliverOp<R> extends Op<R> {

    /** The user whose Maildir the operation is on. */
    String user();

    /** Creates the temporary file of {@code pid} holding {@code message}; undefined if it exists. */
    record CreateWriteTmp(String user, int pid, String message) implements DeliverOp<Unit> {
    }

    /**
     * Links the temporary file of {@code pid} into the mailbox under a free id and returns the
     * id: the commit point of a delivery. Undefined if there is no such file; disabled while no
     * id is free.
     */
    record LinkTmp(String user, int pid) implements DeliverOp<String> {
    }

    /** Removes the temporary file of {@code pid}, if there is one. */
    record UnlinkTmp(String user, int pid) implements DeliverOp<Unit> {
    }

    /** Takes the user's lock for {@code pid}: disabled while anyone holds it, undefined for its holder. */
    record Lock(String user, int pid) implements DeliverOp<Unit> {
    }

    /** Releases the user's lock, which {@code pid} must hold (else undefined). */
    record Unlock(String user, int pid) implements DeliverOp<Unit> {
    }

    /**
     * The ids in the mailbox, sorted. When {@code pid} holds the lock the layer also notes them
     * (ghost state: see {@link DeliverSpec.Box#listed}).
     */
    record ListMail(String user, int pid) implements DeliverOp<List<String>> {
    }

    /** The contents of message {@code id}, or empty if there is none. */
    record ReadMail(String user, String id) implements DeliverOp<Optional<String>> {
    }

    /** Removes message {@code id} (nothing if there is none); {@code pid} must hold the lock (else undefined). */
    record DeleteMail(String user, int pid, String id) implements DeliverOp<Unit> {
    }
}
