package armada.examples.applog;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Cell;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable register kept as an append-only log in the directory {@value #DIR}. Each boot
 * writes its own segment {@code seg-N} (the World opens a file for appending only when it
 * creates it). Put, under the lock, appends a record (length, value, checksum), fsyncs the
 * segment, and only then updates the value in memory and returns. Get reads the value in memory.
 * Recovery reads every segment in order, keeps the value of the last whole record (a record a
 * crash tore is left out: its checksum or its length does not match), starts a new segment and
 * fsyncs the directory, so that the segment's name is durable before any Put counts on it.
 *
 * <p>The class is open for the variants, which each override one step.
 */
public class AppLog {

    /** The directory the scenarios declare. */
    public static final String DIR = "log";

    protected final World world;
    protected final FileSystem fs;
    protected final Lock lock;
    protected final Cell<String> value;
    /** The name of the segment this boot appends to. */
    protected final String newest;
    protected final Fd segment;

    protected AppLog(World world) {
        this.world = world;
        this.fs = world.fileSystem();
        this.lock = world.newLock();
        this.value = world.newCell("");
        List<String> existing = segments();
        this.newest = "seg-" + (existing.isEmpty() ? 0 : number(existing.getLast()) + 1);
        this.segment = openSegment(newest);
    }

    public static AppLog boot(World world) {
        return new AppLog(world);
    }

    public static AppLog recover(World world) {
        AppLog log = new AppLog(world);
        log.replay();
        return log;
    }

    /** Creates the segment {@code name} and makes its name durable. */
    private Fd openSegment(String name) {
        Fd fd = fs.create(DIR, name).orElseThrow(() -> new IllegalStateException(DIR + "/" + name + " exists"));
        fs.fsyncDir(DIR);
        return fd;
    }

    private static int number(String segment) {
        return Integer.parseInt(segment.substring(4));
    }

    /** The segments, oldest first. */
    protected final List<String> segments() {
        List<String> names = new ArrayList<>();
        for (String n : fs.list(DIR)) {
            if (n.startsWith("seg-")) {
                names.add(n);
            }
        }
        names.sort((a, b) -> Integer.compare(number(a), number(b)));
        return names;
    }

    /** Sets the value in memory to the last whole record of the log. */
    protected void replay() {
        String last = "";
        for (String name : segments()) {
            for (String v : records(read(name))) {
                last = v;
            }
        }
        lock.lock();
        value.set(last);
        lock.unlock();
    }

    /** The records of one segment's bytes. */
    protected List<String> records(byte[] segmentBytes) {
        return Records.parse(segmentBytes);
    }

    protected final byte[] read(String name) {
        Fd fd = fs.open(DIR, name).orElseThrow();
        byte[] b = fs.read(fd, 0, (int) fs.size(fd));
        fs.close(fd);
        return b;
    }

    public void put(String v) {
        lock.lock();
        fs.append(segment, Records.encode(v));
        durable(segment);
        value.set(v);
        lock.unlock();
    }

    /** Makes the appended record durable before Put returns. */
    protected void durable(Fd fd) {
        fs.fsync(fd);
    }

    public String get() {
        lock.lock();
        String v = value.get();
        lock.unlock();
        return v;
    }

    public static Object apply(AppLog log, Op<?> op) {
        return switch ((LogOp<?>) op) {
            case LogOp.Put(String v) -> {
                log.put(v);
                yield Unit.UNIT;
            }
            case LogOp.Get() -> log.get();
        };
    }
}
