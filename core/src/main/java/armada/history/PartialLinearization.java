package armada.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One of the longest sequences of spec steps the search found for a history that is not
 * linearizable, and the step it could not take next: after {@code steps}, operation
 * {@code unplaced} (null: the crash step of episode {@code unplacedEpisode}) reached its deadline
 * without being able to take effect, for the reason {@code why}.
 */
public record PartialLinearization(@Nullable Object partition, List<Step> steps, @Nullable Operation unplaced,
        int unplacedEpisode, String why) {

    public PartialLinearization {
        steps = List.copyOf(steps);
    }

    /** The same, for partition {@code key}. */
    PartialLinearization in(@Nullable Object key) {
        return new PartialLinearization(key, steps, unplaced, unplacedEpisode, why);
    }
}
