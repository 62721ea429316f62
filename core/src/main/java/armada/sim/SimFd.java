package armada.sim;

import armada.world.Fd;

/** A simulated file descriptor: an inode, a mode, and the generation that opened it. */
final class SimFd implements Fd {

    final int inode;
    final boolean appendable;
    final int generation;
    final String path;
    boolean closed;

    SimFd(int inode, boolean appendable, int generation, String path) {
        this.inode = inode;
        this.appendable = appendable;
        this.generation = generation;
        this.path = path;
    }

    @Override
    public boolean appendable() {
        return appendable;
    }

    @Override
    public String toString() {
        return "fd(" + path + (appendable ? ", append" : ", read") + ")";
    }
}
