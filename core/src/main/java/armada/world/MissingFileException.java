package armada.world;

/** A file system call named a file or directory that does not exist. */
public final class MissingFileException extends RuntimeException {

    public MissingFileException(String dir, String name) {
        super("no file " + dir + "/" + name);
    }

    private MissingFileException(String message) {
        super(message);
    }

    /** The directory {@code dir} (below a declared one) does not exist. */
    public static MissingFileException directory(String dir) {
        return new MissingFileException("no directory " + dir);
    }
}
