package armada.check;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.BruteForceChecker.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The checker agrees with a brute-force reference on small random histories.
 *
 * <p>Each try draws a {@link RandomHistory} from its own seed ({@code BASE_SEED + try}); a
 * disagreement is shrunk (fewer choices, smaller numbers) to the smallest case that still
 * disagrees and reported with that seed: {@code -Darmada.refinement.seed=<seed>} runs that one
 * case alone, {@code -Darmada.refinement.tries=<n>} runs more (or fewer) than the default.
 */
class RefinementCheckerPropertyTest {

    private static final int TRIES = 1000;
    private static final long BASE_SEED = 20261121L;
    private static final int MAX_SHRINK_ATTEMPTS = 5000;

    @Test
    void randomHistory_checkerAgreesWithBruteForce() {
        // The reference tries every order of spec steps the history allows, so any difference is
        // a bug in one of them; the verdict, vacuity and failing event must all agree.
        Long only = Long.getLong("armada.refinement.seed");
        int tries = only == null ? Integer.getInteger("armada.refinement.tries", TRIES) : 1;
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<Long, Integer> crashes = new TreeMap<>();
        for (int t = 0; t < tries; t++) {
            long seed = only == null ? BASE_SEED + t : only;
            Case c = Case.random(new Random(seed));
            if (disagreement(c) != null) {
                throw failure(t, seed, c);
            }
            RandomHistory h = c.history();
            Verdict expected = reference(h);
            String verdict = !expected.explained() ? "unexplained" : expected.vacuous() ? "vacuous" : "explained";
            verdicts.merge(verdict, 1, Integer::sum);
            crashes.merge(h.events().stream().filter(e -> e instanceof Event.Crash).count(), 1, Integer::sum);
        }
        System.out.printf("%s: %d tries, verdicts %s, crashes %s%n",
                getClass().getSimpleName(), tries, verdicts, crashes);
        if (only != null) {
            return;
        }
        // Every kind must be common, or the property would test little.
        String counts = "verdicts " + verdicts + ", crashes " + crashes + " in " + tries + " tries";
        assertAbove(15, verdicts.get("explained"), "explained", tries, counts);
        assertAbove(15, verdicts.get("unexplained"), "unexplained", tries, counts);
        assertAbove(3, verdicts.get("vacuous"), "vacuous", tries, counts);
        assertAbove(10, crashes.get(1L), "1 crash", tries, counts);
        assertAbove(5, crashes.get(2L), "2 crashes", tries, counts);
    }

    /**
     * What {@link RandomHistory#of} builds a history from, drawn over the same ranges as before:
     * a spec kind in 0..3, 2 or 3 threads, and up to 24 choices in 0..9999.
     */
    private record Case(int specKind, int threads, List<Integer> choices) {

        static Case random(Random random) {
            int specKind = random.nextInt(0, 4);
            int threads = random.nextInt(2, 4);
            int size = random.nextInt(0, 25);
            List<Integer> choices = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                choices.add(random.nextInt(0, 10_000));
            }
            return new Case(specKind, threads, List.copyOf(choices));
        }

        RandomHistory history() {
            return RandomHistory.of(specKind, threads, choices);
        }

        Case withChoices(List<Integer> newChoices) {
            return new Case(specKind, threads, List.copyOf(newChoices));
        }

        /** Smaller cases: one choice fewer, then a lower spec kind, thread count or choice. */
        List<Case> smaller() {
            List<Case> out = new ArrayList<>();
            for (int i = choices.size() - 1; i >= 0; i--) {
                List<Integer> fewer = new ArrayList<>(choices.subList(0, i));
                fewer.addAll(choices.subList(i + 1, choices.size()));
                out.add(withChoices(fewer));
            }
            for (int lower : lower(specKind, 0)) {
                out.add(new Case(lower, threads, choices));
            }
            for (int lower : lower(threads, 2)) {
                out.add(new Case(specKind, lower, choices));
            }
            for (int i = 0; i < choices.size(); i++) {
                for (int lower : lower(choices.get(i), 0)) {
                    List<Integer> changed = new ArrayList<>(choices);
                    changed.set(i, lower);
                    out.add(withChoices(changed));
                }
            }
            return out;
        }

        /** Values below {@code v} and not below {@code min}, smallest first: min, halfway, v - 1. */
        private static List<Integer> lower(int v, int min) {
            return List.of(min, min + (v - min) / 2, v - 1).stream()
                    .filter(x -> x >= min && x < v)
                    .distinct()
                    .toList();
        }
    }

    private static Verdict reference(RandomHistory h) {
        return new BruteForceChecker<>(h.spec()).check(h.events());
    }

    private static Verdict checker(RandomHistory h) {
        return Verdict.of(new RefinementChecker<>(h.spec()).check(h.events()));
    }

    /** How the checker and the reference disagree on {@code c} (or throw), or null if they agree. */
    private static @Nullable String disagreement(Case c) {
        try {
            RandomHistory h = c.history();
            Verdict expected = reference(h);
            Verdict actual = checker(h);
            return actual.equals(expected) ? null : "checker " + actual + ", reference " + expected;
        } catch (RuntimeException | StackOverflowError e) {
            return "throws " + e;
        }
    }

    /** Shrinks a disagreeing case greedily, within a bounded number of attempts, and reports it. */
    private static AssertionError failure(int index, long seed, Case original) {
        Case shrunk = original;
        int attempts = 0;
        boolean progress = true;
        shrinking:
        while (progress) {
            progress = false;
            for (Case candidate : shrunk.smaller()) {
                if (attempts == MAX_SHRINK_ATTEMPTS) {
                    break shrinking;
                }
                attempts++;
                if (disagreement(candidate) != null) {
                    shrunk = candidate;
                    progress = true;
                    break;
                }
            }
        }
        RandomHistory h = shrunk.history();
        String report = "checker and brute force disagree on try " + index + " (seed " + seed
                + ": -Darmada.refinement.seed=" + seed + "), " + disagreement(shrunk) + "\n"
                + "shrunk from " + original + " (" + original.history().events().size() + " events)\n"
                + "to " + shrunk + " after " + attempts + " attempts"
                + (attempts == MAX_SHRINK_ATTEMPTS ? " (stopped at its bound)" : "") + ":\n" + h;
        try {
            assertThat(checker(h)).as(report).isEqualTo(reference(h));
        } catch (AssertionError e) {
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            return new AssertionError(report, e);
        }
        return new AssertionError(report); // only if the shrunk case stopped failing on a rerun
    }

    private static void assertAbove(double floor, @Nullable Integer count, String kind, int tries, String counts) {
        double percent = count == null ? 0 : 100.0 * count / tries;
        assertThat(percent).as("percentage of tries with " + kind + "; " + counts).isGreaterThan(floor);
    }
}
