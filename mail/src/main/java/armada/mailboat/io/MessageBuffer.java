package armada.mailboat.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A server-wide bound on the message data held in memory: SMTP reads DATA whole before it
 * delivers, so without one, connections times the size limit could pass the heap. Each mail
 * transaction takes octets from it through a {@link Share} (up front for a SIZE the client
 * declared, and as its data comes in) and gives all of them back when the transaction ends,
 * whichever way it ends. A take that would pass the limit fails and takes nothing.
 *
 * <p>What is counted is message octets; the heap holds somewhat more (a growing buffer, the
 * copy made at the end of DATA, the Received header), about three times at worst.
 */
public final class MessageBuffer {

    /** Octets a share takes at a time while data comes in, so the counter is touched rarely. */
    static final long STEP = 64 * 1024;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limit octets all shares together may hold */
    public MessageBuffer(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a message buffer holds 1 or more octets, not " + limit);
        }
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Octets held now by all shares. */
    public long used() {
        return used.get();
    }

    /**
     * Takes {@code octets} if they fit under the limit. No loop: the octets are added, and taken
     * back if the sum passed the limit, so two takes racing for the last room may both fail.
     */
    boolean take(long octets) {
        if (used.addAndGet(octets) > limit) {
            used.addAndGet(-octets);
            return false;
        }
        return true;
    }

    private void give(long octets) {
        used.addAndGet(-octets);
    }

    /** An empty share for one transaction. */
    public Share share() {
        return new Share();
    }

    /**
     * What one transaction holds. Used by one session thread at a time; {@link #close} gives
     * everything back and may be called more than once.
     */
    public final class Share implements AutoCloseable {

        private long held;
        private long needed;

        private Share() {
        }

        /** Octets this share holds. */
        public long held() {
            return held;
        }

        /** Makes sure the share holds at least {@code total} octets; false (holding what it held) if they do not fit. */
        public boolean reserve(long total) {
            if (total <= held) {
                return true;
            }
            long more = total - held;
            if (!take(more)) {
                return false;
            }
            held += more;
            return true;
        }

        /**
         * {@code octets} more of the message are kept: the share grows by {@link #STEP} when it
         * must (or by exactly what is missing, if a step does not fit); false if even that does not.
         */
        public boolean grow(long octets) {
            needed += octets;
            if (needed <= held) {
                return true;
            }
            return reserve(Math.max(needed, Math.min(held + STEP, limit))) || reserve(needed);
        }

        /** The data kept so far was dropped (the message is refused): counting starts again at 0. */
        public void restart() {
            needed = 0;
        }

        @Override
        public void close() {
            give(held);
            held = 0;
            needed = 0;
        }
    }
}
