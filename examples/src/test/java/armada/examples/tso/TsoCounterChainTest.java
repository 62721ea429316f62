package armada.examples.tso;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.layers.LayerChain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TSO counter's layer chain: both links hold, so the counter on TSO holds by composition. */
class TsoCounterChainTest {

    @Test
    void chainCounterOnLockOnTso_composesAndAgreesWithTheFlatCheck() {
        Map<String, Scenario<?, ?>> byName = new HashMap<>();
        for (Scenario<?, ?> s : new TsoCounterScenarios().scenarios()) {
            byName.put(s.name(), s);
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        for (LayerChain.Link l : TsoCounterScenarios.CHAIN.links()) {
            assertThat(byName).as("the chain names shipped scenarios").containsKey(l.scenario());
            verdicts.put(l.scenario(), Explorer.check(byName.get(l.scenario()), ExploreOptions.DEFAULTS));
        }
        String report = TsoCounterScenarios.CHAIN.report(verdicts::get);
        System.out.println(report);
        assertThat(TsoCounterScenarios.CHAIN.label(verdicts::get)).as(report).isEqualTo("HOLDS");
        assertThat(report).contains("layer chain counter <- lock <- tso");
        // The flat check of the same counter on TSO memory agrees.
        Verdict flat = Explorer.check(byName.get("tso-counter/counter"), ExploreOptions.DEFAULTS);
        assertThat(flat).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void tsoSpec_flushesBeforeALoadInEveryOrder() {
        // p1 buffered count=1, p2 buffered count=2: a load by p0 may see 0, 1 or 2 (either flush last).
        TsoSpec spec = new TsoSpec();
        TsoState s = spec.initial();
        s = spec.step(s, new TsoOp.Write(1, TsoState.COUNT, 1)).list().getFirst().next();
        s = spec.step(s, new TsoOp.Write(2, TsoState.COUNT, 2)).list().getFirst().next();
        List<Integer> seen = spec.step(s, new TsoOp.Read(0, TsoState.COUNT)).list().stream()
                .map(o -> o.result()).distinct().sorted().toList();
        assertThat(seen).containsExactly(0, 1, 2);
        // A core's own load sees its own store while it is buffered (whatever memory holds), and
        // memory once it is flushed: never the 0 its store overwrote.
        assertThat(spec.step(s, new TsoOp.Read(1, TsoState.COUNT)).list())
                .allMatch(o -> o.result() == (o.next().buffers().get(1).isEmpty() ? o.next().mem().get(1) : 1))
                .noneMatch(o -> o.result() == 0);
        // Test-and-set drains the core's own buffer first.
        TsoState t = spec.step(spec.initial(), new TsoOp.Write(1, TsoState.LOCK, 1)).list().getFirst().next();
        assertThat(spec.step(t, new TsoOp.TestAndSet(1, TsoState.LOCK)).list()).allMatch(o -> o.result() == 1);
    }
}
