/**
 * Listening and session plumbing shared by the protocols: listeners on virtual threads, caps per
 * service and per client address, idle and session deadlines, the stop of open sessions at
 * shutdown, and the TLS context. It knows no protocol: SMTP and POP3 plug in a {@link SessionHandler}.
 */
@NullMarked
package armada.mailboat.net;

import org.jspecify.annotations.NullMarked;
