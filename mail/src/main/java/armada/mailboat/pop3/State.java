package armada.mailboat.pop3;

/** The states of a POP3 session (RFC 1939 section 3), and the end. */
enum State {
    /** Before login: USER, PASS, STLS, CAPA, QUIT. */
    AUTHORIZATION,
    /** Logged in, the mailbox picked up and locked: the message commands. */
    TRANSACTION,
    /** After QUIT in TRANSACTION: the marked messages are being deleted, then the lock released. */
    UPDATE,
    /** The session is over; the connection closes. */
    CLOSED
}
