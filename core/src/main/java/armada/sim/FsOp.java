package armada.sim;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One unsynced file-system operation: a change of a file's data (bytes written at an offset, an
 * append being a write at the end; or a truncation to a length), or a change of directory
 * entries (remove {@code removed} from {@code fromDir}, put {@code put} for {@code inode} in
 * {@code toDir}; a rename does both, atomically). A directory's entry in its parent has a
 * negative {@code inode}: {@code -(index + 1)} of the directory.
 */
record FsOp(Kind kind, int inode, int offset, byte @Nullable [] data, int length, int fromDir,
        @Nullable String removed, int toDir, @Nullable String put) {

    enum Kind { WRITE, TRUNCATE, ENTRIES }

    static FsOp write(int inode, int offset, byte[] data) {
        return new FsOp(Kind.WRITE, inode, offset, data.clone(), -1, -1, null, -1, null);
    }

    static FsOp truncate(int inode, int length) {
        return new FsOp(Kind.TRUNCATE, inode, -1, null, length, -1, null, -1, null);
    }

    static FsOp entries(int fromDir, @Nullable String removed, int toDir, @Nullable String put, int inode) {
        return new FsOp(Kind.ENTRIES, inode, -1, null, -1, fromDir, removed, toDir, put);
    }

    /** A change of a file's data (not of directory entries). */
    boolean isData() {
        return kind != Kind.ENTRIES;
    }

    /** The end of the bytes a write puts; for a truncation its length. */
    int end() {
        return kind == Kind.WRITE ? offset + dataLength() : length;
    }

    private int dataLength() {
        return data == null ? 0 : data.length;
    }

    /**
     * {@code image} (a file's bytes) with this data change applied: whole, or, for a write with
     * {@code cut >= 0}, only its bytes below offset {@code cut} (a torn write).
     */
    byte[] applyTo(byte[] image, int cut) {
        if (kind == Kind.TRUNCATE) {
            return Arrays.copyOf(image, length);
        }
        byte[] bytes = java.util.Objects.requireNonNull(data);
        int end = cut < 0 ? offset + bytes.length : cut;
        byte[] out = Arrays.copyOf(image, Math.max(image.length, end));
        System.arraycopy(bytes, 0, out, offset, end - offset);
        return out;
    }

    /** The objects this operation changes: an inode, or one or two directories. */
    long[] objects() {
        if (isData()) {
            return new long[] {SimFileSystem.inodeObject(inode)};
        }
        if (removed != null && put != null && fromDir != toDir) {
            return new long[] {SimFileSystem.dirObject(fromDir), SimFileSystem.dirObject(toDir)};
        }
        return new long[] {SimFileSystem.dirObject(removed != null ? fromDir : toDir)};
    }
}
