package armada.mailboat.users;

import java.io.IOException;
import java.nio.file.Path;

/** The users file cannot be read as written: the message is one line naming the file and line. */
public final class UsersFileException extends IOException {

    UsersFileException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
    }
}
