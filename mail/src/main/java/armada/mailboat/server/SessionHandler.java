package armada.mailboat.server;

import armada.mailboat.io.Connection;
import java.io.IOException;

/** Serves one connection of one protocol, from greeting to close, on its own virtual thread. */
public interface SessionHandler {

    void serve(Connection connection) throws IOException;
}
