package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.models.KeyValue;
import armada.history.models.KvOp;
import armada.history.models.KvState;
import armada.spec.Op;
import armada.spec.Unit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * P-compositionality: a history of a {@link Partitioned} spec checked one key at a time gets the
 * verdict it gets checked whole, also with crash episodes, and the failing key is named.
 */
class PartitionTest {

    private static final List<String> KEYS = List.of("x", "y");
    private static final List<String> VALUES = List.of("", "a", "b", "ab", "ba", "aa");

    /** Random get, put and append on two keys, with results drawn from a few likely values. */
    private static final RandomRecording.Draw KV = new RandomRecording.Draw() {
        @Override
        public Op<?> op(SplittableRandom random) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            String value = random.nextBoolean() ? "a" : "b";
            return switch (random.nextInt(3)) {
                case 0 -> new KvOp.Get(key);
                case 1 -> new KvOp.Put(key, value);
                default -> new KvOp.Append(key, value);
            };
        }

        @Override
        public Object result(SplittableRandom random, Op<?> op) {
            return op instanceof KvOp.Get ? VALUES.get(random.nextInt(VALUES.size())) : Unit.UNIT;
        }
    };

    @Test
    void randomKvHistories_sameVerdictByKeyAndWhole() {
        // Both ways must agree on every history; with two keys, checking by key splits the work.
        KeyValue spec = new KeyValue();
        HistoryChecker<KvState> byKey = new HistoryChecker<>(spec, HistoryOptions.DEFAULTS.withSeconds(0));
        HistoryChecker<KvState> whole = new HistoryChecker<>(spec, HistoryOptions.DEFAULTS.withSeconds(0).withPartition(false));
        int linearizable = 0;
        int split = 0;
        for (long seed = 0; seed < 1500; seed++) {
            History h = History.of(RandomRecording.of(seed, 1 + (int) (seed % 3), 8, KV));

            HistoryResult a = byKey.check(h);
            HistoryResult b = whole.check(h);

            assertThat(a.label()).as("seed %s: %s / %s", seed, a, b).isEqualTo(b.label());
            assertThat(b.stats().partitions()).isEqualTo(1);
            linearizable += a instanceof HistoryResult.Linearizable ? 1 : 0;
            split += a.stats().partitions() > 1 ? 1 : 0;
        }
        assertThat(linearizable).isBetween(150, 1350);
        assertThat(split).isGreaterThan(500);
    }

    @Test
    void failingKey_isNamedInTheLongestPartialLinearization() {
        // Key x is fine; key y reads a value nobody wrote.
        History h = new HistoryBuilder()
                .invoke(0, new KvOp.Put("x", "a")).ok(0, Unit.UNIT)
                .invoke(1, new KvOp.Append("y", "b")).ok(1, Unit.UNIT)
                .invoke(0, new KvOp.Get("x")).ok(0, "a")
                .invoke(1, new KvOp.Get("y")).ok(1, "bb")
                .build();

        HistoryResult r = new HistoryChecker<>(new KeyValue()).check(h);

        assertThat(r).isInstanceOf(HistoryResult.NotLinearizable.class);
        PartialLinearization p = ((HistoryResult.NotLinearizable) r).longest().getFirst();
        assertThat(p.partition()).isEqualTo("y");
        assertThat(p.steps()).extracting(s -> (Object) s.operation().op()).containsExactly(new KvOp.Append("y", "b"));
        assertThat(p.unplaced().op()).isEqualTo(new KvOp.Get("y"));
        assertThat(p.why()).contains("\"b\"");
    }
}
