/**
 * Atomic file replacement on the file system (write a temporary file, fsync it, rename it over
 * the file, fsync the directory), the shadow-copy pattern of Mailboat; and its broken variants.
 */
@NullMarked
package armada.examples.filereplace;

import org.jspecify.annotations.NullMarked;
