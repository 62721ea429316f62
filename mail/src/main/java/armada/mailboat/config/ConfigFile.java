package armada.mailboat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration file of {@code mailboat serve --config FILE}: one {@code key = value} per
 * line, blank lines and lines starting with {@code #} ignored, spaces around key and value
 * dropped. The keys are the long options of {@code serve} without their dashes ({@link Settings#KEYS});
 * {@code domain} takes a comma-separated list. An option given on the command line wins over the
 * file. A line that is not {@code key = value}, an unknown key or a key given twice is an error
 * naming the file and line.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * The settings in {@code file}, in file order.
     *
     * @throws IllegalArgumentException with a one-line reason naming the file and line
     */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + "expected key = value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!Settings.KEYS.contains(key)) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' (known: "
                        + String.join(", ", Settings.KEYS) + ")");
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException(where + "'" + key + "' is set twice");
            }
            values.put(key, value);
        }
        return values;
    }
}
