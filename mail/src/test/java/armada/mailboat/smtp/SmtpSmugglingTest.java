package armada.mailboat.smtp;

import static armada.mailboat.smtp.SmugglingCorpus.OPENING;
import static armada.mailboat.smtp.SmugglingCorpus.assertInStep;
import static armada.mailboat.smtp.SmugglingCorpus.assertOnlyClean;
import static armada.mailboat.smtp.SmugglingCorpus.data;
import static armada.mailboat.smtp.SmugglingCorpus.dialogue;
import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMTP smuggling over a real server on an ephemeral port: every attack of
 * {@link SmugglingCorpus}, sent the way a relay sends (waiting for each reply), pipelined in
 * one write, octet by octet, and split in two at every octet of the transaction. In every case
 * the only end of data is CRLF.CRLF, so the hidden transaction is text of the refused message:
 * one 550 for it, the clean transaction after it delivered, nothing from the forged sender
 * stored.
 */
class SmtpSmugglingTest {

    @TempDir
    Path root;

    private SmtpHarness server;

    @BeforeEach
    void start() throws IOException {
        // Every attack is one error; the split test makes hundreds on one connection.
        ServerConfig config = SmtpHarness.config();
        server = SmtpHarness.start(root, SmtpHarness.limits(config, config.idleTimeout(), config.maxMessageSize(),
                config.maxRecipients(), 1_000_000));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armada.mailboat.smtp.SmugglingCorpus#attacks")
    void attackSentCommandByCommand_isOneRefusedMessageAndNoHiddenCommandRuns(String attack) throws IOException {
        // As a relay forwards it: each command waits for its reply, the message text goes in
        // one write. The fake end is not CRLF.CRLF, so everything up to the real end is text.
        try (SmtpClient c = server.connect()) {
            List<String> replies = new ArrayList<>();
            replies.add(c.reply());
            for (String step : SmugglingCorpus.steps(attack)) {
                c.write(step);
                replies.add(c.reply());
            }
            assertInStep(replies);
            assertThat(c.closedByServer()).isTrue();
        }
        assertOnlyClean(server, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armada.mailboat.smtp.SmugglingCorpus#attacks")
    void attackPipelinedInOneWrite_isOneRefusedMessageAndNoHiddenCommandRuns(String attack) throws IOException {
        // The whole dialogue arrives at once: the hidden commands sit in the server's buffer
        // right after the fake end, where a lenient reader would take them as commands.
        try (SmtpClient c = server.connect()) {
            c.write(dialogue(attack));
            assertInStep(c.repliesUntilClosed());
        }
        assertOnlyClean(server, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armada.mailboat.smtp.SmugglingCorpus#attacks")
    void attackWrittenOctetByOctet_isOneRefusedMessageAndNoHiddenCommandRuns(String attack) throws IOException {
        // Each octet in its own write: the fake end, the CR and LF of every line break, arrive
        // in separate reads as far as the network stack allows; framing must not depend on it.
        try (SmtpClient c = server.connect()) {
            c.writeBytewise(dialogue(attack));
            assertInStep(c.repliesUntilClosed());
        }
        assertOnlyClean(server, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armada.mailboat.smtp.SmugglingCorpus#attacks")
    void attackSplitInTwoAtEveryOctet_isOneRefusedMessageEveryTime(String attack) throws IOException {
        // One transaction (MAIL, RCPT, DATA and the text) per split point, all on one
        // connection: whatever the segment boundary, each is answered 250 250 354 550, so the
        // stream stays in step round after round, and only the final clean message is stored.
        String round = String.join("", OPENING.subList(1, OPENING.size())) + data(attack);
        try (SmtpClient c = server.connect()) {
            c.hello();
            for (int at = 1; at < round.length(); at++) {
                c.writeSplit(round, at);
                List<String> replies = List.of(c.reply(), c.reply(), c.reply(), c.reply());
                assertThat(replies).as("split at %d", at).extracting(r -> r.substring(0, 3))
                        .containsExactly("250", "250", "354", "550");
                assertThat(replies.get(3)).as("split at %d", at).isEqualTo(SmugglingCorpus.REFUSED);
            }
            List<String> after = new ArrayList<>();
            for (String step : SmugglingCorpus.AFTER) {
                c.write(step);
                after.add(c.reply());
            }
            assertThat(after).extracting(r -> r.substring(0, 3)).containsExactly("250", "250", "354", "250", "221");
            assertThat(c.closedByServer()).isTrue();
        }
        assertOnlyClean(server, 1);
    }

    @Test
    void realEndThenCommands_runTheCommands_soTheCorpusChecksCanFail() throws IOException {
        // The control: with CRLF.CRLF where the attacks have their fake end, the hidden
        // transaction is a real one and is delivered; the checks above would see exactly that.
        try (SmtpClient c = server.connect()) {
            c.write(dialogue("Subject: outer\r\n\r\nouter body\r\n.\r\n"));
            assertThat(c.repliesUntilClosed()).extracting(r -> r.substring(0, 3)).containsExactly("220", "250", "250",
                    "250", "354", "250", "250", "250", "354", "250", "250", "250", "354", "250", "221");
        }
        assertThat(server.inbox("alice")).extracting(SmugglingCorpus::text).hasSize(3)
                .anyMatch(m -> m.startsWith("Return-Path: <" + SmugglingCorpus.FORGED + ">"));
    }
}
