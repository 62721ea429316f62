package armada.mailboat.torture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@code mailboat serve} child process on free loopback ports, started and killed by the torture test. */
final class ServerProcess {

    private final Process process;
    final InetSocketAddress smtp;
    final InetSocketAddress pop3;

    private ServerProcess(Process process, InetSocketAddress smtp, InetSocketAddress pop3) {
        this.process = process;
        this.smtp = smtp;
        this.pop3 = pop3;
    }

    /** Starts the server and waits (at most {@code timeoutSeconds}) for its ready line. */
    static ServerProcess start(Path data, Path log, int timeoutSeconds) throws IOException {
        return start(data, log, timeoutSeconds, List.of());
    }

    /** The same, with these JVM options for the server (a planted bug's switch, say). */
    static ServerProcess start(Path data, Path log, int timeoutSeconds, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED"); // the Linux file system, as the launcher allows it
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("armada.mailboat.cli.Main");
        cmd.addAll(List.of("serve", "--data", data.toString(), "--smtp", "127.0.0.1:0", "--pop3", "127.0.0.1:0"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ready ")) {
                        return line;
                    }
                }
                return "";
            } catch (IOException e) {
                return "";
            }
        }, r -> Thread.ofVirtual().start(r));
        String line;
        try {
            line = ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while the server started");
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("the server did not say ready within " + timeoutSeconds + " s (see " + log + ")");
        }
        if (line.isEmpty()) {
            throw new IOException("the server exited before it was ready (see " + log + ")");
        }
        String[] parts = line.split(" ");
        return new ServerProcess(p, address(parts[1].substring(5)), address(parts[2].substring(5)));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a clean shutdown; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
