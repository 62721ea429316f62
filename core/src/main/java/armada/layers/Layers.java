package armada.layers;

import armada.sim.SpecLayers;
import armada.spec.Spec;
import armada.world.LowerLayer;
import armada.world.World;

/**
 * Runs a layer's spec as the World of the layer above (CSPEC section 5.1). Call it where a
 * scenario builds its implementation, in boot and again in recovery:
 *
 * <pre>{@code
 * .boot(w -> new Counter(Layers.open(w, LOCK)))
 * }</pre>
 *
 * <p>Each call of the lower layer's operations is then one atomic step and one scheduling point;
 * the search tries each of its outcomes, a disabled operation waits, a crash applies the spec's
 * crash step, and so the implementation above is checked alone against its own spec.
 */
public final class Layers {

    private Layers() {
    }

    /** The layer {@code spec} below the code that runs on {@code world} (the same spec object each time). */
    public static <S> LowerLayer<S> open(World world, Spec<S> spec) {
        return SpecLayers.open(world, spec);
    }
}
