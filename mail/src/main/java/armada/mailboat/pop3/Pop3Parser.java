package armada.mailboat.pop3;

import armada.mailboat.io.Line;
import java.util.ArrayList;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Turns a command line into a {@link Pop3Command} before anything acts on it (RFC 1939
 * section 3): a keyword of ASCII letters, case-insensitive, then arguments separated by spaces,
 * their number and form checked here. A line holding a control character (NUL, a bare CR, a
 * tab...) or no keyword is malformed. Octets above 127 are kept (passwords may be UTF-8). A bare
 * LF ending is accepted.
 */
final class Pop3Parser {

    private Pop3Parser() {
    }

    static Pop3Command parse(Line line) {
        for (byte b : line.bytes()) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                return new Pop3Command.Malformed("", Pop3Command.Problem.SYNTAX);
            }
        }
        String text = line.text();
        int space = text.indexOf(' ');
        String keyword = space < 0 ? text : text.substring(0, space);
        if (keyword.isEmpty() || !letters(keyword)) {
            return new Pop3Command.Malformed("", Pop3Command.Problem.SYNTAX);
        }
        keyword = keyword.toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1);
        java.util.List<String> args = new ArrayList<>();
        for (String a : rest.split(" ")) {
            if (!a.isEmpty()) {
                args.add(a);
            }
        }
        return switch (keyword) {
            case "USER" -> args.size() == 1 ? new Pop3Command.User(args.getFirst()) : syntax(keyword);
            case "PASS" -> args.isEmpty() ? syntax(keyword) : new Pop3Command.Pass(rest);
            case "STLS" -> bare(keyword, args, new Pop3Command.Stls());
            case "CAPA" -> bare(keyword, args, new Pop3Command.Capa());
            case "QUIT" -> bare(keyword, args, new Pop3Command.Quit());
            case "STAT" -> bare(keyword, args, new Pop3Command.Stat());
            case "RSET" -> bare(keyword, args, new Pop3Command.Rset());
            case "NOOP" -> bare(keyword, args, new Pop3Command.Noop());
            case "LIST", "UIDL" -> listing(keyword, args);
            case "RETR", "DELE" -> oneMessage(keyword, args);
            case "TOP" -> top(args);
            default -> new Pop3Command.Unknown(keyword);
        };
    }

    private static boolean letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static Pop3Command syntax(String keyword) {
        return new Pop3Command.Malformed(keyword, Pop3Command.Problem.SYNTAX);
    }

    private static Pop3Command invalidNumber(String keyword) {
        return new Pop3Command.Malformed(keyword, Pop3Command.Problem.INVALID_NUMBER);
    }

    private static Pop3Command bare(String keyword, java.util.List<String> args, Pop3Command command) {
        return args.isEmpty() ? command : syntax(keyword);
    }

    private static Pop3Command listing(String keyword, java.util.List<String> args) {
        if (args.size() > 1) {
            return syntax(keyword);
        }
        OptionalInt n = OptionalInt.empty();
        if (args.size() == 1) {
            n = number(args.getFirst());
            if (n.isEmpty()) {
                return invalidNumber(keyword);
            }
        }
        return keyword.equals("LIST") ? new Pop3Command.List(n) : new Pop3Command.Uidl(n);
    }

    private static Pop3Command oneMessage(String keyword, java.util.List<String> args) {
        if (args.size() != 1) {
            return syntax(keyword);
        }
        OptionalInt n = number(args.getFirst());
        if (n.isEmpty()) {
            return invalidNumber(keyword);
        }
        return keyword.equals("RETR") ? new Pop3Command.Retr(n.getAsInt()) : new Pop3Command.Dele(n.getAsInt());
    }

    private static Pop3Command top(java.util.List<String> args) {
        if (args.size() != 2) {
            return syntax("TOP");
        }
        OptionalInt n = number(args.get(0));
        OptionalInt lines = number(args.get(1));
        return n.isPresent() && lines.isPresent() ? new Pop3Command.Top(n.getAsInt(), lines.getAsInt())
                : invalidNumber("TOP");
    }

    /** A number of 1 to 9 decimal digits, or empty. */
    static OptionalInt number(String a) {
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
