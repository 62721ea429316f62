package armada.mailboat.layers;

import armada.mailboat.MailboatConfig;
import armada.world.World;
import java.util.List;

/**
 * Broken, as Mailboat's Pickup is: ListMail and ReadMail show what {@code new/} holds without
 * making it durable first. A link is visible before its linker's fsync of {@code new/}; a
 * process that lists or reads it and then a crash before that fsync leave a mailbox without a
 * message that was shown, which the Deliver layer (whose links are durable once seen) never does.
 */
public final class UndurableListOnFs extends DeliverOnFs {

    private UndurableListOnFs(World world, MailboatConfig config, List<String> users) {
        super(world, config, users);
    }

    public static DeliverOnFs open(World world, MailboatConfig config, List<String> users) {
        return new UndurableListOnFs(world, config, users);
    }

    @Override
    protected void shown(String dir, boolean anything) {
        // The bug: no fsync of new/ before showing it.
    }
}
