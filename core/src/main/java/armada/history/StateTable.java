package armada.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct spec states one search has met, each with a small id (by {@code equals} and
 * {@code hashCode}), so that the memo and the transition cache hold numbers, not objects.
 */
final class StateTable {

    private final Map<Object, Integer> ids = new HashMap<>();
    private final List<Object> states = new ArrayList<>();

    /** The id of {@code state}, a new one if it was not met before. */
    int id(Object state) {
        Integer id = ids.get(state);
        if (id != null) {
            return id;
        }
        int fresh = states.size();
        ids.put(state, fresh);
        states.add(state);
        return fresh;
    }

    Object state(int id) {
        return states.get(id);
    }

    int size() {
        return states.size();
    }
}
