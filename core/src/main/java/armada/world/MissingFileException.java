package armada.world;

/** A file system call named a file that does not exist. */
public final class MissingFileException extends RuntimeException {

    public MissingFileException(String dir, String name) {
        super("no file " + dir + "/" + name);
    }
}
