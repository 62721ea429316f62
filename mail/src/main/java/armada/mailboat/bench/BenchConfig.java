package armada.mailboat.bench;

/**
 * One configuration of the experiment.
 *
 * @param threads threads, each running its own iterations
 * @param iterations iterations per thread (as the Go benchmark's {@code GOMAIL_NITER})
 * @param users how many mailboxes (named user0, user1, ...)
 * @param messageBytes the size of every delivered message
 * @param fsync whether the library's fsyncs reach the file system; false only to compare with
 *     peers that never fsync (the mail is then not durable)
 * @param locks the per-user locks
 * @param fs the real file system underneath
 */
public record BenchConfig(int threads, int iterations, int users, int messageBytes, boolean fsync, LockKind locks,
        FsKind fs) {

    public BenchConfig {
        if (threads < 1 || iterations < 1 || users < 1 || messageBytes < 1) {
            throw new IllegalArgumentException("threads, iterations, users and message bytes must be positive");
        }
    }

    /** The same configuration with another number of threads and iterations. */
    public BenchConfig with(int threads, int iterations) {
        return new BenchConfig(threads, iterations, users, messageBytes, fsync, locks, fs);
    }

    /** For people: {@code 2 threads, memory locks, durable, linux}. */
    public String describe() {
        return threads + (threads == 1 ? " thread, " : " threads, ") + locks.label() + " locks, "
                + (fsync ? "durable" : "NO FSYNC") + ", " + fs.label();
    }
}
