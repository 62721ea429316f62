package armada.sim;

/** What a simulated file system needs from its machine: scheduling points, generations, tracing. */
interface FsHost {

    /** A scheduling point before the step {@code kind} on {@code object}. */
    void step(int kind, long object);

    /**
     * A scheduling point before the step {@code kind} on {@code object} whose options are the
     * candidates of the file it decides ({@link SimFileSystem#options}); returns the one chosen.
     */
    int stepDeciding(int kind, long object);

    /** Reports a stale descriptor (made before the last crash). */
    void checkGeneration(Object object, int generation);

    int generation();

    /** Whether a crash can still come in this execution (or a crash invariant watches durable state). */
    boolean crashPossible();

    boolean tracing();

    void trace(String text);

    /** A host with no scheduling, no crashes and no trace: for using the model on its own. */
    FsHost STANDALONE = new FsHost() {
        @Override
        public void step(int kind, long object) {
        }

        @Override
        public int stepDeciding(int kind, long object) {
            return 0;
        }

        @Override
        public void checkGeneration(Object object, int generation) {
        }

        @Override
        public int generation() {
            return 0;
        }

        @Override
        public boolean crashPossible() {
            return false;
        }

        @Override
        public boolean tracing() {
            return false;
        }

        @Override
        public void trace(String text) {
        }
    };
}
