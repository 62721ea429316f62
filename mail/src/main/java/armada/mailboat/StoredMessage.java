package armada.mailboat;

/** A message as Pickup returns it: its id (file name in {@code new/}) and its bytes. */
public record StoredMessage(String id, byte[] contents) {

    /** A copy of the bytes is not made: callers own what Pickup returns. */
    public int size() {
        return contents.length;
    }
}
