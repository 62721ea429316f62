package armada.report;

import armada.history.History;
import armada.history.HistoryBuilder;
import armada.history.HistoryChecker;
import armada.history.HistoryResult;
import armada.history.models.CasOp;
import armada.history.models.CasRegister;
import armada.history.models.CasValue;
import armada.history.models.KeyValue;
import armada.history.models.KvOp;
import armada.spec.Unit;

/** Small histories whose pages the HTML tests look at: each a history and the checker's verdict on it. */
record HistoryPages(String name, History history, HistoryResult result) {

    /**
     * A write cut off by a crash and observed, a crash during recovery, a read invoked while the
     * server was down, a timed-out cas and a failed write: linearizable.
     */
    static HistoryPages crashes() {
        History h = new HistoryBuilder()
                .invoke(0, new CasOp.Write(3))
                .invoke(1, new CasOp.Read()).ok(1, CasValue.of(3))
                .crash()
                .invoke(1, new CasOp.Read())
                .crash()
                .recovered()
                .ok(1, CasValue.of(3))
                .invoke(2, new CasOp.Cas(3, 4)).info(2)
                .invoke(3, new CasOp.Write(9)).fail(3)
                .invoke(0, new CasOp.Read()).ok(0, CasValue.of(4))
                .build();
        return new HistoryPages("crashes", h, new HistoryChecker<>(new CasRegister()).check(h));
    }

    /** A completed write lost by a crash: not linearizable; the read after recovery cannot be placed. */
    static HistoryPages lostWrite() {
        History h = new HistoryBuilder()
                .invoke(0, new CasOp.Write(1)).ok(0, Unit.UNIT)
                .invoke(1, new CasOp.Write(2))
                .crash().recovered()
                .invoke(0, new CasOp.Read()).ok(0, CasValue.NIL)
                .build();
        return new HistoryPages("lost-write", h, new HistoryChecker<>(new CasRegister()).check(h));
    }

    /** Two keys checked apart, values with markup in them: linearizable, two linearizations. */
    static HistoryPages partitions() {
        History h = new HistoryBuilder()
                .invoke(0, new KvOp.Put("<b>", "</title><script>alert(1)</script>"))
                .invoke(1, new KvOp.Append("y", "&"))
                .ok(0, Unit.UNIT).ok(1, Unit.UNIT)
                .invoke(0, new KvOp.Get("<b>")).ok(0, "</title><script>alert(1)</script>")
                .invoke(1, new KvOp.Get("y")).ok(1, "&")
                .build();
        return new HistoryPages("partitions", h, new HistoryChecker<>(new KeyValue()).check(h));
    }

    String html() {
        return HistoryHtml.render(name, history, result);
    }
}
