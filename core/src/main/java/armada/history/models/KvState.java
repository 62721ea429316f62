package armada.history.models;

import java.util.Arrays;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The state of the key-value store: an immutable map from keys to non-empty values, held as two
 * sorted arrays with the hash computed once, because the history checker hashes and compares
 * states at every step.
 */
public final class KvState {

    public static final KvState EMPTY = new KvState(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;
    private final int hash;

    private KvState(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    /** The value of {@code key}, "" if it has none. */
    public String get(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : "";
    }

    /** The state with {@code key} set to {@code value} ("" removes it). */
    public KvState with(String key, String value) {
        int i = Arrays.binarySearch(keys, key);
        if (i >= 0) {
            if (values[i].equals(value)) {
                return this;
            }
            if (value.isEmpty()) {
                return new KvState(remove(keys, i), remove(values, i));
            }
            String[] v = values.clone();
            v[i] = value;
            return new KvState(keys, v);
        }
        if (value.isEmpty()) {
            return this;
        }
        int at = -i - 1;
        return new KvState(insert(keys, at, key), insert(values, at, value));
    }

    private static String[] insert(String[] a, int at, String x) {
        String[] b = new String[a.length + 1];
        System.arraycopy(a, 0, b, 0, at);
        b[at] = x;
        System.arraycopy(a, at, b, at + 1, a.length - at);
        return b;
    }

    private static String[] remove(String[] a, int at) {
        String[] b = new String[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || (o instanceof KvState other && hash == other.hash && Arrays.equals(keys, other.keys)
                && Arrays.equals(values, other.values));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < keys.length; i++) {
            j.add(keys[i] + "=\"" + values[i] + "\"");
        }
        return j.toString();
    }
}
