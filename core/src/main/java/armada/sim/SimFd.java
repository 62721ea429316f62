package armada.sim;

import armada.world.Fd;

/** A simulated file descriptor: an inode, a mode (writable or read-only), and the generation that opened it. */
final class SimFd implements Fd {

    final int inode;
    final boolean writable;
    final int generation;
    final String path;
    boolean closed;

    SimFd(int inode, boolean writable, int generation, String path) {
        this.inode = inode;
        this.writable = writable;
        this.generation = generation;
        this.path = path;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public String toString() {
        return "fd(" + path + (writable ? ", write" : ", read") + ")";
    }
}
