package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import armada.mailboat.config.ServerConfig;
import armada.mailboat.store.Mailboxes;
import armada.mailboat.users.UserStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users managed while the server runs (what {@code mailboat adduser/deluser/passwd} do from
 * another process, here through a second {@link UserStore} on the same directory): each change
 * is seen by SMTP and POP3 at once, without a restart.
 */
class LiveUsersTest {

    @TempDir
    Path data;

    private MailServer start() throws IOException {
        TestUsers.write(data, Map.of("alice", "alice-password"));
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        return MailServer.start(data, c.withLimits(10, Duration.ofSeconds(30), c.maxMessageSize(), c.maxRecipients(),
                c.maxErrors(), Duration.ofMillis(10)));
    }

    /** A line-at-a-time client for one dialogue. */
    private static final class Client implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;
        final OutputStream out;

        Client(InetSocketAddress a) throws IOException {
            socket.connect(a, 10_000);
            socket.setSoTimeout(15_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            in.readLine();
        }

        String say(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String l = in.readLine();
            while (l != null && l.length() > 3 && l.charAt(3) == '-') {
                l = in.readLine();
            }
            return l == null ? "<closed>" : l;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String rcpt(MailServer server, String user) throws IOException {
        try (Client c = new Client(server.smtpAddress())) {
            c.say("EHLO client.test");
            c.say("MAIL FROM:<s@b.test>");
            String reply = c.say("RCPT TO:<" + user + "@localhost>");
            if (reply.startsWith("250")) {
                assertThat(c.say("DATA")).startsWith("354");
                assertThat(c.say("Subject: hi " + user + "\r\n\r\nhello\r\n.")).startsWith("250");
            }
            return reply;
        }
    }

    private static String login(MailServer server, String user, String password) throws IOException {
        try (Client c = new Client(server.pop3Address())) {
            c.say("USER " + user);
            String reply = c.say("PASS " + password);
            c.say("QUIT");
            return reply;
        }
    }

    @Test
    void userAddedWhileServing_getsMailAndLogsIn() throws IOException {
        // Before: an unknown user (550). adduser from "another process"; then SMTP takes mail
        // for dave (no permanent 550 until a restart) and POP3 serves it.
        try (MailServer server = start()) {
            assertThat(rcpt(server, "dave")).startsWith("550 5.1.1");
            UserStore.open(data).add("dave", "dave-password".toCharArray());
            assertThat(rcpt(server, "dave")).startsWith("250");
            assertThat(login(server, "dave", "dave-password")).startsWith("+OK maildrop has 1 messages (");
        }
    }

    @Test
    void userAddedWithAMaildirMadeByAnotherProcess_isServed() throws IOException {
        // mailboat adduser makes the Maildir through its own World first, then adds the user:
        // the running server's World has not seen those directories, opens a new one that has,
        // and serves erin at once. Her Maildir is the layout a mail reader expects.
        try (MailServer server = start()) {
            assertThat(rcpt(server, "erin")).startsWith("550 5.1.1");
            Mailboxes.createMaildir(data, "erin");
            UserStore.open(data).add("erin", "erin-password".toCharArray());
            assertThat(rcpt(server, "erin")).startsWith("250");
            assertThat(rcpt(server, "alice")).startsWith("250");
            assertThat(login(server, "erin", "erin-password")).startsWith("+OK maildrop has 1 messages (");
            assertThat(data.resolve("erin/cur")).isDirectory();
            assertThat(data.resolve("erin/tmp")).isDirectory();
        }
    }

    @Test
    void userRemovedWhileServing_isRefusedAtOnce() throws IOException {
        // deluser: mail is refused and the old password no longer logs in; the mail stays on disk.
        try (MailServer server = start()) {
            assertThat(rcpt(server, "alice")).startsWith("250");
            UserStore.open(data).remove("alice");
            assertThat(rcpt(server, "alice")).startsWith("550 5.1.1");
            assertThat(login(server, "alice", "alice-password")).isEqualTo("-ERR [AUTH] invalid user or password");
            assertThat(data.resolve("alice/new").toFile().list()).hasSize(1);
        }
    }

    @Test
    void passwordChangedWhileServing_onlyTheNewOneWorks() throws IOException {
        // passwd: the next login checks against the new hash.
        try (MailServer server = start()) {
            assertThat(login(server, "alice", "alice-password")).startsWith("+OK");
            UserStore.open(data).setPassword("alice", "a-new-password".toCharArray());
            assertThat(login(server, "alice", "alice-password")).isEqualTo("-ERR [AUTH] invalid user or password");
            assertThat(login(server, "alice", "a-new-password")).startsWith("+OK");
        }
    }
}
