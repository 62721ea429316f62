package armada.examples.wal;

/** Two values (0–255 each, one disk block apiece) that are always updated together. */
public record Pair(int x, int y) {

    public static final Pair ZERO = new Pair(0, 0);

    public Pair {
        if (x < 0 || x > 255 || y < 0 || y > 255) {
            throw new IllegalArgumentException("pair values are 0-255, not (" + x + ", " + y + ")");
        }
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
