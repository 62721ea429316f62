/** The users of the mail server: names, salted slow password hashes, their Maildirs. */
@NullMarked
package armada.mailboat.users;

import org.jspecify.annotations.NullMarked;
