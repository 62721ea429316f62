package armada.mailboat;

import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Users files for tests, each made once per JVM (a password hash costs a real PBKDF2 run of
 * 600,000 iterations) and copied into each data directory that wants it.
 */
public final class TestUsers {

    private static final Map<Map<String, String>, byte[]> FILES = new HashMap<>();

    private TestUsers() {
    }

    /** Writes a users file with {@code passwords} (user to password) into {@code data} and opens the store. */
    public static UserStore write(Path data, Map<String, String> passwords) throws IOException {
        Files.createDirectories(data);
        Files.write(data.resolve("users"), file(passwords));
        return UserStore.open(data);
    }

    private static synchronized byte[] file(Map<String, String> passwords) throws IOException {
        Map<String, String> key = new TreeMap<>(passwords);
        byte[] made = FILES.get(key);
        if (made == null) {
            Path dir = Files.createTempDirectory("test-users");
            try {
                UserStore store = UserStore.open(dir);
                for (Map.Entry<String, String> e : key.entrySet()) {
                    store.add(e.getKey(), e.getValue().toCharArray());
                }
                made = Files.readAllBytes(store.file());
            } finally {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            FILES.put(key, made);
        }
        return made;
    }
}
