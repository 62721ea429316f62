package armada.mailboat.bench;

import armada.mailboat.linux.LinuxFileSystem;
import java.util.Locale;

/** Which real file system the library runs on in a benchmark run. */
public enum FsKind {
    /** The server's: Linux {@code *at} system calls on kept directory descriptors ({@link LinuxFileSystem}). */
    LINUX,
    /** The World's portable one: Java NIO, a path per call ({@code armada.world.RealWorld}). */
    NIO;

    /** The name on the command line and in the JSON: {@code linux} or {@code nio}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the server uses here: {@link #LINUX} where it is available, else {@link #NIO}. */
    public static FsKind serverDefault() {
        return LinuxFileSystem.available() ? LINUX : NIO;
    }

    /** The kind named {@code label}; {@link IllegalArgumentException} naming the choices otherwise. */
    public static FsKind of(String label) {
        for (FsKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("file systems are 'linux' or 'nio', not '" + label + "'");
    }
}
