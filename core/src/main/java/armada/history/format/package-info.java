/**
 * Reading and writing recorded histories: Armada's own JSON-lines format for any spec, and the
 * Jepsen and EDN logs of Porcupine's test suite.
 */
@NullMarked
package armada.history.format;

import org.jspecify.annotations.NullMarked;
