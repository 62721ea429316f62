package armada.world;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A real atomic cell: an {@link AtomicReference}, with compare-and-set by {@code equals}. */
final class RealAtomicCell<T> implements AtomicCell<T> {

    private final int id;
    private final AtomicReference<T> value;

    RealAtomicCell(int id, T initial) {
        this.id = id;
        this.value = new AtomicReference<>(initial);
    }

    @Override
    public T get() {
        return value.get();
    }

    @Override
    public void set(T newValue) {
        value.set(newValue);
    }

    @Override
    public boolean compareAndSet(T expected, T update) {
        while (true) {
            T current = value.get();
            if (!Objects.equals(current, expected)) {
                return false;
            }
            if (value.compareAndSet(current, update)) {
                return true;
            }
        }
    }

    @Override
    public T getAndSet(T update) {
        return value.getAndSet(update);
    }

    @Override
    public String toString() {
        return "atomic#" + id;
    }
}
