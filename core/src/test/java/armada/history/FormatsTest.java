package armada.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.history.format.FormatException;
import armada.history.format.HistoryFiles;
import armada.history.format.JsonLines;
import armada.history.format.OpCodec;
import armada.history.models.CasOp;
import armada.history.models.CasValue;
import armada.history.models.KvOp;
import armada.history.models.Models;
import armada.spec.Unit;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The history file formats: Armada's JSON lines, Jepsen's register logs, Porcupine's EDN kv logs. */
class FormatsTest {

    private static final HistoryModel<Integer> REGISTER = new HistoryModel<>("register", TestRegister.keeping(),
            TestRegister.RegOp.class);

    @Test
    void jsonLines_roundTripOfRandomHistories_givesTheSameEvents() throws Exception {
        // Every event kind, every operation of the test register and its results (numbers,
        // booleans, unit) survive writing and reading back.
        for (long seed = 0; seed < 300; seed++) {
            History h = History.of(RandomRecording.of(seed, 3, true, true));
            StringWriter text = new StringWriter();
            JsonLines.write(h, text);

            History back = HistoryFiles.read(text.toString(), REGISTER);

            assertThat(back.events()).as(text.toString()).isEqualTo(h.events());
        }
    }

    @Test
    void jsonLines_example_readsAsDocumented() throws Exception {
        String text = """
                {"type": "invoke", "client": 1, "op": "Write", "args": {"v": 3}}
                {"type": "invoke", "client": 2, "op": "Read"}

                {"type": "ok", "client": 2, "result": 3}
                {"type": "info", "client": 1}
                {"type": "crash"}
                {"type": "invoke", "client": 2, "op": "Cas", "args": {"expected": 3, "replacement": 4}}
                {"type": "recovered"}
                {"type": "ok", "client": 2, "result": false}
                {"type": "invoke", "client": 3, "op": "Write", "args": {"v": 5}}
                {"type": "fail", "client": 3}
                """;

        History h = HistoryFiles.read(text, REGISTER);

        assertThat(h.events()).containsExactly(
                new RecordedEvent.Invoke(1, new TestRegister.Write(3)),
                new RecordedEvent.Invoke(2, new TestRegister.Read()),
                new RecordedEvent.Ok(2, 3),
                new RecordedEvent.Indeterminate(1),
                new RecordedEvent.Crash(),
                new RecordedEvent.Invoke(2, new TestRegister.Cas(3, 4)),
                new RecordedEvent.Recovered(),
                new RecordedEvent.Ok(2, false),
                new RecordedEvent.Invoke(3, new TestRegister.Write(5)),
                new RecordedEvent.Fail(3));
        assertThat(h.operations()).extracting(Operation::status).containsExactly(Operation.Status.UNKNOWN,
                Operation.Status.OK, Operation.Status.OK, Operation.Status.FAILED);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "invoke", "client": 0, "op": "Pop"}                        | unknown operation "Pop" (known: Cas, Poison, Read, Toss, Write)
            {"type": "invoke", "client": 0, "op": "Write"}                      | Write: missing field "v"
            {"type": "invoke", "client": 0, "op": "Write", "args": {"v": "x"}}  | Write.v must be an integer
            {"type": "invoke", "client": 0, "op": "Write", "args": {"w": 1}}    | missing field "v"
            {"type": "invoke", "client": 0, "op": "Read", "when": 7}            | unknown field "when" in a "invoke" event
            {"type": "ok", "client": 0, "result": 1                             | line 3
            {"type": "restart"}                                                 | unknown type "restart"
            {"type": "ok", "client": 1, "result": 1}                            | client 1 returns with no operation outstanding
            {"type": "ok", "client": 0, "result": "one"}                        | the result of Read must be an integer
            ["crash"]                                                           | each line must be one JSON object
            """)
    void jsonLines_badThirdLine_isAFormatExceptionAtLine3(String line, String message) {
        String text = "{\"type\": \"invoke\", \"client\": 0, \"op\": \"Read\"}\n\n" + line + "\n";

        assertThatThrownBy(() -> HistoryFiles.read(text, REGISTER)).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains(message.equals("line 3") ? "" : message);
        });
    }

    @Test
    void jepsenLog_readsTheWayPorcupineDoes() throws Exception {
        // ok cas: true; fail cas: returned false; fail read (timed out): no effect; info: unknown.
        String text = """
                INFO  jepsen.util - 0\t:invoke\t:write\t4
                INFO  jepsen.util - 1\t:invoke\t:cas\t[4 2]
                INFO  jepsen.util - 0\t:ok\t:write\t4
                INFO  jepsen.util - 1\t:fail\t:cas\t[4 2]
                INFO  jepsen.util - 2\t:invoke\t:read\tnil
                INFO  jepsen.util - 2\t:fail\t:read\t:timed-out
                INFO  jepsen.util - 3\t:invoke\t:cas\t[4 1]
                INFO  jepsen.util - 3\t:info\t:cas\t:timed-out
                INFO  jepsen.util - 4\t:invoke\t:read\tnil
                INFO  jepsen.util - 4\t:ok\t:read\t1
                """;

        History h = HistoryFiles.read(text, Models.casRegister());

        assertThat(h.operations()).extracting(o -> o.op() + " " + o.status() + " " + o.result()).containsExactly(
                "write(4) OK ()", "cas(4, 2) OK false", "read() FAILED null", "cas(4, 1) UNKNOWN null", "read() OK 1");
        assertThat(h.operations().get(4).result()).isEqualTo(CasValue.of(1));
        assertThat(new HistoryChecker<>(Models.casRegister().spec()).check(h).label()).isEqualTo("LINEARIZABLE");
    }

    @Test
    void jepsenLog_badLine_namesIt() {
        String text = "INFO  jepsen.util - 0\t:invoke\t:write\t4\nINFO  jepsen.util - 0\t:ok\t:write\tfour\n";

        assertThatThrownBy(() -> HistoryFiles.read(text, Models.casRegister())).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void ednKvLog_readsGetsPutsAndAppends_nilReadsAsEmpty() throws Exception {
        String text = """
                {:process 0, :type :invoke, :f :get, :key "a", :value nil}
                {:process 1, :type :invoke, :f :append, :key "a", :value "x 1 0 y"}
                {:process 0, :type :ok, :f :get, :key "a", :value nil}
                {:process 1, :type :ok, :f :append, :key "a", :value "x 1 0 y"}
                {:process 0, :type :invoke, :f :put, :key "b", :value "z"}
                {:process 0, :type :info, :f :put, :key "b", :value "z"}
                """;

        History h = HistoryFiles.read(text, Models.kv());

        assertThat(h.events()).containsExactly(
                new RecordedEvent.Invoke(0, new KvOp.Get("a")),
                new RecordedEvent.Invoke(1, new KvOp.Append("a", "x 1 0 y")),
                new RecordedEvent.Ok(0, ""),
                new RecordedEvent.Ok(1, Unit.UNIT),
                new RecordedEvent.Invoke(0, new KvOp.Put("b", "z")),
                new RecordedEvent.Indeterminate(0));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {:process 0, :type :invoke, :f :incr, :key "a"}             | :f must be :get, :put or :append
            {:process 0, :type :invoke, :f :get, :key "a"               | not closed
            {:process -1, :type :invoke, :f :get, :key "a"}             | out of range
            {:process 0, :type :invoke, :f :put, :key "a", :value 7}    | :value must be a string
            """)
    void ednKvLog_badSecondLine_namesIt(String line, String message) {
        String text = "{:process 5, :type :invoke, :f :get, :key \"a\", :value nil}\n" + line + "\n";

        assertThatThrownBy(() -> HistoryFiles.read(text, Models.kv())).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void opCodec_namesTheOperationsOfASealedInterface() {
        assertThat(OpCodec.of(CasOp.class).names()).containsExactly("Cas", "Read", "Write");
        assertThat(OpCodec.of(KvOp.class).names()).containsExactly("Append", "Get", "Put");
    }

    @Test
    void emptyFile_isAnEmptyHistory() throws Exception {
        // Porcupine's etcd_095.log is empty: a history with no operations, trivially linearizable.
        History h = HistoryFiles.read("\n", Models.casRegister());

        assertThat(h.operations()).isEmpty();
        assertThat(new HistoryChecker<>(Models.casRegister().spec()).check(h).label()).isEqualTo("LINEARIZABLE");
    }
}
