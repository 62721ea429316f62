package armada.mailboat.smtp;

/**
 * Where an SMTP session is (RFC 5321 section 3.3). The transaction states ({@link #MAIL},
 * {@link #RCPT}) fall back to {@link #READY} when the transaction ends; STARTTLS sends the
 * whole connection back to {@link #START}.
 */
enum State {
    /** Greeted; waiting for HELO or EHLO. */
    START,
    /** HELO or EHLO done; no mail transaction. */
    READY,
    /** MAIL accepted; waiting for a recipient. */
    MAIL,
    /** At least one recipient accepted; DATA may follow. */
    RCPT,
    /** QUIT, or a limit was hit: the reply is the last thing sent. */
    CLOSED
}
