package armada.junit;

import armada.explore.Scenario;
import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.spec.Unit;
import armada.world.Cell;
import armada.world.Lock;
import armada.world.World;
import java.util.function.Function;

/** A counter in memory, a correct one and a racy one, and the scenarios the fixtures check. */
final class Counters {

    private Counters() {
    }

    sealed interface CounterOp<R> extends Op<R> {
        record Inc() implements CounterOp<Unit> {
        }

        record Get() implements CounterOp<Integer> {
        }
    }

    static final class CounterSpec extends TransitionSpec<Integer> {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected <R> Transition<Integer, R> transition(Op<R> op) {
            return (Transition<Integer, R>) switch ((CounterOp<?>) op) {
                case CounterOp.Inc() -> modify(n -> n + 1);
                case CounterOp.Get() -> gets(n -> n);
            };
        }
    }

    /** Increments under a lock. */
    static class Counter {
        final Cell<Integer> value;
        final Lock lock;

        Counter(World w) {
            this.value = w.newCell(0);
            this.lock = w.newLock();
        }

        void inc() {
            lock.lock();
            value.set(value.get() + 1);
            lock.unlock();
        }

        int get() {
            lock.lock();
            int v = value.get();
            lock.unlock();
            return v;
        }
    }

    /** Broken: increments without the lock, a data race. */
    static final class RacyCounter extends Counter {
        RacyCounter(World w) {
            super(w);
        }

        @Override
        void inc() {
            value.set(value.get() + 1);
        }
    }

    static Object apply(Counter c, Op<?> op) {
        return switch ((CounterOp<?>) op) {
            case CounterOp.Inc() -> {
                c.inc();
                yield Unit.UNIT;
            }
            case CounterOp.Get() -> c.get();
        };
    }

    static Scenario.Builder<Integer, Counter> twoIncrements(String name, Function<World, Counter> boot) {
        return Scenario.<Integer, Counter>builder("counter/" + name, new CounterSpec())
                .boot(boot)
                .driver(Counters::apply)
                .thread(new CounterOp.Inc())
                .thread(new CounterOp.Inc())
                .after(new CounterOp.Get());
    }

    static Scenario<?, ?> correct() {
        return twoIncrements("locked", Counter::new).build();
    }

    static Scenario<?, ?> racy() {
        return twoIncrements("racy", RacyCounter::new).build();
    }
}
