package armada.mailboat.store;

import armada.world.Fd;
import armada.world.FileSystem;
import java.util.List;
import java.util.Optional;

/** A file system that passes every call to another: subclasses change the calls they override. */
public class ForwardingFileSystem implements FileSystem {

    private final FileSystem inner;

    public ForwardingFileSystem(FileSystem inner) {
        this.inner = inner;
    }

    @Override
    public List<String> directories() {
        return inner.directories();
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        return inner.create(dir, name);
    }

    @Override
    public Optional<Fd> open(String dir, String name) {
        return inner.open(dir, name);
    }

    @Override
    public void append(Fd fd, byte[] data) {
        inner.append(fd, data);
    }

    @Override
    public Optional<Fd> openWrite(String dir, String name) {
        return inner.openWrite(dir, name);
    }

    @Override
    public void write(Fd fd, long offset, byte[] data) {
        inner.write(fd, offset, data);
    }

    @Override
    public void truncate(Fd fd, long length) {
        inner.truncate(fd, length);
    }

    @Override
    public boolean mkdir(String dir) {
        return inner.mkdir(dir);
    }

    @Override
    public void rmdir(String dir) {
        inner.rmdir(dir);
    }

    @Override
    public byte[] read(Fd fd, long offset, int length) {
        return inner.read(fd, offset, length);
    }

    @Override
    public long size(Fd fd) {
        return inner.size(fd);
    }

    @Override
    public void close(Fd fd) {
        inner.close(fd);
    }

    @Override
    public boolean link(String fromDir, String fromName, String toDir, String toName) {
        return inner.link(fromDir, fromName, toDir, toName);
    }

    @Override
    public void rename(String fromDir, String fromName, String toDir, String toName) {
        inner.rename(fromDir, fromName, toDir, toName);
    }

    @Override
    public void unlink(String dir, String name) {
        inner.unlink(dir, name);
    }

    @Override
    public List<String> list(String dir) {
        return inner.list(dir);
    }

    @Override
    public void fsync(Fd fd) {
        inner.fsync(fd);
    }

    @Override
    public void fsyncDir(String dir) {
        inner.fsyncDir(dir);
    }
}
