package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.layers.BoxSpec.Flip;
import armada.layers.BoxSpec.Put;
import armada.layers.BoxSpec.Take;
import armada.spec.Op;
import armada.world.LowerLayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry rule over reachable states, and callUntil's loop outside the checker. */
class RetryLoopTest {

    private static final List<PidOp> DOMAIN = List.of(new PidOp(1, new Put(1)), new PidOp(2, new Flip()),
            new PidOp(2, new Take()));

    @Test
    void failuresThatChangeNothing_hold() {
        // Flip returns 0 or 1 and leaves the box as it is: retrying it until 1 is its one call returning 1.
        LayerReport r = RetryLoop.of(new BoxSpec("box", false), DOMAIN, "Flip until 1", c -> c.op() instanceof Flip,
                x -> Integer.valueOf(1).equals(x)).run();
        assertThat(r).isEqualTo(new LayerReport.Checked(
                "retry loop 'Flip until 1': 2 failing outcomes leave the state unchanged over 2 reachable states", true));
    }

    @Test
    void aFailureThatChangesTheState_isRejected() {
        // Take "fails" (returns other than 0) by emptying the box: the state changes.
        LayerReport r = RetryLoop.of(new BoxSpec("box", false), DOMAIN, "Take until 0", c -> c.op() instanceof Take,
                x -> Integer.valueOf(0).equals(x)).run();
        assertThat(r).isInstanceOf(LayerReport.Broken.class);
        var f = ((LayerReport.Broken) r).failure();
        assertThat(f.kind()).isEqualTo("retry-changes-state");
        assertThat(f.message()).isEqualTo("retried call p2 Take[] of layer box can fail and change the state: from 1"
                + " (reached from the initial state by p1 Put[value=1]) it may give the failure 1 ending in 0");
    }

    @Test
    void aLoopAboutNoCall_isInvalid() {
        LayerReport r = RetryLoop.of(new BoxSpec("box", false), DOMAIN, "Get until 1",
                c -> c.op() instanceof BoxSpec.Get, x -> true).run();
        assertThat(r).isEqualTo(new LayerReport.Invalid(
                "retry loop 'Get until 1' retries no call of the domain of layer box (3 calls)"));
    }

    @Test
    void callUntil_outsideTheChecker_loopsUntilTheResultSucceeds() {
        List<Object> calls = new ArrayList<>();
        LowerLayer<Integer> counting = new LowerLayer<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R call(Op<R> op) {
                calls.add(op);
                return (R) Integer.valueOf(calls.size());
            }

            @Override
            public int pid() {
                return 1;
            }
        };
        int r = counting.callUntil(new Flip(), x -> x == 3);
        assertThat(r).isEqualTo(3);
        assertThat(calls).hasSize(3);
    }
}
