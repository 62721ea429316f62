package armada.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Enumerates the distinct durable states a crash may leave on one device: every combination of
 * a prefix length per group of unsynced operations, the full prefix first (so option 0 is
 * "everything survived"). Stops at a budget and says whether it had to.
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

    static <S> CrashStates<S> single(S state) {
        return new CrashStates<>(List.of(state), false);
    }

    /**
     * @param groupSizes number of unsynced operations in each group
     * @param build the state for given surviving prefix lengths (one per group)
     */
    static <S> CrashStates<S> enumerate(int[] groupSizes, int budget, Function<int[], S> build) {
        Set<S> seen = new LinkedHashSet<>();
        int[] keep = groupSizes.clone();
        long combinations = 0;
        boolean cut = false;
        while (true) {
            S s = build.apply(keep.clone());
            seen.add(s);
            if (seen.size() > budget || ++combinations > MAX_COMBINATIONS) {
                cut = true;
                break;
            }
            int g = 0;
            while (g < keep.length && keep[g] == 0) {
                keep[g] = groupSizes[g];
                g++;
            }
            if (g == keep.length) {
                break;
            }
            keep[g]--;
        }
        List<S> list = new ArrayList<>(seen);
        if (list.size() > budget) {
            list = list.subList(0, budget);
        }
        return new CrashStates<>(List.copyOf(list), cut);
    }
}
