package armada.mailboat.pop3;

import armada.mailboat.io.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a command line into a {@link Pop3Command} before anything acts on it (RFC 1939
 * section 3): a keyword of ASCII letters, case-insensitive, then arguments separated by spaces.
 * A line holding a control character (NUL, a bare CR, a tab...) or no keyword is malformed.
 * Octets above 127 are kept (passwords may be UTF-8). A bare LF ending is accepted.
 */
final class Pop3Parser {

    private Pop3Parser() {
    }

    /** The command, or empty if the line is malformed. */
    static Optional<Pop3Command> parse(Line line) {
        for (byte b : line.bytes()) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                return Optional.empty();
            }
        }
        String text = line.text();
        int space = text.indexOf(' ');
        String keyword = space < 0 ? text : text.substring(0, space);
        if (keyword.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return Optional.empty();
            }
        }
        String rest = space < 0 ? "" : text.substring(space + 1);
        List<String> args = new ArrayList<>();
        for (String a : rest.split(" ")) {
            if (!a.isEmpty()) {
                args.add(a);
            }
        }
        return Optional.of(new Pop3Command(keyword.toUpperCase(Locale.ROOT), args, rest));
    }
}
