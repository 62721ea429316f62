package armada.mailboat;

import java.util.regex.Pattern;

/** Which user names have mailboxes: {@code [a-z0-9][a-z0-9._-]{0,63}}, without {@code ..}. */
public final class UserNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private UserNames() {
    }

    public static boolean valid(String user) {
        return VALID.matcher(user).matches() && !user.contains("..");
    }

    /** Returns {@code user} if valid, else throws with the rule. */
    public static String check(String user) {
        if (!valid(user)) {
            throw new IllegalArgumentException("a user name is [a-z0-9][a-z0-9._-]{0,63} without '..'");
        }
        return user;
    }

    /** {@code user/tmp}: messages being written. */
    public static String tmp(String user) {
        return user + "/tmp";
    }

    /** {@code user/new}: delivered messages. */
    public static String inbox(String user) {
        return user + "/new";
    }

    /** {@code user/cur}: messages a mail reader has seen (moved there from new/, with flags). */
    public static String cur(String user) {
        return user + "/cur";
    }
}
