package armada.mailboat.torture;

import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** What the run found. */
    public record Result(int kills, int acknowledged, int inFlight, int present, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String summary() {
            return "torture: " + kills + " kills, " + acknowledged + " acknowledged, " + inFlight
                    + " in flight at a kill, " + present + " present: " + (ok() ? "OK" : problems.size() + " problems");
        }
    }

    public Result run() throws IOException, InterruptedException {
        UserStore users = UserStore.open(data);
        if (!users.users().contains(USER)) {
            users.add(USER, PASSWORD.toCharArray());
        }
        Path log = data.resolve("torture-server.log");
        Random random = new Random(seed);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < kills; round++) {
            ServerProcess server = ServerProcess.start(data, log, 60);
            Senders load = Senders.start(server.smtp, senders, round, seed + round, sent, acked);
            Thread.sleep(minMillis + (long) (random.nextDouble() * (maxMillis - minMillis)));
            server.kill();
            load.stop();
        }
        ServerProcess last = ServerProcess.start(data, log, 60);
        List<byte[]> stored;
        List<String> problems = new ArrayList<>();
        try {
            stored = fetchAll(last);
        } finally {
            int code = last.stop();
            if (code != 0 && code != 143) {
                problems.add("the server exited with " + code + " on SIGTERM");
            }
        }
        problems.addAll(verify(sent, acked, stored));
        Collections.sort(problems);
        return new Result(kills, acked.size(), sent.size() - acked.size(), stored.size(), List.copyOf(problems));
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

    private static List<byte[]> fetchAll(ServerProcess server) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (WireClient c = new WireClient(server.pop3, 30_000)) {
            expectOk(c.line());
            c.send("USER " + USER);
            expectOk(c.line());
            c.send("PASS " + PASSWORD);
            expectOk(c.line());
            c.send("STAT");
            String stat = c.line();
            expectOk(stat);
            int n = Integer.parseInt(stat.split(" ")[1]);
            for (int i = 1; i <= n; i++) {
                c.send("RETR " + i);
                expectOk(c.line());
                out.add(c.multiline());
            }
            c.send("QUIT");
            expectOk(c.line());
        }
        return out;
    }

    private static void expectOk(String reply) throws IOException {
        if (!reply.startsWith("+OK")) {
            throw new IOException("POP3 said: " + reply);
        }
    }
}
