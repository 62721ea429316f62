package armada.mailboat.smtp;

import org.jspecify.annotations.Nullable;

/**
 * A forward-path mailbox as the client wrote it (RFC 5321 section 4.1.2), source route removed.
 * The local part is kept exactly, hostile or not: whether it names a user is decided at RCPT.
 *
 * @param localPart the part before the last {@code @}, quotes included if any
 * @param domain the part after it, or null for the special {@code <postmaster>} recipient
 */
record Address(String localPart, @Nullable String domain) {

    @Override
    public String toString() {
        return domain == null ? localPart : localPart + "@" + domain;
    }
}
