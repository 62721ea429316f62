package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mailboat serve} process with a 64 MiB heap, over a mailbox five times that size,
 * made on disk directly: login, STAT and RETR work, because the server never holds more than a
 * chunk of a message (sizes are counted from disk, RETR streams). Then SIGTERM, with an SMTP
 * session open: it is told 421 and the process ends.
 */
class BoundedMemoryTest {

    private static final int HEAP_MIB = 64;
    private static final int MESSAGES = 320;
    private static final int MESSAGE_BYTES = 1 << 20;
    /** Body lines of 79 letters and LF, after a subject line and a blank line. */
    private static final int LINE = 80;

    @TempDir
    Path dir;

    private static byte[] message() {
        byte[] m = new byte[MESSAGE_BYTES];
        Arrays.fill(m, (byte) 'x');
        byte[] head = "Subject: big\n\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, m, 0, head.length);
        for (int i = head.length + LINE - 1; i < m.length; i += LINE) {
            m[i] = '\n';
        }
        m[m.length - 1] = '\n';
        return m;
    }

    private static long lineFeeds(byte[] m) {
        long n = 0;
        for (byte b : m) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    /** The server's process and the ports its ready line names. */
    private record Server(Process process, InetSocketAddress smtp, InetSocketAddress pop3) {
    }

    private Server start(Path data, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MIB + "m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "armada.mailboat.cli.Main",
                "serve", "--data", data.toString(), "--smtp", "127.0.0.1:0", "--pop3", "127.0.0.1:0"));
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as("the ready line (server log: %s)", log).isNotNull().startsWith("ready ");
        String[] parts = ready.split(" ");
        return new Server(p, address(parts[1].substring("smtp=".length())), address(parts[2].substring("pop3=".length())));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            b.append((char) c);
        }
        return c == -1 && b.isEmpty() ? "<closed>" : b.toString().strip();
    }

    private static String ask(Socket s, String command) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return line(s.getInputStream());
    }

    @Test
    void mailboxFiveTimesTheHeap_loginStatAndRetrWork() throws Exception {
        // 320 messages of 1 MiB (320 MiB) against a 64 MiB heap: a server that read the mailbox
        // into memory at login would die of OutOfMemoryError here.
        Path data = dir.resolve("data");
        TestUsers.write(data, Map.of("alice", "alice-password"));
        Path inbox = Files.createDirectories(data.resolve("alice/new"));
        Files.createDirectories(data.resolve("alice/tmp"));
        Files.createDirectories(data.resolve("alice/cur"));
        byte[] m = message();
        for (int i = 0; i < MESSAGES; i++) {
            Files.write(inbox.resolve(String.format("m%04d.0", i)), m);
        }
        long crlfSize = MESSAGE_BYTES + lineFeeds(m);
        Path log = dir.resolve("server.log");
        Server server = start(data, log);
        try {
            try (Socket pop = new Socket()) {
                pop.connect(server.pop3(), 10_000);
                pop.setSoTimeout(120_000); // a guard against a hang only
                assertThat(line(pop.getInputStream())).startsWith("+OK");
                assertThat(ask(pop, "USER alice")).startsWith("+OK");
                assertThat(ask(pop, "PASS alice-password"))
                        .isEqualTo("+OK maildrop has " + MESSAGES + " messages (" + MESSAGES * crlfSize + " octets)");
                assertThat(ask(pop, "STAT")).isEqualTo("+OK " + MESSAGES + " " + MESSAGES * crlfSize);
                assertThat(ask(pop, "RETR 7")).isEqualTo("+OK " + crlfSize + " octets");
                long received = 0;
                for (String l = line(pop.getInputStream()); !l.equals("."); l = line(pop.getInputStream())) {
                    received += l.length() + 2;
                }
                assertThat(received).isEqualTo(crlfSize);
                assertThat(ask(pop, "QUIT")).startsWith("+OK");
            }
            try (Socket smtp = new Socket()) {
                smtp.connect(server.smtp(), 10_000);
                smtp.setSoTimeout(120_000);
                assertThat(line(smtp.getInputStream())).startsWith("220");
                assertThat(ask(smtp, "HELO client.test")).startsWith("250");
                server.process().destroy(); // SIGTERM
                assertThat(line(smtp.getInputStream())).isEqualTo("421 4.3.2 service shutting down, try again later");
            }
            assertThat(server.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.process().destroyForcibly();
            server.process().waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }
}
