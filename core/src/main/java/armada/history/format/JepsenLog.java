package armada.history.format;

import armada.history.History;
import armada.history.HistoryBuilder;
import armada.history.models.CasOp;
import armada.history.models.CasValue;
import armada.spec.Unit;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jepsen's etcd logs of a compare-and-set register, as in Porcupine's test suite, one event per
 * line: {@code INFO  jepsen.util - <process> :invoke|:ok|:fail|:info :read|:write|:cas <value>}.
 * Read the way Porcupine reads them: a {@code :fail} of a cas is a compare-and-set that returned
 * false; any other {@code :fail} (a read that timed out) did not take effect; {@code :info} (a
 * timeout) may or may not have. Blank lines are skipped; a malformed history (a
 * {@link armada.history.MalformedHistoryException}) is a {@link FormatException} at its line.
 */
public final class JepsenLog {

    private static final Pattern LINE = Pattern.compile(
            "INFO\\s+jepsen\\.util\\s+-\\s+(\\d+)\\s+:(invoke|ok|fail|info)\\s+:(read|write|cas)\\s+(.*?)\\s*");
    private static final Pattern PAIR = Pattern.compile("\\[\\s*(-?\\d+)\\s+(-?\\d+)\\s*]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private JepsenLog() {
    }

    public static History read(BufferedReader in) throws IOException, FormatException {
        HistoryBuilder b = new HistoryBuilder();
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new FormatException(n, "not a Jepsen register event (INFO jepsen.util - <process> :invoke|:ok|:fail|:info"
                        + " :read|:write|:cas <value>)");
            }
            try {
                event(b, integer(m.group(1)), m.group(2), m.group(3), m.group(4));
            } catch (IllegalArgumentException e) {
                throw new FormatException(n, String.valueOf(e.getMessage()));
            }
        }
        return b.build();
    }

    private static void event(HistoryBuilder b, int process, String type, String f, String value) {
        switch (type) {
            case "invoke" -> b.invoke(process, switch (f) {
                case "read" -> new CasOp.Read();
                case "write" -> new CasOp.Write(number(value));
                default -> new CasOp.Cas(pair(value, 1), pair(value, 2));
            });
            case "ok" -> b.ok(process, switch (f) {
                case "read" -> value.equals("nil") ? CasValue.NIL : CasValue.of(number(value));
                case "write" -> {
                    number(value);
                    yield Unit.UNIT;
                }
                default -> {
                    pair(value, 1);
                    yield true;
                }
            });
            case "fail" -> {
                if (f.equals("cas")) {
                    pair(value, 1);
                    b.ok(process, false);
                } else {
                    b.fail(process);
                }
            }
            default -> b.info(process);
        }
    }

    private static int number(String value) {
        if (!NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("expected a number, not \"" + value + "\"");
        }
        return integer(value);
    }

    private static int integer(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(digits + " is too large");
        }
    }

    private static int pair(String value, int which) {
        Matcher m = PAIR.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected [expected new], not \"" + value + "\"");
        }
        return integer(m.group(which));
    }
}
