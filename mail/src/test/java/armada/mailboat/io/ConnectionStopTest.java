package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The stop of a session at shutdown, on a real socket pair: a session waiting for a command is
 * told at once; a busy one after its reply, at its next command; input already buffered does
 * not keep it going.
 */
class ConnectionStopTest {

    /** A connected pair: the server side as a Connection, the client side as a socket. */
    private record Pair(Connection server, Socket client, BufferedReader fromServer) implements AutoCloseable {
        static Pair open() throws IOException {
            try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
                client.setSoTimeout(60_000); // a guard against a hang only
                Connection server = new Connection(listening.accept());
                return new Pair(server, client, new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII)));
            }
        }

        void send(String text) throws IOException {
            client.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }
    }

    @Test
    void stopWhileWaitingForACommand_sendsTheLineAndEndsTheRead() throws Exception {
        // The session thread blocks in readCommand; the stop comes from another thread (the
        // server's shutdown), which writes the line itself and closes; the read returns null.
        try (Pair p = Pair.open()) {
            CompletableFuture<Line> read = new CompletableFuture<>();
            Thread session = Thread.ofVirtual().start(() -> {
                try {
                    read.complete(p.server().readCommand(512));
                } catch (IOException e) {
                    read.completeExceptionally(e);
                }
            });
            p.send("NOOP\r\n");
            assertThat(read.get().text()).isEqualTo("NOOP");
            // Now it is busy (it has not asked for the next command): the stop waits for that.
            p.server().stop("421 bye");
            p.server().queue("250 OK");
            p.server().flush();
            assertThat(p.fromServer().readLine()).isEqualTo("250 OK");
            assertThat(p.server().readCommand(512)).isNull();
            assertThat(p.fromServer().readLine()).isEqualTo("421 bye");
            session.join();
        }
    }

    @Test
    void stopOfASessionBlockedInRead_isSentAtOnceByTheStoppingThread() throws Exception {
        // Nothing was sent: the session waits; stop() writes the line and closes the socket.
        try (Pair p = Pair.open()) {
            CompletableFuture<Line> read = new CompletableFuture<>();
            Thread session = Thread.ofVirtual().start(() -> {
                try {
                    read.complete(p.server().readCommand(512));
                } catch (IOException e) {
                    read.completeExceptionally(e);
                }
            });
            // Whether the stop comes before the session reads (it is remembered and sent by the
            // read) or while it waits (the stopping thread sends it), the read ends with null and
            // exactly one line reaches the client before the session closes the connection.
            p.server().stop("421 bye");
            assertThat(p.fromServer().readLine()).isEqualTo("421 bye");
            assertThat(read.get()).isNull();
            session.join();
            p.server().close();
            assertThat(p.fromServer().readLine()).isNull();
        }
    }

    @Test
    void pipelinedCommandsAfterAStop_areNotRun() throws Exception {
        // A client that sent three commands at once gets the stop line instead of the second.
        try (Pair p = Pair.open()) {
            p.send("ONE\r\nTWO\r\nTHREE\r\n");
            assertThat(p.server().readCommand(512).text()).isEqualTo("ONE");
            p.server().stop("421 bye");
            assertThat(p.server().readCommand(512)).isNull();
            assertThat(p.server().readCommand(512)).isNull();
            assertThat(p.fromServer().readLine()).isEqualTo("421 bye");
        }
    }
}
