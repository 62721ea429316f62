package armada.mailboat.pop3;

import armada.mailboat.log.MailLog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PASS password (the rest of the line, spaces included, read as UTF-8): checks the password of
 * the user named by USER and logs in (Pickup). A wrong password and an unknown user get the same
 * reply after the same pause ({@code authFailureDelay}, slept on the session's own virtual
 * thread, so other sessions go on), and the client must send USER again. Users added while the
 * server runs can log in at once. Each attempt is logged ({@link MailLog#auth}).
 */
final class PassVerb implements Verb<Pop3Command.Pass> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Pass command) {
        String user = session.pendingUser();
        if (user == null) {
            return Reply.USER_FIRST;
        }
        session.pendingUser(null);
        char[] password = new String(command.password().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8).toCharArray();
        boolean verified;
        try {
            verified = session.server().mailboxes().users().verify(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        MailLog.auth("pop3", session.remote(), verified, "USER", user);
        if (!verified) {
            session.pauseAfterAuthFailure();
            return Reply.AUTH_FAILED;
        }
        return session.login(user);
    }
}
