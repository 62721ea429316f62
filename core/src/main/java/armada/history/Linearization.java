package armada.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sequence of spec steps that explains a history (or one partition of it, {@code partition}
 * being its key; null when the history was checked whole). Operations that may or may not have
 * taken effect and are not in it did not.
 */
public record Linearization(@Nullable Object partition, List<Step> steps) {

    public Linearization {
        steps = List.copyOf(steps);
    }
}
