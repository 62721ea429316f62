package armada.mailboat.torture;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.History;
import armada.history.HistoryModel;
import armada.history.HistoryResult;
import armada.history.format.HistoryFiles;
import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.MailSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TortureTest {

    @TempDir
    Path data;

    @Test
    void shortRunWithKills_losesNothing() throws Exception {
        // The CI form of `mailboat torture`: real server processes killed with SIGKILL under
        // load; every acknowledged message must be there exactly once, byte for byte.
        Torture.Result r = new Torture(data, 3, 3, 200, 800, 42).run();
        assertThat(r.problems()).as(r.summary()).isEmpty();
        assertThat(r.acknowledged()).as("the senders got messages through between kills").isPositive();
        assertThat(r.present()).isGreaterThanOrEqualTo(r.acknowledged());
    }

    @Test
    void recordedHistory_ofTheRealServer_isLinearizable() throws Exception {
        // The clients' own record of the run (deliveries across kills and restarts, the final
        // pickup) is judged against the Mailboat spec by the history checker.
        Path file = data.resolve("history.jsonl");
        Torture.Result r = new Torture(data, 3, 3, 200, 800, 7).run(new Torture.Recording(file, 6, null));

        assertThat(r.problems()).as(r.summary()).isEmpty();
        assertThat(r.history()).isInstanceOf(HistoryResult.Linearizable.class);
        History h = HistoryFiles.read(file, new HistoryModel<>("mail", new MailSpec(Set.of(), List.of()), MailOp.class));
        assertThat(h.episodes()).hasSize(3);
        assertThat(h.operations()).filteredOn(o -> o.op() instanceof MailOp.Deliver).hasSizeGreaterThan(3);
        assertThat(h.operations()).filteredOn(o -> o.op() instanceof MailOp.Pickup).singleElement()
                .satisfies(o -> assertThat((List<?>) o.result()).hasSizeGreaterThanOrEqualTo(r.acknowledged()));
        assertThat(Path.of(file + ".html")).isNotEmptyFile();
    }

    @Test
    void plantedPickupBug_isCaughtFromTheRecordedHistoryAlone() throws Exception {
        // The server's POP3 login leaves a message out (a test-only switch): the history checker,
        // knowing only what the clients saw, finds no order of spec steps that explains the pickup.
        Torture.Result r = new Torture(data, 2, 2, 200, 600, 11)
                .run(new Torture.Recording(data.resolve("bad.jsonl"), 4, "pickup-skips-a-message"));

        assertThat(r.acknowledged()).isPositive();
        assertThat(r.history()).as(r.summary()).isInstanceOf(HistoryResult.NotLinearizable.class);
        HistoryResult.NotLinearizable n = (HistoryResult.NotLinearizable) r.history();
        assertThat(n.longest().getFirst().unplaced().op()).isInstanceOf(MailOp.Pickup.class);
        assertThat(r.problems().getFirst()).startsWith("the recorded history is NOT_LINEARIZABLE");
    }

    private static byte[] stored(byte[] original) {
        byte[] received = "Return-Path: <a@b>\r\nReceived: from x by y; now\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[received.length + original.length];
        System.arraycopy(received, 0, out, 0, received.length);
        System.arraycopy(original, 0, out, received.length, original.length);
        return out;
    }

    @Test
    void verdict_catchesLossDuplicatesCorruptionAndStrangers() {
        // Known-bad mailboxes the verdict must reject, and the good one it must accept.
        byte[] a = Senders.message("0.0.0", new Random(1));
        byte[] b = Senders.message("0.0.1", new Random(2));
        byte[] c = Senders.message("0.1.0", new Random(3));
        Map<String, byte[]> sent = Map.of("0.0.0", a, "0.0.1", b, "0.1.0", c);
        Set<String> acked = Set.of("0.0.0", "0.0.1");
        assertThat(Torture.verify(sent, acked, List.of(stored(a), stored(b)))).isEmpty();
        assertThat(Torture.verify(sent, acked, List.of(stored(a), stored(b), stored(c)))).isEmpty();
        assertThat(Torture.verify(sent, acked, List.of(stored(a))))
                .containsExactly("acknowledged message 0.0.1 is present 0 times");
        assertThat(Torture.verify(sent, acked, List.of(stored(a), stored(b), stored(b))))
                .containsExactly("acknowledged message 0.0.1 is present 2 times");
        assertThat(Torture.verify(sent, acked, List.of(stored(a), stored(b), stored(c), stored(c))))
                .containsExactly("message 0.1.0 (in flight at a kill) is present 2 times");
        byte[] corrupt = stored(b);
        corrupt[corrupt.length - 3] ^= 1;
        assertThat(Torture.verify(sent, acked, List.of(stored(a), corrupt)))
                .containsExactly("message 0.0.1 is not byte-identical to what was sent (after its trace headers)");
        byte[] hello = "hello\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Torture.verify(sent, acked, List.of(stored(a), stored(b), stored(hello))))
                .singleElement().asString().startsWith("a message that nobody sent");
    }

    @Test
    void dotStuffing_roundTrips() {
        // What the senders put on the wire unstuffs to the message itself.
        byte[] m = ".a\r\nb\r\n..c\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(Senders.stuff(m), StandardCharsets.ISO_8859_1)).isEqualTo("..a\r\nb\r\n...c\r\n.\r\n");
    }
}
