package armada.world;

/**
 * An open file: for writing and reading (from {@link FileSystem#create} or
 * {@link FileSystem#openWrite}) or for reading only (from {@link FileSystem#open}). Volatile: a
 * crash closes it.
 */
public interface Fd {

    /** True for a descriptor that may append, write and truncate. */
    boolean writable();
}
