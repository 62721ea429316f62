package armada.mailboat.cli;

import armada.mailboat.bench.SmtpLoad;
import armada.mailboat.bench.SmtpLoadResult;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailboat smtp-load}: concurrent SMTP senders against a running server; messages/s and latency percentiles. */
@Command(name = "smtp-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends messages to a running SMTP server as postfix's smtp-source does by default: "
                + "N connections at a time, one message each (EHLO, MAIL, RCPT, DATA, QUIT), no pipelining. "
                + "Prints messages/s and the latency from connect to the reply after the final dot "
                + "(HdrHistogram percentiles). Exit code 1 if any message was not accepted."})
final class SmtpLoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--smtp", required = true, paramLabel = "HOST:PORT", description = "The server.")
    String smtp = "";

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "The recipient of every message.")
    String to = "";

    @Option(names = "--from", defaultValue = "smtp-load@localhost", paramLabel = "ADDRESS",
            description = "The envelope sender (default ${DEFAULT-VALUE}).")
    String from = "";

    @Option(names = "--senders", defaultValue = "10", paramLabel = "N",
            description = "Connections at a time (default ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--messages", defaultValue = "5000", paramLabel = "N", description = "Messages (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--message-bytes", defaultValue = "1000", paramLabel = "B",
            description = "Size of each message, headers included (default ${DEFAULT-VALUE}).")
    int messageBytes;

    @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
            description = "Messages sent first and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout-ms", defaultValue = "30000", paramLabel = "MS",
            description = "Connect and reply timeout (default ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Option(names = "--json", description = "One JSON line on standard output instead of the sentence.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (senders < 1 || messages < 1 || messageBytes < 1 || warmup < 0 || timeoutMillis < 1) {
            throw usage("want positive --senders, --messages, --message-bytes and --timeout-ms, and --warmup >= 0");
        }
        int colon = smtp.lastIndexOf(':');
        int port;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(smtp.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw usage("--smtp is HOST:PORT, not '" + smtp + "'");
        }
        InetSocketAddress server = new InetSocketAddress(smtp.substring(0, colon), port);
        if (server.isUnresolved()) {
            throw usage("cannot resolve " + smtp.substring(0, colon));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SmtpLoadResult r = SmtpLoad.run(new SmtpLoad.Config(server, from, to, senders, messages, messageBytes, timeoutMillis),
                warmup, line -> {
                    err.println("smtp-load: " + line);
                    err.flush();
                });
        out.println(json ? r.toJson() : r.describe());
        out.flush();
        return r.failed() == 0 ? 0 : 1;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
