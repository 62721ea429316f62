package armada.sim;

import armada.spec.Spec;
import armada.world.LowerLayer;
import armada.world.World;

/** Opens a spec as the layer below, inside a simulated World (see {@link SimLayer}). */
public final class SpecLayers {

    private SpecLayers() {
    }

    /**
     * The layer {@code spec} as a device of the machine behind {@code world}: the same device for
     * the same spec object all through one execution (boot, the clients, recovery), in a fresh
     * state at the start of each execution. The handle is volatile: after a crash open it again.
     */
    public static <S> LowerLayer<S> open(World world, Spec<S> spec) {
        if (!(world instanceof SimWorld sim)) {
            throw new IllegalArgumentException("a spec runs as the layer below only in the simulated World; on "
                    + world.getClass().getSimpleName() + " pass the lower layer's implementation instead");
        }
        return sim.machine().openLayer(spec);
    }
}
