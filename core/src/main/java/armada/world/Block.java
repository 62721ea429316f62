package armada.world;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable disk block of {@link #SIZE} bytes; equal when the bytes are equal. */
public final class Block {

    public static final int SIZE = 4096;

    private static final Block[] FILLED = new Block[256];

    static {
        for (int i = 0; i < FILLED.length; i++) {
            byte[] bytes = new byte[SIZE];
            Arrays.fill(bytes, (byte) i);
            FILLED[i] = new Block(bytes);
        }
    }

    /** The all-zero block, a disk's initial contents. */
    public static final Block ZERO = FILLED[0];

    private final byte[] bytes;
    private final int hash;

    private Block(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A block holding a copy of {@code bytes}, which must be exactly {@link #SIZE} long. */
    public static Block of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a block is " + SIZE + " bytes, not " + bytes.length);
        }
        return new Block(bytes.clone());
    }

    /** The block whose every byte is {@code value} (0–255). */
    public static Block filled(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("a byte value is 0-255, not " + value);
        }
        return FILLED[value];
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Block b && b.hash == hash && Arrays.equals(b.bytes, bytes));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code 01*4096} for a uniform block, else the first bytes in hex and a hash. */
    @Override
    public String toString() {
        byte first = bytes[0];
        boolean uniform = true;
        for (byte b : bytes) {
            if (b != first) {
                uniform = false;
                break;
            }
        }
        HexFormat hex = HexFormat.of();
        if (uniform) {
            return hex.toHexDigits(first) + "*" + SIZE;
        }
        return hex.formatHex(bytes, 0, 8) + "..#" + Integer.toHexString(hash);
    }
}
