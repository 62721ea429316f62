package armada.mailboat.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PASS password (the rest of the line, spaces included, read as UTF-8): checks the password of
 * the user named by USER and logs in (Pickup). A wrong password and an unknown user get the same
 * reply after the same pause ({@code authFailureDelay}, slept on the session's own virtual
 * thread, so other sessions go on), and the client must send USER again.
 */
final class PassVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) {
        String user = session.pendingUser();
        if (user == null) {
            return Reply.USER_FIRST;
        }
        session.pendingUser(null);
        char[] password = new String(command.argumentText().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8).toCharArray();
        boolean verified;
        try {
            verified = session.server().users().verify(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!verified) {
            session.pauseAfterAuthFailure();
            return Reply.AUTH_FAILED;
        }
        if (!session.server().mailboat().checkUser(user)) {
            // Added to the user store after the server started: the library has no mailbox for it yet.
            return Reply.MAILBOX_UNAVAILABLE;
        }
        return session.login(user);
    }
}
