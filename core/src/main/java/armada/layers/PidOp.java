package armada.layers;

import armada.spec.Op;

/** An operation of a layer as process {@code pid} calls it: one argument value of a mover check. */
public record PidOp(int pid, Op<?> op) {

    @Override
    public String toString() {
        return "p" + pid + " " + op;
    }
}
