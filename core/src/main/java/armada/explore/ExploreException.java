package armada.explore;

/**
 * A scenario cannot be explored: it is not deterministic, a replayed schedule does not fit it,
 * or its setup is wrong. The message is one line for the user.
 */
public final class ExploreException extends RuntimeException {

    public ExploreException(String message) {
        super(message);
    }
}
