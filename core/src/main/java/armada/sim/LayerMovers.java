package armada.sim;

import armada.spec.Op;
import armada.spec.Spec;

/**
 * Checked mover claims about one layer, as the machine uses them to glue calls together (see
 * {@link MoverStretches}): how a call commutes with other processes' calls, in the state it runs
 * in. An implementation must be safe to use from several machines at once.
 */
public interface LayerMovers {

    /** How a call commutes with the calls of other processes. */
    enum Kind {
        RIGHT, LEFT, BOTH, NON,
        /** The call is outside the calls the claims were checked with: a non mover, and the search is told. */
        UNCHECKED;

        /** A right or both mover. */
        public boolean right() {
            return this == RIGHT || this == BOTH;
        }

        /** A left or both mover. */
        public boolean left() {
            return this == LEFT || this == BOTH;
        }
    }

    /** The layer's spec: the same object the code under check opens. */
    Spec<?> layer();

    /**
     * How process {@code pid}'s call {@code op} commutes where the layer is in {@code state}: a
     * checked claim's kind, {@link Kind#NON} where no claim usable for the reduction covers it
     * (or the state is not one the claims were checked in), {@link Kind#UNCHECKED} for a call
     * outside the check's domain.
     */
    Kind classify(Object state, int pid, Op<?> op);

    /** Told each time a call is glued to its thread's previous one: the reduction cut something. */
    void glued();

    /** Told of a call made outside boot that is outside the claims' domain: process {@code pid}'s {@code op} in {@code state}. */
    void unchecked(int pid, Op<?> op, Object state);
}
