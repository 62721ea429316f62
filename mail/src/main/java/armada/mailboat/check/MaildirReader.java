package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.world.FileSystem;
import armada.world.MissingFileException;

/**
 * What a mail client reading the Maildir directly (mutt, Dovecot) does to it while the server
 * runs, without the server's lock: it moves each message it has shown from {@code new/ID} to
 * {@code cur/ID:2,S} (seen), then flags each seen one again ({@code cur/ID:2,RS}, replied). A
 * file gone under it (the server deleted it) is skipped. Test harness, run as one scenario thread.
 */
final class MaildirReader {

    private MaildirReader() {
    }

    static void moveAndFlag(FileSystem fs, String home) {
        String inbox = home + "/new";
        String cur = home + "/cur";
        for (String name : fs.list(inbox)) {
            try {
                fs.rename(inbox, name, cur, name + ":2,S");
            } catch (MissingFileException e) {
                // Deleted by the server since the listing.
            }
        }
        for (String name : fs.list(cur)) {
            if (name.endsWith(":2,S")) {
                try {
                    fs.rename(cur, name, cur, Mailboat.uniqueName(name) + ":2,RS");
                } catch (MissingFileException e) {
                    // Deleted by the server since the listing.
                }
            }
        }
    }
}
