package armada.mailboat.pop3;

/** Where a message's bytes come from, a chunk at a time: a session reads it from its picked-up mailbox only when it is sent. */
@FunctionalInterface
interface MessageSource {

    /** Up to {@code length} bytes from {@code offset}; fewer at the end, none past it. */
    byte[] read(long offset, int length);
}
