package armada.world;

import java.util.List;

/**
 * Call sequences every real file system must run as the model does, with lines their transcript
 * must hold (what the model says, which the real one must match). Shared by the conformance
 * tests of each backend.
 */
final class KnownSequences {

    private KnownSequences() {
    }

    /** A call sequence and lines its transcript must contain. */
    record Sequence(List<FsCall> calls, List<String> transcriptHolds) {
    }

    /**
     * Run-time directories: created below a declared one, listed by their parent, refused where
     * a file call names them, removable only when empty; their files reachable.
     */
    static Sequence directoriesAtRunTime() {
        byte[] one = {1};
        List<FsCall> calls = List.of(
                new FsCall.Mkdir("d0/s/t"),
                new FsCall.Mkdir("d0/s"),
                new FsCall.Mkdir("d0/s"),
                new FsCall.Mkdir("d0/s/t"),
                new FsCall.Create("d0/s/t", "f"),
                new FsCall.Append(0, one),
                new FsCall.ListDir("d0"),
                new FsCall.ListDir("d0/s"),
                new FsCall.Open("d0", "s"),
                new FsCall.OpenWrite("d0", "s"),
                new FsCall.Unlink("d0", "s"),
                new FsCall.Create("d0", "s"),
                new FsCall.Create("d0", "a"),
                new FsCall.Rename("d0", "a", "d0", "s"),
                new FsCall.Rename("d0", "s", "d0", "b"),
                new FsCall.Link("d0", "s", "d1", "x"),
                new FsCall.Link("d0", "a", "d0", "s"),
                new FsCall.Mkdir("d0/a"),
                new FsCall.Rmdir("d0/s"),
                new FsCall.Rmdir("d0"),
                new FsCall.Rmdir("d1/s"),
                new FsCall.Unlink("d0/s/t", "f"),
                new FsCall.Rmdir("d0/s/t"),
                new FsCall.Create("d0/s/t", "g"),
                new FsCall.ListDir("d0/s/t"),
                new FsCall.Rename("d0", "a", "d0/s", "a"),
                new FsCall.FsyncDir("d0/s"),
                new FsCall.Rmdir("d0/s"),
                new FsCall.Append(0, one),
                new FsCall.Read(0, 0, 10));
        return new Sequence(calls, List.of(
                "mkdir(\"d0/s/t\")  throws armada.world.MissingFileException: \"no directory d0/s\"",
                "open(\"d0\", \"s\")  throws java.lang.IllegalArgumentException: \"d0/s is a directory\"",
                "rmdir(\"d0/s\")  throws java.lang.IllegalStateException: \"the directory d0/s is not empty\"",
                "rmdir(\"d0\")  throws java.lang.IllegalArgumentException: \"the declared directory d0 cannot be removed\"",
                "create(\"d0/s/t\", \"g\")  throws armada.world.MissingFileException: \"no directory d0/s/t\""));
    }

    /**
     * An existing file reopened for writing: overwrite in place, write past the end (a gap of
     * zeros), append after that, cut, grow with zeros.
     */
    static Sequence positionalWritesAndTruncation() {
        List<FsCall> calls = List.of(
                new FsCall.Create("d0", "log"),
                new FsCall.Append(0, new byte[] {1, 2, 3, 4}),
                new FsCall.Close(0),
                new FsCall.OpenWrite("d0", "log"),
                new FsCall.Write(1, 1, new byte[] {9, 9}),
                new FsCall.Write(1, 6, new byte[] {7}),
                new FsCall.Append(1, new byte[] {5}),
                new FsCall.Read(1, 0, 100),
                new FsCall.Truncate(1, 3),
                new FsCall.Truncate(1, 5),
                new FsCall.Size(1),
                new FsCall.Write(1, 600, new byte[0]),
                new FsCall.Read(1, 0, 100),
                new FsCall.OpenWrite("d0", "none"),
                new FsCall.Open("d0", "log"),
                new FsCall.Write(2, 0, new byte[] {1}));
        return new Sequence(calls, List.of(
                "read(fd1, 0, 100)  -> 8 bytes 0109090400000705",
                "read(fd1, 0, 100)  -> 5 bytes 0109090000",
                "throws java.lang.IllegalStateException: \"d0/log is open for reading, not writing\""));
    }
}
