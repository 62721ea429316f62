package armada.world;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Closes several things, trying every one: the first failure is kept, later ones suppressed in it. */
final class CloseAll {

    private @Nullable IOException first;

    /** Closes {@code c} (if not null), remembering a failure. */
    CloseAll close(@Nullable Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return this;
    }

    /** The first failure, or null. */
    @Nullable IOException failure() {
        return first;
    }

    /** Throws the first failure, if any. */
    void rethrow() throws IOException {
        if (first != null) {
            throw first;
        }
    }
}
