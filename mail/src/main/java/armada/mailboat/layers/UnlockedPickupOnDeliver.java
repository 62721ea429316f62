package armada.mailboat.layers;

import armada.world.LowerLayer;
import java.util.Map;

/**
 * Broken: Pickup and Unlock do not take or release the user's lock, so a Pickup can run while
 * another session holds the lock between its Pickup and its Delete, which the mail spec forbids
 * (a Pickup waits for the lock). The layer check of the mail operations on the Deliver layer
 * finds it without the file system below.
 */
public final class UnlockedPickupOnDeliver extends MailOnDeliver {

    private UnlockedPickupOnDeliver(Map<String, LowerLayer<DeliverSpec.State>> byUser) {
        super(byUser);
    }

    public static MailOnDeliver on(Map<String, LowerLayer<DeliverSpec.State>> byUser) {
        return new UnlockedPickupOnDeliver(byUser);
    }

    @Override
    protected void lock(LowerLayer<DeliverSpec.State> l, String u) {
        // The bug: no lock.
    }

    @Override
    protected void unlock(LowerLayer<DeliverSpec.State> l, String u) {
        // Nothing was locked.
    }
}
