package armada.mailboat.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Catches the events of {@link MailLog} in a test (a Logback ListAppender on its logger) and
 * renders them as the server would write them.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MailLog.EVENTS);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level before;

    public LogCapture() {
        before = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    /** The events caught so far, as text lines (without the line separator). */
    public List<String> lines() {
        return render(LogFormat.TEXT);
    }

    public List<String> render(LogFormat format) {
        LineLayout layout = new LineLayout();
        layout.setFormat(format);
        // AppenderBase.doAppend appends under the appender's own monitor.
        synchronized (appender) {
            return appender.list.stream().map(e -> layout.doLayout(e).strip()).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
