package armada.mailboat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The password of adduser and passwd: one line of standard input, at least a minimum length. */
final class PasswordInput {

    /** The shortest password adduser and passwd take unless told otherwise. */
    static final int DEFAULT_MIN_LENGTH = 8;

    private PasswordInput() {
    }

    /**
     * @throws IllegalArgumentException with a one-line reason if there is no line or it is too short
     */
    static char[] read(InputStream in, int minLength) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("give the password as one line on standard input");
        }
        if (line.codePointCount(0, line.length()) < minLength) {
            throw new IllegalArgumentException("the password must have at least " + minLength + " characters");
        }
        return line.toCharArray();
    }
}
