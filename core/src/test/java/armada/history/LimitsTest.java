package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.models.KeyValue;
import armada.history.models.KvOp;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** A check that reaches its time or state limit is INCONCLUSIVE, never a guess. */
class LimitsTest {

    /**
     * Sixteen appends, all given up on, then a read of a value no order of them makes: to refute
     * it the search must try every subset in every order that gives a distinct string, far more
     * than any limit below allows.
     */
    private static History hard() {
        HistoryBuilder b = new HistoryBuilder();
        for (int c = 0; c < 16; c++) {
            b.invoke(c, new KvOp.Append("k", Integer.toHexString(c))).info(c);
        }
        return b.invoke(99, new KvOp.Get("k")).ok(99, "impossible").build();
    }

    @Test
    void timeLimit_isInconclusive() {
        HistoryResult r = new HistoryChecker<>(new KeyValue(), HistoryOptions.DEFAULTS.withSeconds(0.2)).check(hard());

        assertThat(r).isInstanceOf(HistoryResult.Inconclusive.class);
        assertThat(((HistoryResult.Inconclusive) r).reason()).contains("time limit");
        assertThat(r.stats().seconds()).isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void stateLimit_isInconclusive() {
        HistoryResult r = new HistoryChecker<>(new KeyValue(), HistoryOptions.DEFAULTS.withSeconds(0).withStateLimit(10_000))
                .check(hard());

        assertThat(r).isInstanceOf(HistoryResult.Inconclusive.class);
        assertThat(((HistoryResult.Inconclusive) r).reason()).contains("10000 states");
        assertThat(r.stats().states()).isGreaterThan(10_000);
    }

    @Test
    void memoryBudget_isInconclusive_notAnOutOfMemoryError() {
        // Half the heap is the memos' budget; here 4 MB, which the hard history outgrows.
        HistoryResult r = new HistoryChecker<>(new KeyValue(), HistoryOptions.DEFAULTS.withSeconds(0))
                .check(hard(), new MemoryBudget(4 << 20));

        assertThat(r).isInstanceOf(HistoryResult.Inconclusive.class);
        assertThat(((HistoryResult.Inconclusive) r).reason()).contains("memory budget (4 MB");
    }

    @Test
    void failingPartition_decidesEvenWhenAnotherIsTooHard() {
        // Key "k" is too hard for the limit, but key "z" fails at once: that is enough for the verdict.
        HistoryBuilder b = new HistoryBuilder();
        for (int c = 0; c < 16; c++) {
            b.invoke(c, new KvOp.Append("k", Integer.toHexString(c))).info(c);
        }
        History h = b.invoke(99, new KvOp.Get("k")).ok(99, "impossible")
                .invoke(98, new KvOp.Put("z", "1")).ok(98, Unit.UNIT)
                .invoke(98, new KvOp.Get("z")).ok(98, "2").build();

        HistoryResult r = new HistoryChecker<>(new KeyValue(), HistoryOptions.DEFAULTS.withSeconds(0).withStateLimit(1_000_000)).check(h);

        assertThat(r).isInstanceOf(HistoryResult.NotLinearizable.class);
        assertThat(((HistoryResult.NotLinearizable) r).longest()).allSatisfy(p -> assertThat(p.partition()).isEqualTo("z"));
        assertThat(r.stats().partitions()).isEqualTo(2);
    }
}
