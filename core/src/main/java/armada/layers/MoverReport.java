package armada.layers;

import armada.check.Failure;
import org.jspecify.annotations.Nullable;

/** What checking a layer's mover claims found. */
public sealed interface MoverReport {

    /**
     * Every claim held over {@code states} reachable states ({@code complete}: all of them within
     * the domain of calls; otherwise the state bound cut the exploration), in {@code diagrams}
     * commutation diagrams.
     */
    record Checked(int states, int claims, long diagrams, boolean complete) implements MoverReport {
        /** The bound the check holds within, for a verdict's bounds. */
        public String bounds() {
            return "movers checked over " + states + (complete ? " reachable states" : " states (cut by the state bound)");
        }
    }

    /** How a claim failed. */
    enum Why {
        /** Moving the operation later past another process's step changes an outcome. */
        NOT_RIGHT,
        /** Moving the operation earlier past another process's step changes an outcome. */
        NOT_LEFT,
        /** A left mover is disabled in a state where it is claimed (CSPEC: a left mover must be enabled). */
        LEFT_DISABLED
    }

    /**
     * A claim is false: {@code a} is the claimed operation, {@code b} the other process's (null
     * for {@link Why#LEFT_DISABLED}), {@code state} where the diagram starts, {@code observed}
     * what the order that happened gives and {@code swapped} what the moved order gives instead.
     */
    record Refuted(String claim, Why why, PidOp a, @Nullable PidOp b, String state, String observed, String swapped)
            implements MoverReport {

        /** The failure a scenario's verdict reports. */
        public Failure.FalseMoverClaim failure() {
            return new Failure.FalseMoverClaim(claim, detail());
        }

        /** One paragraph: both operations, the state, the two outcomes that differ. */
        public String detail() {
            return switch (why) {
                case LEFT_DISABLED -> a + " is disabled in state " + state + ", so it cannot be moved earlier there";
                case NOT_RIGHT -> "from state " + state + ", " + a + " then " + b + " gives " + observed + "; "
                        + b + " first, then " + a + ", gives " + swapped;
                case NOT_LEFT -> "from state " + state + ", " + b + " then " + a + " gives " + observed + "; "
                        + a + " first, then " + b + ", gives " + swapped;
            };
        }
    }

    /** The claims or the spec cannot be checked (a user mistake); {@code error} says why, in one line. */
    record Invalid(String error) implements MoverReport {
    }
}
