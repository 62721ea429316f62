package armada.mailboat.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP load generator, as postfix's {@code smtp-source} sends by default: {@code senders}
 * threads, each taking the next of {@code messages} and sending it in a connection of its own
 * (connect, greeting, EHLO, MAIL, RCPT, DATA, the message, QUIT), in lock step, without
 * pipelining. A message's latency is from before the connect to the reply after its final dot,
 * which a durable server sends only once the message is stored; it goes into an HdrHistogram in
 * microseconds.
 */
public final class SmtpLoad {

    /** Longest latency the histogram holds: a minute, in microseconds. */
    private static final long MAX_MICROS = 60_000_000L;
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * What to send.
     *
     * @param server the SMTP server's address
     * @param from the envelope sender
     * @param to the one recipient of every message
     * @param senders concurrent connections
     * @param messages messages in all
     * @param messageBytes the size of each message, headers included (at least the headers)
     * @param timeoutMillis connect and read timeout
     */
    public record Config(InetSocketAddress server, String from, String to, int senders, int messages, int messageBytes,
            int timeoutMillis) {

        public Config {
            if (senders < 1 || messages < 1 || messageBytes < 1 || timeoutMillis < 1) {
                throw new IllegalArgumentException("senders, messages, message bytes and the timeout must be positive");
            }
        }

        Config withMessages(int n) {
            return new Config(server, from, to, senders, n, messageBytes, timeoutMillis);
        }
    }

    private SmtpLoad() {
    }

    /**
     * Sends {@code warmup} messages (not measured), then the configured ones; {@code progress}
     * gets a line when each part starts.
     */
    public static SmtpLoadResult run(Config config, int warmup, Consumer<String> progress) throws InterruptedException {
        if (warmup > 0) {
            progress.accept("warm-up: " + warmup + " messages (not reported)");
            once(config.withMessages(warmup));
        }
        progress.accept(config.messages() + " messages over " + config.senders() + " connections at a time to "
                + config.server().getHostString() + ":" + config.server().getPort());
        return once(config);
    }

    private static SmtpLoadResult once(Config config) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int s = 0; s < config.senders(); s++) {
            Histogram h = new Histogram(MAX_MICROS, 3);
            histograms.add(h);
            threads.add(Thread.ofPlatform().name("smtp-load-" + s).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int n = next.getAndIncrement(); n < config.messages(); n = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        send(config, message(config, n));
                        h.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getMessage());
                    }
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(MAX_MICROS, 3);
        histograms.forEach(all::add);
        return new SmtpLoadResult(config.server().getHostString() + ":" + config.server().getPort(), config.senders(),
                config.messages() - failed.get(), failed.get(), firstFailure.get(), config.messageBytes(), seconds, all);
    }

    /** Message {@code n}: a few headers, then lines of text up to the size (CRLF line ends, no leading dots). */
    static byte[] message(Config config, int n) {
        StringBuilder b = new StringBuilder();
        b.append("From: <").append(config.from()).append(">\r\nTo: <").append(config.to())
                .append(">\r\nSubject: smtp-load ").append(n).append("\r\n\r\n");
        String line = "La la la la la la la la la la la la la la la la la la la la la la la la la la la la la la la la\r\n";
        while (b.length() + line.length() <= config.messageBytes()) {
            b.append(line);
        }
        int rest = config.messageBytes() - b.length();
        if (rest >= 3) {
            b.append("x".repeat(rest - 2)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One message in one connection; an IOException for anything but the expected replies. */
    private static void send(Config config, byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(config.server(), config.timeoutMillis());
            socket.setSoTimeout(config.timeoutMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            expect(in, "220");
            command(out, "EHLO smtp-load");
            expect(in, "250");
            command(out, "MAIL FROM:<" + config.from() + ">");
            expect(in, "250");
            command(out, "RCPT TO:<" + config.to() + ">");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            out.write(message);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, "QUIT");
            expect(in, "221");
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.flush();
    }

    /** Reads one reply (its continuation lines too) and checks its code. */
    private static void expect(InputStream in, String code) throws IOException {
        String line;
        do {
            line = line(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b.length() > 1000) {
                throw new IOException("reply line too long");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
