package armada.mailboat.users;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import armada.mailboat.UserNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The users file: one line per user, {@code name:pbkdf2-sha256:<iterations>:<salt>:<hash>}
 * (blank lines are ignored). It is replaced whole and atomically: a temporary file is written,
 * forced, renamed over the old one, and the directory is forced, so after a crash the file is
 * either the old one or the new one. The temporary name starts with a dot, so it is never a
 * user name.
 */
final class UsersFile {

    private UsersFile() {
    }

    /** The users in file order; an empty map if the file does not exist. */
    static Map<String, PasswordHash> read(Path file) throws IOException {
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return users;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != 5) {
                throw new UsersFileException(file, i + 1,
                        "expected name:pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>, found " + f.length
                                + " fields");
            }
            String name = f[0];
            if (!UserNames.valid(name) || UserStore.reserved(name)) {
                throw new UsersFileException(file, i + 1, "'" + printable(name) + "' is not a valid user name");
            }
            if (users.containsKey(name)) {
                throw new UsersFileException(file, i + 1, "user '" + name + "' appears twice");
            }
            try {
                users.put(name, PasswordHash.parse(f[1], f[2], f[3], f[4]));
            } catch (IllegalArgumentException e) {
                String why = Objects.requireNonNullElse(e.getMessage(), "malformed password hash");
                throw new UsersFileException(file, i + 1, why);
            }
        }
        return users;
    }

    /** Replaces {@code file} with {@code users}, atomically and durably. */
    static void write(Path file, Map<String, PasswordHash> users) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, PasswordHash> e : users.entrySet()) {
            text.append(e.getKey()).append(':').append(e.getValue().encode()).append('\n');
        }
        Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent()); // a file is never the root
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        try (FileChannel ch = FileChannel.open(tmp, WRITE, TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, ATOMIC_MOVE, REPLACE_EXISTING);
        forceDirectory(dir);
    }

    /** Creates an empty file readable by its owner only, where the file system has POSIX permissions. */
    private static void createPrivate(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes the entries of {@code dir} durable (fsync of the directory). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, READ)) {
            ch.force(true);
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
