package armada.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import armada.check.BruteForceChecker.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The incremental checker against the plain one: sequences of random histories in which each
 * shares a prefix with the one before (a late choice changed, as a depth-first search does),
 * and every verdict must be the plain checker's.
 */
class IncrementalCheckerTest {

    @Test
    void historiesSharingPrefixes_sameVerdictsAsCheckingEachAfresh() {
        long sharedByDifferent = 0;
        int different = 0;
        int histories = 0;
        for (int run = 0; run < 120; run++) {
            Random random = new Random(0xC0FFEEL + run);
            int specKind = random.nextInt(4);
            int threads = 2 + random.nextInt(2);
            List<Integer> choices = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                choices.add(random.nextInt(10_000));
            }
            IncrementalChecker<Integer> incremental =
                    new IncrementalChecker<>(new RefinementChecker<>(RandomHistory.of(specKind, threads, choices).spec()));
            List<armada.check.Event> last = List.of();
            for (int h = 0; h < 25; h++) {
                RandomHistory history = RandomHistory.of(specKind, threads, choices);
                if (!history.events().equals(last)) {
                    different++;
                    int k = 0;
                    while (k < last.size() && k < history.events().size() && last.get(k).equals(history.events().get(k))) {
                        k++;
                    }
                    sharedByDifferent += k;
                }
                last = history.events();
                Verdict plain = Verdict.of(new RefinementChecker<>(history.spec()).check(history.events()));
                Verdict reusing = Verdict.of(incremental.check(history.events()));
                assertThat(reusing).as("run %d history %d: %s", run, h, history.events()).isEqualTo(plain);
                histories++;
                // Change one late choice (sometimes an early one, sometimes cut the history short).
                int at = random.nextInt(4) == 0 ? random.nextInt(4) : 4 + random.nextInt(8);
                choices.set(at, random.nextInt(10_000));
                if (random.nextInt(8) == 0) {
                    choices = new ArrayList<>(choices.subList(0, at + 1));
                    while (choices.size() < 24) {
                        choices.add(random.nextInt(10_000));
                    }
                }
            }
        }
        // The comparison must be about reuse: histories that differ, yet share prefixes.
        assertThat(different).as("histories differing from the one before, of %d", histories).isGreaterThan(histories / 2);
        assertThat(sharedByDifferent).as("events shared by %d differing histories", different).isGreaterThan(different * 2L);
    }
}
