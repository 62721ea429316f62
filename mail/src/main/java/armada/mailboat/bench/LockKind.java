package armada.mailboat.bench;

import java.util.Locale;

/** Which per-user locks the library uses in a benchmark run. */
public enum LockKind {
    /** Mailboat's: one in-memory lock per user. */
    MEMORY,
    /** CMAIL's and GoMail's: a lock file per user, opened, locked, unlocked and closed each time. */
    FILE;

    /** The name on the command line and in the JSON: {@code memory} or {@code file}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code label}; {@link IllegalArgumentException} naming the choices otherwise. */
    public static LockKind of(String label) {
        for (LockKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("locks are 'memory' or 'file', not '" + label + "'");
    }
}
