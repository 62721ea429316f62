package armada.mailboat.net;

import armada.mailboat.io.Connection;
import java.io.IOException;

/** One protocol's sessions: serves a connection from greeting to close, and says the lines for refusals and stops. */
public interface SessionHandler {

    /** Why a connection is turned away, or an open session stopped. */
    enum Refusal {
        /** The service serves as many connections as it may. */
        BUSY,
        /** The client's address has as many connections to this service as it may. */
        CLIENT_LIMIT,
        /** The server is shutting down. */
        STOPPING
    }

    /** The service name in logs: {@code smtp}, {@code submission}, {@code pop3}. */
    String service();

    /** Serves one connection on its own virtual thread, reading commands with {@link Connection#readCommand}. */
    void serve(Connection connection) throws IOException;

    /** The one line (without CRLF) sent before closing, e.g. {@code 421 4.3.2 too busy}. */
    String line(Refusal refusal);
}
