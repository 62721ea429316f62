package armada.layers;

import armada.explore.Scenario;
import armada.layers.BoxSpec.BoxOp;
import armada.spec.Op;
import armada.world.LowerLayer;
import armada.world.World;

/**
 * Scenarios of the box layer run as the World: the implementation above is the identity (each
 * operation calls the same operation of the layer below), so its spec is the box itself, and
 * what the checker finds is what running a layer as the World does.
 */
public final class BoxScenarios {

    private BoxScenarios() {
    }

    /** The identity implementation over the layer below. */
    public record PassThrough(LowerLayer<Integer> below) {
        public Object apply(Op<?> op) {
            return below.call(op);
        }
    }

    /** The box above, the box {@code below} under it (a separate spec object: its own device). */
    public static Scenario.Builder<Integer, PassThrough> over(String name, BoxSpec below) {
        return over(name, new BoxSpec("box", false), below);
    }

    /** The box {@code above} implemented by passing each call to {@code below}. */
    public static Scenario.Builder<Integer, PassThrough> over(String name, BoxSpec above, BoxSpec below) {
        return Scenario.<Integer, PassThrough>builder(name, above)
                .boot(w -> new PassThrough(Layers.open(w, below)))
                .recover(w -> new PassThrough(Layers.open(w, below)))
                .driver(PassThrough::apply);
    }

    static Op<?>[] ops(BoxOp<?>... ops) {
        return ops;
    }

    /** A World-using helper for tests that keep a handle across a crash. */
    static LowerLayer<Integer> open(World w, BoxSpec spec) {
        return Layers.open(w, spec);
    }
}
