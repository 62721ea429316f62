package armada.world;

/**
 * An open file: for appending (from {@link FileSystem#create}) or for reading (from
 * {@link FileSystem#open}). Volatile: a crash closes it.
 */
public interface Fd {

    /** True for a descriptor opened by {@link FileSystem#create}. */
    boolean appendable();
}
