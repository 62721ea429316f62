package armada.mailboat.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Renders one log event as one line, in the text or the JSON form of {@link LogFormat}.
 *
 * <p>Text: an event of {@link MailLog} is {@code <time> <level> event=... service=... client=...
 * result=... <more fields>}, values escaped by {@link Fields} (never a space inside one). Any other
 * line is {@code <time> <level> <logger>: <message>}, its line breaks escaped, then an exception's
 * class and message in {@code error=}, and for a warning or worse the stack trace on the lines
 * after. So a filter anchored at the start ({@code ^<time> INFO event=auth ... client=<HOST>
 * result=fail}) matches only real authentication events.
 *
 * <p>JSON: one object per line with {@code time}, {@code level}, ({@code logger} and
 * {@code message} for other lines,) every field, {@code error} and {@code stack}.
 */
public final class LineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LogFormat format = LogFormat.TEXT;

    public void setFormat(LogFormat format) {
        this.format = format;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))});
        fields.add(new String[] {"level", event.getLevel().toString()});
        boolean isEvent = MailLog.EVENTS.equals(event.getLoggerName());
        if (!isEvent) {
            fields.add(new String[] {"logger", shortName(event.getLoggerName())});
            fields.add(new String[] {"message", event.getFormattedMessage()});
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                fields.add(new String[] {p.key, String.valueOf(p.value), p.value instanceof Number ? "n" : ""});
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        String stack = null;
        if (thrown != null) {
            fields.add(new String[] {"error", thrown.getClassName() + ": " + thrown.getMessage()});
            if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                stack = ThrowableProxyUtil.asString(thrown);
            }
        }
        return format == LogFormat.JSON ? json(fields, stack) : text(fields, stack);
    }

    private static String text(List<String[]> fields, @Nullable String stack) {
        StringBuilder b = new StringBuilder();
        b.append(fields.get(0)[1]).append(' ').append(fields.get(1)[1]);
        int from = 2;
        if (fields.size() > 3 && fields.get(2)[0].equals("logger")) {
            b.append(' ').append(fields.get(2)[1]).append(": ").append(oneLine(fields.get(3)[1]));
            from = 4;
        }
        for (String[] f : fields.subList(from, fields.size())) {
            b.append(' ').append(f[0]).append('=').append(Fields.text(f[1]));
        }
        b.append(CoreConstants.LINE_SEPARATOR);
        if (stack != null) {
            b.append(stack);
        }
        return b.toString();
    }

    private static String json(List<String[]> fields, @Nullable String stack) {
        StringBuilder b = new StringBuilder("{");
        for (String[] f : fields) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(Fields.json(f[0])).append(':');
            b.append(f.length > 2 && f[2].equals("n") ? f[1] : Fields.json(f[1]));
        }
        if (stack != null) {
            b.append(',').append(Fields.json("stack")).append(':').append(Fields.json(stack));
        }
        return b.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static String oneLine(String message) {
        return message.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
