package armada.sim;

import org.jspecify.annotations.Nullable;

/**
 * One unsynced file-system operation: an append that grew an inode to {@code length}, or a
 * change of directory entries (remove {@code removed} from {@code fromDir}, put {@code put}
 * for {@code inode} in {@code toDir}; a rename does both, atomically).
 */
record FsOp(int inode, int length, int fromDir, @Nullable String removed, int toDir, @Nullable String put) {

    static FsOp append(int inode, int length) {
        return new FsOp(inode, length, -1, null, -1, null);
    }

    static FsOp entries(int fromDir, @Nullable String removed, int toDir, @Nullable String put, int inode) {
        return new FsOp(inode, -1, fromDir, removed, toDir, put);
    }

    boolean isAppend() {
        return length >= 0;
    }

    /** The objects this operation changes: an inode, or one or two directories. */
    long[] objects() {
        if (isAppend()) {
            return new long[] {SimFileSystem.inodeObject(inode)};
        }
        if (removed != null && put != null && fromDir != toDir) {
            return new long[] {SimFileSystem.dirObject(fromDir), SimFileSystem.dirObject(toDir)};
        }
        return new long[] {SimFileSystem.dirObject(removed != null ? fromDir : toDir)};
    }
}
