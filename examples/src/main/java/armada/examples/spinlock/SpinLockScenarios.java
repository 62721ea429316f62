package armada.examples.spinlock;

import armada.examples.spinlock.CounterOp.Get;
import armada.examples.spinlock.CounterOp.Increment;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.World;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The spin-lock counter's shipped scenarios: memory only, no crash. */
public final class SpinLockScenarios implements ScenarioSource {

    @Override
    public List<Scenario<?, ?>> scenarios() {
        return List.of(
                scenario("counter", SpinLockCounter::boot, null,
                        "three threads increment under the spin lock; a get after"),
                scenario("load-then-store", LoadThenStore::boot, "data-race",
                        "broken: the lock is taken by a load then a store, not a compare-and-set"),
                scenario("never-released", NeverReleased::boot, "livelock",
                        "broken: an increment never releases the lock; the next one spins forever"));
    }

    private static Scenario<?, ?> scenario(String name, Function<World, SpinLockCounter> boot,
            @Nullable String failure, String description) {
        return Scenario.<Integer, SpinLockCounter>builder("spinlock/" + name, new CounterSpec())
                .description(description)
                .expectFailure(failure)
                .boot(boot)
                .driver(SpinLockCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .thread(new Increment(), new Get())
                .after(new Get())
                .build();
    }
}
