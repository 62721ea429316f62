package armada.mailboat.pop3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** UIDL [n]: the unique-id listing ({@code n uid}) of one message or of all not marked deleted. */
final class UidlVerb implements Verb<Pop3Command.Uidl> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Uidl command) throws IOException {
        if (command.message().isPresent()) {
            return MessageNumber.visible(session, command.message().getAsInt(), (drop, n) -> Reply.single(n, drop.uid(n)));
        }
        Maildrop drop = session.maildrop();
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= drop.highest(); n++) {
            if (!drop.marked(n)) {
                lines.add(n + " " + drop.uid(n));
            }
        }
        return Reply.uidListing(lines);
    }
}
