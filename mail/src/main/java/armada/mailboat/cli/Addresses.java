package armada.mailboat.cli;

import java.net.InetSocketAddress;

/** Parses {@code HOST:PORT} (and {@code [IPv6]:PORT}) with a one-line error. */
final class Addresses {

    private Addresses() {
    }

    static InetSocketAddress parse(String option, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + " wants HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text.substring(colon + 1) + "' is not a port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + ": port " + port + " is out of range");
        }
        return new InetSocketAddress(host, port);
    }
}
