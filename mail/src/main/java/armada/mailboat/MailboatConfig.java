package armada.mailboat;

/**
 * How the library names and writes files.
 *
 * @param chunkSize bytes per append when writing a message (the paper writes 4 KiB at a time)
 * @param nameSpace the bound given to {@code World.random} for a file name
 * @param maxAttempts how many names delivery tries before giving up; a name collides only with
 *     a concurrent delivery that drew the same value on the same attempt, or an older message
 */
public record MailboatConfig(int chunkSize, int nameSpace, int maxAttempts) {

    /** Production: 64 KiB writes, 2^31 names, 16 attempts. */
    public static final MailboatConfig DEFAULT = new MailboatConfig(64 * 1024, Integer.MAX_VALUE, 16);

    public MailboatConfig {
        if (chunkSize < 1 || nameSpace < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("chunk size, name space and attempts must be positive");
        }
    }

    /** The file name for random value {@code r} on attempt {@code attempt}. */
    public static String name(int r, int attempt) {
        return Integer.toString(r, 36) + "." + attempt;
    }
}
