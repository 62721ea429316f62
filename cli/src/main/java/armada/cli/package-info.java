/** The {@code armada} command: list the shipped scenarios and check them. */
@NullMarked
package armada.cli;

import org.jspecify.annotations.NullMarked;
