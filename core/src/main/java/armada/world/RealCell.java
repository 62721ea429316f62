package armada.world;

/**
 * A real memory cell: a volatile field. Checked code orders its accesses with locks or spawn
 * and join anyway; volatile makes even an unordered read see the latest whole value.
 */
final class RealCell<T> implements Cell<T> {

    private final int id;
    private volatile T value;

    RealCell(int id, T initial) {
        this.id = id;
        this.value = initial;
    }

    @Override
    public T get() {
        return value;
    }

    @Override
    public void set(T newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        return "cell#" + id;
    }
}
