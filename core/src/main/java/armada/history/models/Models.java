package armada.history.models;

import armada.history.HistoryModel;
import java.util.List;
import java.util.Optional;

/** The models that history files can name: {@code cas-register} and {@code kv}. */
public final class Models {

    private Models() {
    }

    public static HistoryModel<CasValue> casRegister() {
        return new HistoryModel<>("cas-register", new CasRegister(), CasOp.class);
    }

    public static HistoryModel<KvState> kv() {
        return new HistoryModel<>("kv", new KeyValue(), KvOp.class);
    }

    public static List<HistoryModel<?>> all() {
        return List.of(casRegister(), kv());
    }

    public static Optional<HistoryModel<?>> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
