package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-wide bound on message data held in memory ({@code --message-buffer}): a
 * transaction past it is told {@code 452 4.3.1}, the others are delivered, and every
 * transaction gives its share back however it ends.
 */
class SmtpMessageBufferTest {

    private static final String INSUFFICIENT = "452 4.3.1 insufficient system storage, try again later";

    @TempDir
    Path root;

    /** A message body of {@code lines} 78-character lines, and its size as DATA counts it (CRLFs included). */
    private static String body(int lines, char fill) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(String.valueOf(fill).repeat(78)).append("\r\n");
        }
        return b.toString();
    }

    private static SmtpHarness start(Path root, long maxSize, long buffer, AtomicReference<SmtpServer> server)
            throws IOException {
        ServerConfig config = SmtpHarness.limits(SmtpHarness.config(), Duration.ofSeconds(30), maxSize, 5, 20)
                .withMessageBuffer(buffer);
        return SmtpHarness.start(root, config, SmtpHarness.defaultLibrary(), s -> {
            server.set(s);
            return s;
        });
    }

    private static String send(SmtpClient c, String body) throws IOException {
        assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
        assertThat(c.call("DATA")).startsWith("354 ");
        c.write(body + ".\r\n");
        return c.reply();
    }

    @Test
    void declaredSizesPastTheBuffer_get452AtMailAndTheOthersAreDeliveredConcurrently() throws Exception {
        // Eight clients each declare a 200 KiB message; the buffer holds three. The first three
        // MAILs take their share, the other five are told 452 before sending anything (RFC 1870).
        // The three then send their data at once and are delivered; their shares come back, so
        // the five are taken when they try again, and nothing is held at the end.
        String body = body(2560, 'x');
        long size = body.length();
        AtomicReference<SmtpServer> server = new AtomicReference<>();
        try (SmtpHarness h = start(root, 2 * size, 3 * size + 100, server)) {
            List<SmtpClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    clients.add(h.connect().hello());
                }
                List<SmtpClient> taken = new ArrayList<>();
                List<SmtpClient> refused = new ArrayList<>();
                for (SmtpClient c : clients) {
                    String reply = c.call("MAIL FROM:<s@b.test> SIZE=" + size);
                    if (reply.startsWith("250 ")) {
                        taken.add(c);
                    } else {
                        assertThat(reply).isEqualTo(INSUFFICIENT);
                        refused.add(c);
                    }
                }
                assertThat(taken).hasSize(3);
                assertThat(server.get().messageBuffer().used()).isEqualTo(3 * size);
                ExecutorService pool = Executors.newFixedThreadPool(taken.size());
                try {
                    List<Future<String>> replies = new ArrayList<>();
                    for (SmtpClient c : taken) {
                        replies.add(pool.submit(() -> send(c, body)));
                    }
                    for (Future<String> r : replies) {
                        assertThat(r.get(60, TimeUnit.SECONDS)).startsWith("250 ");
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(server.get().messageBuffer().used()).isZero();
                for (SmtpClient c : refused) {
                    assertThat(c.call("MAIL FROM:<s@b.test> SIZE=" + size)).startsWith("250 ");
                    assertThat(send(c, body)).startsWith("250 ");
                }
            } finally {
                for (SmtpClient c : clients) {
                    c.close();
                }
            }
            assertThat(h.inbox("alice")).hasSize(8);
            assertThat(server.get().messageBuffer().used()).isZero();
        }
    }

    @Test
    void undeclaredMessagePastTheBuffer_is452AfterItsDataAndTheSessionGoesOn() throws Exception {
        // A holds half the buffer (a declared SIZE); B sends a whole-buffer message without SIZE.
        // B's data outgrows what is left: it is read to its end and refused with 452, and B's
        // next command is read as a command. Once A resets, B's retry is delivered.
        String body = body(1280, 'y');
        long size = body.length();
        AtomicReference<SmtpServer> server = new AtomicReference<>();
        try (SmtpHarness h = start(root, size, size, server);
                SmtpClient a = h.connect().hello(); SmtpClient b = h.connect().hello()) {
            assertThat(a.call("MAIL FROM:<a@b.test> SIZE=" + size / 2)).startsWith("250 ");
            assertThat(b.call("MAIL FROM:<b@b.test>")).startsWith("250 ");
            assertThat(send(b, body)).isEqualTo(INSUFFICIENT);
            assertThat(b.call("NOOP")).startsWith("250 ");
            assertThat(server.get().messageBuffer().used()).isEqualTo(size / 2);
            assertThat(a.call("RSET")).startsWith("250 ");
            assertThat(server.get().messageBuffer().used()).isZero();
            assertThat(b.call("MAIL FROM:<b@b.test>")).startsWith("250 ");
            assertThat(send(b, body)).startsWith("250 ");
            assertThat(h.inbox("alice")).hasSize(1);
            assertThat(server.get().messageBuffer().used()).isZero();
        }
    }

    @Test
    void sessionEndingInsideData_givesItsShareBack() throws Exception {
        // A client that declares a size and goes away in the middle of its data: its session
        // ends on the end of input, and once the server has drained (closing the harness waits
        // for every session to end), nothing is held.
        String body = body(1280, 'z');
        long size = body.length();
        AtomicReference<SmtpServer> server = new AtomicReference<>();
        try (SmtpHarness h = start(root, size, size, server)) {
            try (SmtpClient gone = h.connect().hello()) {
                assertThat(gone.call("MAIL FROM:<g@b.test> SIZE=" + size)).startsWith("250 ");
                assertThat(gone.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
                assertThat(gone.call("DATA")).startsWith("354 ");
                gone.write(body.substring(0, body.length() / 2));
                assertThat(server.get().messageBuffer().used()).isEqualTo(size);
            }
        }
        assertThat(server.get().messageBuffer().used()).isZero();
    }
}
