package armada.mailboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.users.UserStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adduser, passwd and deluser as a shell runs them: exit codes, one-line errors, the store they leave. */
class UserCommandsTest {

    @TempDir
    Path data;

    /** Runs the command line with {@code stdin}; returns the exit code and what went to standard error. */
    private record Run(int code, String err) {
    }

    private Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            return new Run(Main.execute(args), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setErr(err);
        }
    }

    @Test
    void shortPassword_isRefusedWithOneLine() throws Exception {
        // A minimum length (8 by default) for adduser and passwd; nothing is written.
        Run r = run("short\n", "adduser", "--data", data.toString(), "alice");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mailboat: the password must have at least 8 characters" + System.lineSeparator());
        assertThat(Files.exists(data.resolve("users"))).isFalse();
    }

    @Test
    void addPasswdDelete_changeTheStoreAndKeepTheMaildir() throws Exception {
        // The three commands in turn, each checked through a fresh store as a server sees it.
        assertThat(run("first-password\n", "adduser", "--data", data.toString(), "alice").code()).isZero();
        assertThat(UserStore.open(data).verify("alice", "first-password".toCharArray())).isTrue();
        assertThat(Files.isDirectory(data.resolve("alice/cur"))).isTrue();
        assertThat(run("pw\n", "passwd", "--data", data.toString(), "alice").code()).isEqualTo(2);
        assertThat(run("second-password\n", "passwd", "--data", data.toString(), "alice").code()).isZero();
        assertThat(UserStore.open(data).verify("alice", "second-password".toCharArray())).isTrue();
        assertThat(UserStore.open(data).verify("alice", "first-password".toCharArray())).isFalse();
        assertThat(run("", "deluser", "--data", data.toString(), "alice").code()).isZero();
        assertThat(UserStore.open(data).users()).isEmpty();
        assertThat(Files.isDirectory(data.resolve("alice/new"))).isTrue();
        Run again = run("", "deluser", "--data", data.toString(), "alice");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("mailboat: no user 'alice'" + System.lineSeparator());
    }

    @Test
    void serveWithABadConfigFile_isAOneLineUsageError() throws Exception {
        // No stack trace: the file, the line and the key.
        Path conf = data.resolve("bad.conf");
        Files.writeString(conf, "data = " + data + "\nidle-timeout = whenever\n");
        Run r = run("", "serve", "--config", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("mailboat: idle-timeout: 'whenever'");
    }
}
