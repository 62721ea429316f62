package armada.layers;

import armada.check.Failure;

/** What a {@link LayerCheck} found. */
public sealed interface LayerReport {

    /**
     * The pattern held; {@code bounds} says what was checked, over how many states, and
     * {@code complete} is false when a state bound cut the exploration (then nothing is claimed
     * beyond the states explored).
     */
    record Checked(String bounds, boolean complete) implements LayerReport {
    }

    /** The pattern is broken; the failure's message gives the step and the states. */
    record Broken(Failure failure) implements LayerReport {
    }

    /** The check cannot run (a user mistake); {@code error} says why, in one line. */
    record Invalid(String error) implements LayerReport {
    }
}
