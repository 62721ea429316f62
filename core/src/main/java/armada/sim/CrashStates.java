package armada.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Enumerates the distinct durable states a crash may leave on one device: every combination of
 * one choice per group of unsynced operations (how much of the group survived), "everything
 * survived" first (so option 0 is that). Stops at a budget and says whether it had to.
 *
 * @param <S> a device snapshot with value equality
 */
final class CrashStates<S> {

    /** Combinations tried before giving up on finding more distinct states. */
    private static final int MAX_COMBINATIONS = 200_000;

    final List<S> states;
    final boolean cut;

    private CrashStates(List<S> states, boolean cut) {
        this.states = states;
        this.cut = cut;
    }

    /** These states, said to be cut (more existed than were kept). */
    CrashStates<S> markCut() {
        return new CrashStates<>(states, true);
    }

    static <S> CrashStates<S> single(S state) {
        return new CrashStates<>(List.of(state), false);
    }

    /**
     * Every distinct state over the combinations of one choice per group.
     *
     * @param choiceCounts how many choices each group has; choice 0 of every group together
     *     must be "everything survived"
     * @param build the state for a combination of choices, or null if the combination cannot
     *     happen (it is skipped)
     */
    static <S> CrashStates<S> enumerate(int[] choiceCounts, int budget, Function<int[], @Nullable S> build) {
        Set<S> seen = new LinkedHashSet<>();
        int[] choice = new int[choiceCounts.length];
        long combinations = 0;
        boolean cut = false;
        while (true) {
            S s = build.apply(choice.clone());
            if (s != null) {
                seen.add(s);
            }
            if (seen.size() > budget || ++combinations > MAX_COMBINATIONS) {
                cut = true;
                break;
            }
            int g = 0;
            while (g < choice.length && choice[g] == choiceCounts[g] - 1) {
                choice[g] = 0;
                g++;
            }
            if (g == choice.length) {
                break;
            }
            choice[g]++;
        }
        List<S> list = new ArrayList<>(seen);
        if (list.size() > budget) {
            list = list.subList(0, budget);
        }
        return new CrashStates<>(List.copyOf(list), cut);
    }
}
