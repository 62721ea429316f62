/**
 * The real file system of the World API on Linux through the {@code *at} system calls (the
 * foreign-function API): each declared directory's descriptor is held open, so a World call is
 * one system call with no path walk. Production code, not checked; it must behave as the model.
 */
@NullMarked
package armada.mailboat.linux;

import org.jspecify.annotations.NullMarked;
