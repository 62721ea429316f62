package armada.mailboat.torture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SMTP senders on virtual threads, each sending distinct messages one after another until
 * stopped (or the server dies, or it sent its quota for the round). A message is recorded as sent
 * before its DATA starts, and as acknowledged only when the 250 after DATA arrives; with a
 * {@link Recorder}, each sender is one client of the recorded history.
 */
final class Senders {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    private Senders() {
    }

    static Senders start(InetSocketAddress smtp, int count, int round, long seed, Map<String, byte[]> sent,
            Set<String> acked) {
        return start(smtp, count, round, seed, sent, acked, null, 100_000);
    }

    /** The same, recording into {@code recorder} (if any), each sender sending at most {@code quota} messages. */
    static Senders start(InetSocketAddress smtp, int count, int round, long seed, Map<String, byte[]> sent,
            Set<String> acked, @Nullable Recorder recorder, int quota) {
        Senders s = new Senders();
        for (int i = 0; i < count; i++) {
            int sender = i;
            int client = recorder == null ? -1 : recorder.client();
            s.threads.add(Thread.ofVirtual().name("sender-" + round + "-" + i)
                    .start(() -> s.loop(smtp, round, sender, new Random(seed * 31 + sender), sent, acked, recorder,
                            client, quota)));
        }
        return s;
    }

    private void loop(InetSocketAddress smtp, int round, int sender, Random random, Map<String, byte[]> sent,
            Set<String> acked, @Nullable Recorder recorder, int client, int quota) {
        int n = 0;
        while (!stopping && n < quota) {
            String id = round + "." + sender + "." + n++;
            byte[] message = message(id, random);
            try (WireClient c = new WireClient(smtp, 10_000)) {
                expect(c.smtpReply(), "220");
                c.send("EHLO torture");
                expect(c.smtpReply(), "250");
                c.send("MAIL FROM:<sender" + sender + "@localhost>");
                expect(c.smtpReply(), "250");
                c.send("RCPT TO:<" + Torture.USER + "@localhost>");
                expect(c.smtpReply(), "250");
                c.send("DATA");
                expect(c.smtpReply(), "354");
                sent.put(id, message);
                if (recorder != null) {
                    recorder.deliver(client, new String(message, StandardCharsets.ISO_8859_1));
                }
                String reply;
                try {
                    c.sendRaw(stuff(message));
                    reply = c.smtpReply();
                } catch (IOException e) {
                    if (recorder != null) {
                        recorder.gaveUp(client); // the connection died first: delivered or not
                    }
                    throw e;
                }
                if (!reply.startsWith("250")) {
                    if (recorder != null) {
                        recorder.refused(client);
                    }
                    throw new IOException("unexpected reply " + reply);
                }
                acked.add(id);
                if (recorder != null) {
                    recorder.delivered(client);
                }
                c.send("QUIT");
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                // The server is being killed or restarted: try the next message.
            }
        }
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("unexpected reply " + reply);
        }
    }

    /** A message with an id header, some lines starting with a dot, of varied size. */
    static byte[] message(String id, Random random) {
        StringBuilder b = new StringBuilder();
        b.append("From: torture@localhost\r\nTo: torture@localhost\r\nSubject: torture ").append(id).append("\r\n");
        b.append("X-Torture-Id: ").append(id).append("\r\n\r\n");
        int lines = 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(7) == 0) {
                b.append('.');
            }
            int len = random.nextInt(90);
            for (int k = 0; k < len; k++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** DATA on the wire: dot-stuffed, then the end of data. */
    static byte[] stuff(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Stops the senders and waits for them (a sender blocked on a dead server fails fast). */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join();
        }
    }
}
