package armada.mailboat.pop3;

import java.util.List;
import java.util.OptionalInt;

/**
 * One command line, parsed: the keyword in upper case, the arguments split on spaces, and the
 * raw text after the keyword's space (PASS takes it whole, so a password may hold spaces, as
 * RFC 1939 section 7 allows).
 */
record Pop3Command(String keyword, List<String> args, String argumentText) {

    Pop3Command {
        args = List.copyOf(args);
    }

    /**
     * Argument {@code index} as a number of at most 9 decimal digits (message numbers and TOP's
     * line count), or empty if it is not one.
     */
    OptionalInt number(int index) {
        String a = args.get(index);
        if (a.isEmpty() || a.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) < '0' || a.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(a));
    }
}
