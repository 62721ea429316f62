package armada.layers;

/**
 * How an operation commutes with the steps of other processes (Lipton; CSPEC section 6.1): a
 * right mover can be moved later past any other process's step, a left mover earlier (and must
 * be enabled wherever it is claimed), a both mover either way; a non mover makes no claim.
 */
public enum Mover {
    RIGHT, LEFT, BOTH, NON;

    boolean right() {
        return this == RIGHT || this == BOTH;
    }

    boolean left() {
        return this == LEFT || this == BOTH;
    }

    String phrase() {
        return switch (this) {
            case RIGHT -> "a right mover";
            case LEFT -> "a left mover";
            case BOTH -> "a both mover";
            case NON -> "a non mover";
        };
    }
}
