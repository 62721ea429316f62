package armada.mailboat.smtp;

import static armada.mailboat.smtp.SmugglingCorpus.AFTER;
import static armada.mailboat.smtp.SmugglingCorpus.HIDDEN;
import static armada.mailboat.smtp.SmugglingCorpus.REAL_END;
import static armada.mailboat.smtp.SmugglingCorpus.REFUSED;
import static armada.mailboat.smtp.SmugglingCorpus.assertInStep;
import static armada.mailboat.smtp.SmugglingCorpus.assertOnlyClean;
import static armada.mailboat.smtp.SmugglingCorpus.dialogue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Smuggling through the corners of the framing rather than the dot itself: an over-long text
 * line (skipped, or given up on in its middle) just before a dot, and a DATA command ended by
 * a bare LF. Each dialogue is pipelined in one write, as in {@link SmtpSmugglingTest}.
 */
class SmtpSmugglingFramingTest {

    private static final String LINE_TOO_LONG = "500 5.5.2 line too long";

    @TempDir
    Path root;

    private SmtpHarness server;

    @BeforeEach
    void start() throws IOException {
        server = SmtpHarness.start(root, SmtpHarness.config());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\r\n", "\n.\n", "\r\n.\n", "\r.\r\n", "\n\r.\r\n"})
    void overLongLineThenFakeEnd_isOneRefusedMessageAndNoHiddenCommandRuns(String fakeEnd) throws IOException {
        // The 1200-octet line is skipped to its LF; whether a CR came before that LF decides
        // whether the dot after it can end the data. Here it never can: no CRLF.CRLF.
        try (SmtpClient c = server.connect()) {
            c.write(dialogue("text\r\n" + "y".repeat(1200) + fakeEnd));
            assertInStep(c.repliesUntilClosed(), LINE_TOO_LONG, "fake end " + SmugglingCorpus.show(fakeEnd));
        }
        assertOnlyClean(server, 1);
    }

    @Test
    void lineGivenUpOnWhoseTailIsADot_isNoEnd() throws IOException {
        // A line with no LF for 64,000 octets past the limit is given up on, and reading goes
        // on from its middle. Whatever the length, the rest of that line ("y...y." or just ".")
        // does not start after a CRLF, so it cannot be the end of data.
        for (int length = 64_980; length <= 65_020; length++) {
            try (SmtpClient c = server.connect()) {
                c.write(dialogue("y".repeat(length) + ".\r\n"));
                assertInStep(c.repliesUntilClosed(), LINE_TOO_LONG, "line of " + length);
            }
        }
        assertOnlyClean(server, 65_020 - 64_980 + 1);
    }

    @Test
    void dataCommandEndedByBareLfThenDot_isNoEnd() throws IOException {
        // "DATA<LF>.<CR><LF>" holds no CRLF.CRLF: the DATA line's own ending comes before the
        // dot. The dot line is text, the message is refused at the real end, and the hidden
        // transaction is never a command.
        try (SmtpClient c = server.connect()) {
            c.write("EHLO client.test\r\nMAIL FROM:<sender@b.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\n"
                    + ".\r\n" + HIDDEN + REAL_END + String.join("", AFTER));
            assertInStep(c.repliesUntilClosed(), REFUSED, "DATA<LF>");
        }
        assertOnlyClean(server, 1);
    }
}
