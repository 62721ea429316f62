package armada.mailboat.torture;

import armada.history.History;
import armada.history.HistoryChecker;
import armada.history.HistoryOptions;
import armada.history.HistoryResult;
import armada.history.format.JsonLines;
import armada.history.format.OpCodec;
import armada.mailboat.spec.MailSpec;
import armada.mailboat.spec.Message;
import armada.mailboat.users.UserStore;
import armada.report.HistoryHtml;
import armada.report.HistoryRenderer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs concurrent SMTP senders against a server process, kills it with SIGKILL at random
 * moments and restarts it; at the end fetches everything over POP3 and checks that every
 * message that got a 250 is present exactly once and byte-identical (after the trace headers
 * the server adds), and that nothing else is present but messages whose DATA was in flight at
 * a kill. Everything random derives from one seed.
 *
 * @param kills how many times the server is killed
 * @param senders concurrent SMTP senders
 * @param minMillis the shortest time the server runs before a kill
 * @param maxMillis the longest
 */
public record Torture(Path data, int kills, int senders, long minMillis, long maxMillis, long seed) {

    static final String USER = "torture";
    private static final String PASSWORD = "torture-password";
    private static final Pattern TOKEN = Pattern.compile("X-Torture-Id: (\\S+)");

    /**
     * What the run found; {@code history} is the history checker's verdict on the recorded
     * history (null when none was recorded).
     */
    public record Result(int kills, int acknowledged, int inFlight, int present, List<String> problems,
            @Nullable HistoryResult history) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String summary() {
            return "torture: " + kills + " kills, " + acknowledged + " acknowledged, " + inFlight
                    + " in flight at a kill, " + present + " present" + (history == null ? "" : ", history "
                    + history.label() + " (" + history.stats().operations() + " operations)")
                    + ": " + (ok() ? "OK" : problems.size() + " problems");
        }
    }

    /**
     * Recording the run's history: it is written to {@code file} (JSON lines, docs/HISTORY.md)
     * with a timeline page beside it ({@code file}.html), and judged against the Mailboat spec.
     *
     * @param messagesPerRound the most messages each sender sends between two kills, which keeps
     *     the history small enough to judge
     * @param plantedBug a planted server bug to turn on (only {@code pickup-skips-a-message}), or null
     */
    public record Recording(Path file, int messagesPerRound, @Nullable String plantedBug) {
    }

    public Result run() throws IOException, InterruptedException {
        return run(null);
    }

    /** The run, recording its history as {@code recording} says (if not null). */
    public Result run(@Nullable Recording recording) throws IOException, InterruptedException {
        UserStore users = UserStore.open(data);
        if (!users.users().contains(USER)) {
            users.add(USER, PASSWORD.toCharArray());
        }
        Path log = data.resolve("torture-server.log");
        Random random = new Random(seed);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Recorder recorder = recording == null ? null : new Recorder();
        List<String> jvm = recording == null || recording.plantedBug() == null ? List.of()
                : List.of("-Darmada.mailboat.plantedBug=" + recording.plantedBug());
        int quota = recording == null ? 100_000 : recording.messagesPerRound();
        for (int round = 0; round < kills; round++) {
            ServerProcess server = ServerProcess.start(data, log, 60, jvm);
            if (recorder != null && round > 0) {
                recorder.recovered();
            }
            Senders load = Senders.start(server.smtp, senders, round, seed + round, sent, acked, recorder, quota);
            Thread.sleep(minMillis + (long) (random.nextDouble() * (maxMillis - minMillis)));
            server.kill();
            load.stop();
            if (recorder != null) {
                recorder.crash(); // after the senders stopped: every reply the server sent is recorded before it
            }
        }
        ServerProcess last = ServerProcess.start(data, log, 60, jvm);
        if (recorder != null && kills > 0) {
            recorder.recovered();
        }
        List<byte[]> stored;
        List<String> problems = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        try {
            stored = fetchAll(last, recorder, sent, uids);
        } finally {
            int code = last.stop();
            if (code != 0 && code != 143) {
                problems.add("the server exited with " + code + " on SIGTERM");
            }
        }
        problems.addAll(verify(sent, acked, stored));
        Collections.sort(problems);
        HistoryResult verdict = null;
        if (recorder != null && recording != null) {
            History h = recorder.history();
            verdict = judge(h, uids, recorder.deliveries());
            write(recording.file(), h, verdict);
            if (!(verdict instanceof HistoryResult.Linearizable)) {
                problems.add(0, "the recorded history is " + verdict.label() + HistoryRenderer.render("", verdict)
                        .lines().skip(1).map(l -> "\n" + l).reduce("", String::concat));
            }
        }
        return new Result(kills, acked.size(), sent.size() - acked.size(), stored.size(), List.copyOf(problems), verdict);
    }

    /**
     * The history checker's verdict on a recorded history, against the Mailboat spec with user
     * {@value #USER} and, as the ids the library may choose, those the Pickup saw and one spare
     * per delivery (so that messages never picked up can always be named).
     */
    static HistoryResult judge(History h, List<String> seenIds, int deliveries) {
        List<String> ids = new ArrayList<>(seenIds);
        for (int k = 0; k < deliveries; k++) {
            ids.add("spare-" + k);
        }
        MailSpec spec = new MailSpec(Set.of(USER), ids);
        return new HistoryChecker<>(spec, HistoryOptions.DEFAULTS.withSeconds(300)).check(h);
    }

    private static void write(Path file, History h, HistoryResult verdict) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonLines.write(h, out);
        } catch (OpCodec.CodecException e) {
            throw new IOException("cannot write the history: " + e.getMessage(), e);
        }
        Files.writeString(Path.of(file + ".html"), HistoryHtml.render(String.valueOf(file.getFileName()), h, verdict),
                StandardCharsets.UTF_8);
    }

    /**
     * The verdict on what the mailbox holds: every acknowledged message exactly once and
     * byte-identical after its trace headers, messages in flight at most once, nothing else.
     */
    static List<String> verify(Map<String, byte[]> sent, Set<String> acked, List<byte[]> stored) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (byte[] message : stored) {
            check(message, sent, counts, problems);
        }
        for (String id : acked) {
            int n = counts.getOrDefault(id, 0);
            if (n != 1) {
                problems.add("acknowledged message " + id + " is present " + n + " times");
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1 && !acked.contains(e.getKey())) {
                problems.add("message " + e.getKey() + " (in flight at a kill) is present " + e.getValue() + " times");
            }
        }
        Collections.sort(problems);
        return problems;
    }

    private static void check(byte[] stored, Map<String, byte[]> sent, Map<String, Integer> counts,
            List<String> problems) {
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            problems.add("a message that nobody sent: " + text.substring(0, Math.min(80, text.length())));
            return;
        }
        String id = m.group(1);
        counts.merge(id, 1, Integer::sum);
        byte[] original = sent.get(id);
        if (original == null) {
            problems.add("message " + id + " was never sent");
            return;
        }
        String expected = new String(original, StandardCharsets.ISO_8859_1);
        if (!text.endsWith(expected) || !text.startsWith("Return-Path: ")) {
            problems.add("message " + id + " is not byte-identical to what was sent (after its trace headers)");
        }
    }

    /**
     * Every message, over one POP3 session; with a recorder, the session is recorded as a Pickup
     * (from login to the last message read: its result is each message's UIDL and contents,
     * without the trace headers the server added) and an Unlock (QUIT).
     */
    private static List<byte[]> fetchAll(ServerProcess server, @Nullable Recorder recorder, Map<String, byte[]> sent,
            List<String> uids) throws IOException {
        List<byte[]> out = new ArrayList<>();
        int client = recorder == null ? -1 : recorder.client();
        try (WireClient c = new WireClient(server.pop3, 30_000)) {
            expectOk(c.line());
            if (recorder != null) {
                recorder.pickup(client, 1);
            }
            c.send("USER " + USER);
            expectOk(c.line());
            c.send("PASS " + PASSWORD);
            expectOk(c.line());
            c.send("STAT");
            String stat = c.line();
            expectOk(stat);
            int n = Integer.parseInt(stat.split(" ")[1]);
            List<Message> picked = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                c.send("UIDL " + i);
                String uidl = c.line();
                expectOk(uidl);
                c.send("RETR " + i);
                expectOk(c.line());
                byte[] message = c.multiline();
                out.add(message);
                String uid = uidl.split(" ")[2];
                uids.add(uid);
                picked.add(new Message(uid, withoutTraceHeaders(message, sent)));
            }
            if (recorder != null) {
                picked.sort(java.util.Comparator.comparing(Message::id));
                recorder.pickedUp(client, picked);
                recorder.unlock(client, 1);
            }
            c.send("QUIT");
            expectOk(c.line());
            if (recorder != null) {
                recorder.unlocked(client);
            }
        }
        return out;
    }

    /**
     * A stored message as the sender sent it: the message that its X-Torture-Id names, if the
     * stored one ends with it (after the trace headers the server puts first); else all of it.
     */
    private static String withoutTraceHeaders(byte[] stored, Map<String, byte[]> sent) {
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        Matcher m = TOKEN.matcher(text);
        byte[] original = m.find() ? sent.get(m.group(1)) : null;
        if (original != null) {
            String expected = new String(original, StandardCharsets.ISO_8859_1);
            if (text.endsWith(expected)) {
                return expected;
            }
        }
        return text;
    }

    private static void expectOk(String reply) throws IOException {
        if (!reply.startsWith("+OK")) {
            throw new IOException("POP3 said: " + reply);
        }
    }
}
