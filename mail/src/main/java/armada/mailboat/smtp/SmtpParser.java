package armada.mailboat.smtp;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one command line (its CRLF already removed by the framing) into an {@link SmtpCommand}.
 * Verbs and the {@code FROM:}/{@code TO:} keywords are case-insensitive; a space after the
 * colon is tolerated, as common clients send it. Control characters and octets over 127 are
 * refused everywhere (no SMTPUTF8), so nothing a client sends can break a reply line or a
 * header. Local parts are not judged here: {@code ../x} and {@code a/b} parse, and RCPT then
 * refuses them as unknown users.
 */
final class SmtpParser {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern LITERAL = Pattern.compile("\\[[!-Z^-~]+\\]");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,20}");

    private SmtpParser() {
    }

    static SmtpCommand parse(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : line.substring(space + 1);
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch < 0x20 || ch > 0x7e) {
                return new SmtpCommand.Malformed(verb, "control or non-ASCII character in command");
            }
        }
        return switch (verb) {
            case "EHLO" -> hello(verb, args, true);
            case "HELO" -> hello(verb, args, false);
            case "MAIL" -> mail(args);
            case "RCPT" -> rcpt(args);
            case "DATA" -> bare(verb, args, new SmtpCommand.Data());
            case "RSET" -> bare(verb, args, new SmtpCommand.Rset());
            case "QUIT" -> bare(verb, args, new SmtpCommand.Quit());
            case "STARTTLS" -> bare(verb, args, new SmtpCommand.StartTls());
            case "AUTH" -> auth(args);
            case "NOOP" -> new SmtpCommand.Noop(); // RFC 5321 4.1.1.9: an argument is allowed and ignored
            case "VRFY" -> args.isBlank() ? new SmtpCommand.Malformed(verb, "syntax: VRFY <string>")
                    : new SmtpCommand.Vrfy(args.strip());
            default -> new SmtpCommand.Unknown(verb);
        };
    }

    private static SmtpCommand bare(String verb, String args, SmtpCommand command) {
        return args.isBlank() ? command : new SmtpCommand.Malformed(verb, "syntax: " + verb + " takes no arguments");
    }

    private static SmtpCommand auth(String args) {
        String[] parts = args.strip().split(" +");
        if (parts[0].isEmpty() || parts.length > 2) {
            return new SmtpCommand.Malformed("AUTH", "syntax: AUTH <mechanism> [initial-response]");
        }
        return new SmtpCommand.Auth(parts[0].toUpperCase(Locale.ROOT), parts.length == 2 ? parts[1] : null);
    }

    private static SmtpCommand hello(String verb, String args, boolean extended) {
        String domain = args.strip().split(" ", 2)[0];
        if (domain.isEmpty()) {
            return new SmtpCommand.Malformed(verb, "syntax: " + verb + " <domain>");
        }
        return extended ? new SmtpCommand.Ehlo(domain) : new SmtpCommand.Helo(domain);
    }

    private static SmtpCommand mail(String args) {
        String syntax = "syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]";
        PathAndRest p = path(args, "FROM:");
        if (p == null) {
            return new SmtpCommand.Malformed("MAIL", syntax);
        }
        OptionalLong size = OptionalLong.empty();
        SmtpCommand.Body body = SmtpCommand.Body.SEVEN_BIT;
        for (String param : p.rest().split(" ")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : param.substring(eq + 1).toUpperCase(Locale.ROOT);
            if (key.equals("SIZE")) {
                if (!SIZE.matcher(value).matches()) {
                    return new SmtpCommand.Malformed("MAIL", "syntax: SIZE=<digits>");
                }
                size = OptionalLong.of(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
            } else if (key.equals("BODY") && value.equals("7BIT")) {
                body = SmtpCommand.Body.SEVEN_BIT;
            } else if (key.equals("BODY") && value.equals("8BITMIME")) {
                body = SmtpCommand.Body.EIGHT_BIT_MIME;
            } else {
                return new SmtpCommand.UnknownParameter("MAIL", param);
            }
        }
        return new SmtpCommand.Mail(p.path(), size, body);
    }

    private static SmtpCommand rcpt(String args) {
        String syntax = "syntax: RCPT TO:<address>";
        PathAndRest p = path(args, "TO:");
        if (p == null || p.path().isEmpty()) {
            return new SmtpCommand.Malformed("RCPT", syntax);
        }
        String rest = p.rest().strip();
        if (!rest.isEmpty()) {
            return new SmtpCommand.UnknownParameter("RCPT", rest.split(" ", 2)[0]);
        }
        String path = p.path();
        if (path.equalsIgnoreCase("postmaster")) {
            return new SmtpCommand.Rcpt(new Address("postmaster", null));
        }
        int at = path.lastIndexOf('@');
        if (at <= 0 || at == path.length() - 1) {
            return new SmtpCommand.Malformed("RCPT", syntax);
        }
        String domain = path.substring(at + 1);
        if (!DOMAIN.matcher(domain).matches() && !LITERAL.matcher(domain).matches()) {
            return new SmtpCommand.Malformed("RCPT", "syntax: bad domain in address");
        }
        return new SmtpCommand.Rcpt(new Address(path.substring(0, at), domain));
    }

    /** The text between the brackets (source route dropped) and what follows the closing bracket. */
    private record PathAndRest(String path, String rest) {
    }

    /**
     * Reads {@code keyword<...>} from {@code args}; null if it is not there. Inside the
     * brackets a quoted string may hold spaces and brackets; outside quotes a space is an error.
     */
    private static @Nullable PathAndRest path(String args, String keyword) {
        if (!args.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return null;
        }
        int i = keyword.length();
        while (i < args.length() && args.charAt(i) == ' ') {
            i++;
        }
        if (i >= args.length() || args.charAt(i) != '<') {
            return null;
        }
        StringBuilder path = new StringBuilder();
        boolean quoted = false;
        for (i++; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (quoted && ch == '\\' && i + 1 < args.length()) {
                path.append(ch).append(args.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '>') {
                String rest = args.substring(i + 1);
                if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                    return null;
                }
                return new PathAndRest(dropSourceRoute(path.toString()), rest);
            } else if (!quoted && (ch == ' ' || ch == '<')) {
                return null;
            }
            path.append(ch);
        }
        return null;
    }

    /** RFC 5321 4.1.2: {@code @a,@b:user@c} may be sent and must be ignored down to {@code user@c}. */
    private static String dropSourceRoute(String path) {
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            return colon < 0 ? path : path.substring(colon + 1);
        }
        return path;
    }
}
