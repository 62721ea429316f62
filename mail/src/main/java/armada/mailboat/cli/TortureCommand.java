package armada.mailboat.cli;

import armada.mailboat.torture.Torture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailboat torture}: the kill -9 crash test against real server processes. */
@Command(name = "torture", mixinStandardHelpOptions = true, description = "Kills a server under SMTP load with SIGKILL, again and again, "
        + "then checks that no acknowledged message was lost or duplicated.")
final class TortureCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "A fresh data directory (default: a new temporary one).")
    @Nullable Path data;

    @Option(names = "--kills", defaultValue = "20", description = "Kills (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--senders", defaultValue = "8", description = "Concurrent senders (default ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--min-ms", defaultValue = "300", description = "Shortest run before a kill, ms.")
    long minMillis;

    @Option(names = "--max-ms", defaultValue = "2000", description = "Longest run before a kill, ms.")
    long maxMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the kill times and the messages.")
    long seed;

    @Option(names = "--history", paramLabel = "FILE", description = "Also record the clients' history (JSON lines,"
            + " with FILE.html beside it) and judge it against the Mailboat spec with the history checker.")
    @Nullable Path history;

    @Option(names = "--messages-per-round", defaultValue = "10", paramLabel = "N",
            description = "With --history: the most messages each sender sends between two kills (default ${DEFAULT-VALUE}).")
    int messagesPerRound;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (kills < 0 || senders < 1 || minMillis < 0 || maxMillis < minMillis) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "want --kills >= 0, --senders >= 1 and 0 <= --min-ms <= --max-ms");
        }
        Path dir = data != null ? data : Files.createTempDirectory("mailboat-torture");
        Files.createDirectories(dir);
        if (messagesPerRound < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "want --messages-per-round >= 1");
        }
        Torture t = new Torture(dir, kills, senders, minMillis, maxMillis, seed);
        Torture.Result r = history == null ? t.run() : t.run(new Torture.Recording(history, messagesPerRound, null));
        spec.commandLine().getOut().println(r.summary() + " (data in " + dir + ")");
        for (String p : r.problems()) {
            spec.commandLine().getOut().println("  " + p);
        }
        spec.commandLine().getOut().flush();
        return r.ok() ? 0 : 1;
    }
}
