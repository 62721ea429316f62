/** The mail server's configuration: the immutable {@link ServerConfig} and the key=value file it can be read from. */
@NullMarked
package armada.mailboat.config;

import org.jspecify.annotations.NullMarked;
