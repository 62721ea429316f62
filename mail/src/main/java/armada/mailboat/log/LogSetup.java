package armada.mailboat.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at standard error in the chosen {@link LogFormat}, level INFO, replacing the
 * configuration found at start ({@code logback.xml}, which says the same in text). Standard output
 * stays for what the commands print ({@code ready ...}).
 */
public final class LogSetup {

    private LogSetup() {
    }

    public static void configure(LogFormat format) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // Another SLF4J backend was put on the class path: it keeps its own configuration.
        }
        context.reset();
        LineLayout layout = new LineLayout();
        layout.setFormat(format);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.setContext(context);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}
