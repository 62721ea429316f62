package armada.world;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The rules for file and directory names, shared by the real and the simulated file system. */
public final class Names {

    /** The most bytes a name may have in UTF-8, as on Linux. */
    public static final int MAX_BYTES = 255;

    private Names() {
    }

    /** Returns {@code name} if it is a valid single path component, else throws with the reason. */
    public static String check(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a file name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a file name");
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a file name must not contain '/': " + printable(name));
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a file name must not contain NUL: " + printable(name));
        }
        if (name.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("a file name must be valid Unicode (it has an unpaired surrogate)");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a file name has at most " + MAX_BYTES + " bytes, not " + bytes);
        }
        return name;
    }

    /**
     * Returns {@code path} if it is a relative directory path: one or more valid names joined
     * by {@code /} (such as {@code alice/new}), else throws with the reason.
     */
    public static String checkDirectoryPath(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a directory path must not be empty");
        }
        for (String part : path.split("/", -1)) {
            check(part);
        }
        return path;
    }

    /** Returns {@code dir} if it is one of {@code declared}, else throws. */
    public static String checkDirectory(String dir, List<String> declared) {
        if (!declared.contains(dir)) {
            throw new IllegalArgumentException("no directory '" + printable(dir) + "' (declared: "
                    + String.join(", ", declared) + ")");
        }
        return dir;
    }

    /**
     * Returns {@code dir} if it is declared or a valid path below a declared directory (where a
     * directory may be created at run time), else throws: an undeclared directory is the same
     * {@link IllegalArgumentException} as with {@link #checkDirectory}.
     */
    public static String checkDirectoryOrBelow(String dir, List<String> declared) {
        if (declared.contains(dir)) {
            return dir;
        }
        if (!dir.isEmpty() && below(dir, declared)) {
            checkDirectoryPath(dir);
            return dir;
        }
        return checkDirectory(dir, declared);
    }

    /** Whether {@code dir} starts with a declared directory followed by {@code /}. */
    private static boolean below(String dir, List<String> declared) {
        for (String d : declared) {
            if (dir.length() > d.length() + 1 && dir.startsWith(d) && dir.charAt(d.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    /** The parent of a directory path, or null for a path of one name. */
    public static @org.jspecify.annotations.Nullable String parent(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash < 0 ? null : dir.substring(0, slash);
    }

    /** The last name of a directory path. */
    public static String last(String dir) {
        return dir.substring(dir.lastIndexOf('/') + 1);
    }

    private static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
