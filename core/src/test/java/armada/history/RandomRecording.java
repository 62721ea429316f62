package armada.history;

import armada.history.TestRegister.Cas;
import armada.history.TestRegister.Poison;
import armada.history.TestRegister.Read;
import armada.history.TestRegister.Toss;
import armada.history.TestRegister.Write;
import armada.spec.Op;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random recorded histories over {@link TestRegister}: each event is drawn among those a
 * real recording could hold next (an invocation by an idle client, also during a crash episode;
 * a return, failure or give-up of an outstanding operation; a crash; a completed recovery), with
 * random operations and results, so that some histories are linearizable and some are not.
 */
final class RandomRecording {

    static final int MAX_OPS = 6;
    static final int MAX_CRASHES = 2;

    private RandomRecording() {
    }

    /** Draws an operation, and a result for an operation. */
    interface Draw {
        Op<?> op(SplittableRandom random);

        Object result(SplittableRandom random, Op<?> op);
    }

    /** A history over {@link TestRegister} of up to {@link #MAX_OPS} operations by {@code clients} clients. */
    static List<RecordedEvent> of(long seed, int clients, boolean withToss, boolean withPoison) {
        return of(seed, clients, MAX_OPS, new Draw() {
            @Override
            public Op<?> op(SplittableRandom random) {
                return RandomRecording.op(random, withToss, withPoison);
            }

            @Override
            public Object result(SplittableRandom random, Op<?> op) {
                return RandomRecording.result(random, op);
            }
        });
    }

    /** A history of up to {@code maxOps} operations by {@code clients} clients, drawn by {@code draw}. */
    static List<RecordedEvent> of(long seed, int clients, int maxOps, Draw draw) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RecordedEvent> events = new ArrayList<>();
        Op<?>[] outstanding = new Op<?>[clients];
        boolean[] stopped = new boolean[clients];
        boolean[] waiting = new boolean[clients];
        int ops = 0;
        int crashes = 0;
        boolean[] inEpisode = {false};
        int length = 4 + random.nextInt(3 * maxOps - 4);
        for (int n = 0; n < length; n++) {
            List<Runnable> actions = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                if ((outstanding[c] == null || stopped[c]) && ops < maxOps) {
                    actions.add(() -> {
                        outstanding[client] = draw.op(random);
                        stopped[client] = false;
                        waiting[client] = inEpisode[0];
                        events.add(new RecordedEvent.Invoke(client, outstanding[client]));
                    });
                }
                if (outstanding[c] != null && !stopped[c] && !inEpisode[0]) {
                    actions.add(() -> {
                        events.add(new RecordedEvent.Ok(client, draw.result(random, outstanding[client])));
                        outstanding[client] = null;
                    });
                }
                if (outstanding[c] != null && random.nextInt(3) == 0) {
                    actions.add(() -> {
                        events.add(random.nextBoolean() ? new RecordedEvent.Fail(client)
                                : new RecordedEvent.Indeterminate(client));
                        outstanding[client] = null;
                    });
                }
            }
            if (crashes < MAX_CRASHES && random.nextInt(3) == 0) {
                actions.add(() -> {
                    events.add(new RecordedEvent.Crash());
                    for (int c = 0; c < clients; c++) {
                        // An operation invoked during the episode in progress has not started: a
                        // crash during recovery does not stop it.
                        stopped[c] |= outstanding[c] != null && !waiting[c];
                    }
                });
            }
            if (inEpisode[0]) {
                actions.add(() -> events.add(new RecordedEvent.Recovered()));
            }
            if (actions.isEmpty()) {
                break;
            }
            int before = events.size();
            actions.get(random.nextInt(actions.size())).run();
            RecordedEvent added = events.get(before);
            if (added instanceof RecordedEvent.Invoke) {
                ops++;
            } else if (added instanceof RecordedEvent.Crash) {
                crashes++;
                inEpisode[0] = true;
            } else if (added instanceof RecordedEvent.Recovered) {
                inEpisode[0] = false;
                java.util.Arrays.fill(waiting, false);
            }
        }
        return List.copyOf(events);
    }

    private static Op<?> op(SplittableRandom random, boolean withToss, boolean withPoison) {
        int kinds = 3 + (withToss ? 1 : 0) + (withPoison ? 1 : 0);
        int k = random.nextInt(kinds);
        if (k == 3 && !withToss) {
            k = 4;
        }
        return switch (k) {
            case 0 -> new Write(random.nextInt(3));
            case 1 -> new Read();
            case 2 -> new Cas(random.nextInt(3), random.nextInt(3));
            case 3 -> new Toss();
            default -> new Poison();
        };
    }

    private static Object result(SplittableRandom random, Op<?> op) {
        return switch ((TestRegister.RegOp<?>) op) {
            case Write w -> Unit.UNIT;
            case Poison p -> Unit.UNIT;
            case Read r -> random.nextInt(3);
            case Cas c -> random.nextBoolean();
            case Toss t -> 1 + random.nextInt(2);
        };
    }
}
