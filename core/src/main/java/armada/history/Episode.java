package armada.history;

import java.util.List;

/**
 * A crash episode: one or more crashes (a crash during recovery belongs to the same episode),
 * ended by a completed recovery, where the spec takes its one crash step.
 *
 * @param crashesAt the indices of the episode's crash events
 * @param firstCrash the number (from 1) of its first crash in the history
 * @param recoveredAt the index of the recovery event, or -1 when the history ends first
 */
public record Episode(List<Integer> crashesAt, int firstCrash, int recoveredAt) {

    public Episode {
        crashesAt = List.copyOf(crashesAt);
    }

    public boolean recovered() {
        return recoveredAt >= 0;
    }
}
