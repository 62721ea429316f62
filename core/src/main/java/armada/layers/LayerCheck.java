package armada.layers;

/**
 * A check of a proof pattern about a layer (abstraction, partition; CSPEC section 6) that a
 * scenario runs before its search ({@code Scenario.Builder.layerCheck}): a broken pattern is the
 * scenario's VIOLATED verdict, an invalid one a one-line usage error, and a checked one adds its
 * bounds to the verdict (a check its state bound cut makes a HOLDS INCONCLUSIVE).
 */
public interface LayerCheck {

    /** Runs the check. */
    LayerReport run();
}
