package armada.mailboat.config;

import armada.mailboat.UserNames;
import armada.mailboat.log.LogFormat;
import armada.mailboat.net.Tls;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns settings by name (from the configuration file, overridden by the command line) into a
 * {@link ServerConfig}. Every value is checked here, once, with a one-line reason naming the key.
 * Durations are a number with {@code ms}, {@code s}, {@code m} or {@code h} (plain seconds
 * without one); sizes a number with {@code k}, {@code M} or {@code G} (powers of 1024; plain
 * octets without one).
 *
 * @param data the data directory
 * @param server the server's configuration
 * @param logFormat how the log is written
 */
public record Settings(Path data, ServerConfig server, LogFormat logFormat) {

    /** Every key, in the order {@code mailboat serve --help} lists the options. */
    public static final List<String> KEYS = List.of("data", "smtp", "pop3", "submission", "hostname", "domain",
            "postmaster", "max-connections", "max-connections-per-client", "idle-timeout", "session-timeout",
            "drain-timeout", "max-message-size", "max-recipients", "max-errors", "auth-failure-delay", "quota", "message-buffer",
            "tls-keystore", "tls-password-file", "trust-loopback", "log-format");

    private static final Pattern DOMAIN =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})([kKmMgG]?)");

    /**
     * The settings the lines hold.
     *
     * @throws IllegalArgumentException with a one-line reason naming the key, for an unknown key,
     *     a bad value, or a missing {@code data}
     */
    public static Settings of(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'");
            }
        }
        String dataText = values.get("data");
        if (dataText == null || dataText.isBlank()) {
            throw new IllegalArgumentException("say where the data directory is (--data DIR, or data = DIR in the file)");
        }
        ServerConfig d = ServerConfig.defaults();
        String keystore = values.get("tls-keystore");
        String passwordFile = values.get("tls-password-file");
        if ((keystore == null) != (passwordFile == null)) {
            throw new IllegalArgumentException("tls-keystore and tls-password-file go together");
        }
        SSLContext tls = keystore == null || passwordFile == null ? null : Tls.load(Path.of(keystore), Path.of(passwordFile));
        String submission = values.get("submission");
        ServerConfig c = new ServerConfig(
                address("smtp", values.getOrDefault("smtp", "127.0.0.1:2525")),
                address("pop3", values.getOrDefault("pop3", "127.0.0.1:2110")),
                submission == null || submission.isBlank() ? null : address("submission", submission),
                hostname(values.getOrDefault("hostname", d.hostname())),
                domains(values.getOrDefault("domain", "localhost")),
                postmaster(values.get("postmaster")),
                positive("max-connections", values, d.maxConnections()),
                positive("max-connections-per-client", values, d.maxPerClient()),
                duration("idle-timeout", values, d.idleTimeout()),
                duration("session-timeout", values, d.sessionTimeout()),
                duration("drain-timeout", values, d.drainTimeout()),
                size("max-message-size", values, d.maxMessageSize()),
                positive("max-recipients", values, d.maxRecipients()),
                positive("max-errors", values, d.maxErrors()),
                duration("auth-failure-delay", values, d.authFailureDelay()),
                size("quota", values, d.quota()),
                tls,
                bool("trust-loopback", values, d.trustLoopback()),
                size("message-buffer", values,
                        ServerConfig.defaultMessageBuffer(size("max-message-size", values, d.maxMessageSize()))));
        return new Settings(Path.of(dataText), c, logFormat(values.getOrDefault("log-format", "text")));
    }

    private static LogFormat logFormat(String text) {
        try {
            return LogFormat.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log-format: " + e.getMessage());
        }
    }

    private static InetSocketAddress address(String key, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(key + " wants HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text.substring(colon + 1) + "' is not a port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(key + ": port " + port + " is out of range");
        }
        return new InetSocketAddress(host, port);
    }

    private static String hostname(String text) {
        if (!DOMAIN.matcher(text).matches()) {
            throw new IllegalArgumentException("hostname: '" + text + "' is not a host name");
        }
        return text;
    }

    private static List<String> domains(String text) {
        List<String> out = new ArrayList<>();
        for (String d : text.split(",")) {
            String domain = d.strip();
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("domain: '" + domain + "' is not a domain name");
            }
            out.add(domain.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static @Nullable String postmaster(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!UserNames.valid(text)) {
            throw new IllegalArgumentException("postmaster: '" + text + "' is not a user name ([a-z0-9][a-z0-9._-]{0,63})");
        }
        return text;
    }

    private static int positive(String key, Map<String, String> values, int fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a positive number");
        }
    }

    private static Duration duration(String key, Map<String, String> values, Duration fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a duration (e.g. 30s, 5m, 1h, 250ms)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static long size(String key, Map<String, String> values, long fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a size (e.g. 10485760, 512k, 10M, 1G)");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(key + ": '" + text + "' is too large");
        }
        return n << shift;
    }

    private static boolean bool(String key, Map<String, String> values, boolean fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + text + "' is not true or false");
        };
    }
}
