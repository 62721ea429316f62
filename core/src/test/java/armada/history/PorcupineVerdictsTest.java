package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.format.HistoryFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker agrees with Porcupine's expected verdicts on all 108 histories of its test suite
 * (102 Jepsen etcd logs of a compare-and-set register, 6 key-value logs), read from the shared
 * data directory. The searches are bounded by states entered, not by time, so the outcome is
 * the same on any machine.
 */
class PorcupineVerdictsTest {

    private static final HistoryOptions BOUNDED = HistoryOptions.DEFAULTS.withSeconds(0).withStateLimit(5_000_000);

    @Test
    void everyHistory_getsPorcupinesVerdict() throws Exception {
        // Porcupine's own tests assert these verdicts; the kv histories are checked by key, as the
        // kv model is Partitioned. A wrong verdict either way is a checker bug (or a parser bug).
        List<PorcupineData.Case> cases = PorcupineData.cases();
        assertThat(cases).hasSize(108);
        for (PorcupineData.Case c : cases) {
            History h = HistoryFiles.read(c.file(), c.model());
            HistoryResult r = new HistoryChecker<>(c.model().spec(), BOUNDED).check(h);

            assertThat(h.size()).as(c + " invocations").isEqualTo(c.invocations());
            assertThat(r.label()).as(c + ": " + r).isEqualTo(c.linearizable() ? "LINEARIZABLE" : "NOT_LINEARIZABLE");
        }
    }

    @Test
    void kvHistoriesOfOneAndTenClients_sameVerdictWithoutPartitioning() throws Exception {
        // As Porcupine's tests do, the 1- and 10-client kv histories are also checked as one whole
        // map: P-compositionality says the verdict cannot change, only the cost.
        HistoryOptions whole = BOUNDED.withPartition(false);
        for (PorcupineData.Case c : PorcupineData.cases()) {
            if (!c.name().startsWith("kv/c01") && !c.name().startsWith("kv/c10")) {
                continue;
            }
            HistoryResult r = new HistoryChecker<>(c.model().spec(), whole).check(HistoryFiles.read(c.file(), c.model()));

            assertThat(r.stats().partitions()).isEqualTo(1);
            assertThat(r.label()).as(c + ": " + r).isEqualTo(c.linearizable() ? "LINEARIZABLE" : "NOT_LINEARIZABLE");
        }
    }
}
