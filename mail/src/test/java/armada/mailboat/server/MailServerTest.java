package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.users.UserStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server: recovery before listening, the connection cap, floods, clean shutdown. */
class MailServerTest {

    @TempDir
    Path data;

    private ServerConfig config(int maxConnections) {
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        c = c.withLimits(maxConnections, Duration.ofSeconds(30), c.maxMessageSize(), c.maxRecipients(),
                c.maxErrors(), Duration.ofMillis(10));
        // All test clients come from 127.0.0.1: the per-client cap is above the service cap here.
        return c.withClientLimits(maxConnections + 1, c.sessionTimeout(), c.drainTimeout());
    }

    private MailServer start(int maxConnections) throws IOException {
        UserStore users = UserStore.open(data);
        if (!users.users().contains("alice")) {
            users.add("alice", "pw".toCharArray());
        }
        return MailServer.start(data, config(maxConnections));
    }

    /** A tiny blocking client for one dialogue. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(InetSocketAddress a) throws IOException {
            socket = new Socket();
            socket.connect(a, 10_000);
            socket.setSoTimeout(15_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        String line() throws IOException {
            String l = in.readLine();
            return l == null ? "<closed>" : l;
        }

        String reply() throws IOException {
            String l = line();
            while (l.length() > 3 && l.charAt(3) == '-') {
                l = line();
            }
            return l;
        }

        String say(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return reply();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void sendMail(InetSocketAddress smtp, String body) throws IOException {
        try (Client c = new Client(smtp)) {
            assertThat(c.reply()).startsWith("220");
            assertThat(c.say("EHLO good.client")).startsWith("250");
            assertThat(c.say("MAIL FROM:<bob@example.org>")).startsWith("250");
            assertThat(c.say("RCPT TO:<alice@localhost>")).startsWith("250");
            assertThat(c.say("DATA")).startsWith("354");
            assertThat(c.say("Subject: t\r\n\r\n" + body + "\r\n.")).startsWith("250");
            assertThat(c.say("QUIT")).startsWith("221");
        }
    }

    @Test
    void hundredsOfIdleAndGarbageConnections_wellBehavedClientIsServed() throws Exception {
        // 300 silent connections and 100 that spew garbage hold a thread each, cheaply (virtual
        // threads); within the cap, a well-behaved client is served as if they were not there.
        try (MailServer server = start(1000)) {
            List<Socket> idle = new ArrayList<>();
            List<Thread> spewers = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket();
                    s.connect(server.smtpAddress(), 10_000);
                    idle.add(s);
                }
                for (int i = 0; i < 100; i++) {
                    Socket s = new Socket();
                    s.connect(i % 2 == 0 ? server.smtpAddress() : server.pop3Address(), 10_000);
                    idle.add(s);
                    spewers.add(Thread.ofVirtual().start(() -> {
                        try {
                            OutputStream o = s.getOutputStream();
                            for (int k = 0; k < 200; k++) {
                                o.write("GARBAGE \u0001\u0002 xxxxxxxxxxxxxxxxxxxx\r\n".getBytes(StandardCharsets.ISO_8859_1));
                            }
                            o.flush();
                        } catch (IOException expected) {
                            // The server closes a spewer after too many errors.
                        }
                    }));
                }
                sendMail(server.smtpAddress(), "served despite the flood");
                try (Client pop = new Client(server.pop3Address())) {
                    assertThat(pop.reply()).startsWith("+OK");
                    assertThat(pop.say("USER alice")).startsWith("+OK");
                    assertThat(pop.say("PASS pw")).startsWith("+OK maildrop has 1 messages");
                }
            } finally {
                for (Thread t : spewers) {
                    t.join();
                }
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void moreConnectionsThanTheCap_extraClientIsToldToComeBackAndTheOtherServiceGoesOn() throws Exception {
        // The cap bounds memory and threads per service: connection 4 of a cap of 3 gets 421 at
        // once, and POP3, with its own cap, still serves.
        try (MailServer server = start(3)) {
            List<Client> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Client c = new Client(server.smtpAddress());
                    assertThat(c.reply()).startsWith("220");
                    held.add(c);
                }
                try (Client extra = new Client(server.smtpAddress())) {
                    assertThat(extra.line()).isEqualTo("421 4.3.2 too busy, try again later");
                    assertThat(extra.line()).isEqualTo("<closed>");
                }
                try (Client pop = new Client(server.pop3Address())) {
                    assertThat(pop.line()).startsWith("+OK");
                }
            } finally {
                for (Client c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void cleanShutdownWithOpenPop3Session_isToldAndDeletesNothing() throws Exception {
        // Shutdown tells a session waiting for a command that the server goes, and closes it; a
        // POP3 session that marked a message for deletion but never said QUIT commits nothing.
        MailServer server = start(100);
        try (Client pop = new Client(server.pop3Address())) {
            sendMail(server.smtpAddress(), "keep me");
            assertThat(pop.reply()).startsWith("+OK");
            assertThat(pop.say("USER alice")).startsWith("+OK");
            assertThat(pop.say("PASS pw")).startsWith("+OK maildrop has 1 messages");
            assertThat(pop.say("DELE 1")).startsWith("+OK");
            server.close();
            assertThat(pop.line()).isEqualTo("-ERR [SYS/TEMP] server shutting down, try again later");
            assertThat(pop.line()).isEqualTo("<closed>");
        }
        try (var files = Files.list(data.resolve("alice/new"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void secondServerOnTheSameData_refused() throws Exception {
        // Two processes must not serve one Maildir tree with separate in-memory locks.
        try (MailServer first = start(10)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailServer.start(data, config(10)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another mailboat serves");
            assertThat(first.readyLine()).matches("ready smtp=127\\.0\\.0\\.1:\\d+ pop3=127\\.0\\.0\\.1:\\d+");
        }
    }
}
