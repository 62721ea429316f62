package armada.mailboat.pop3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** LIST [n]: the scan listing ({@code n size}, CRLF form) of one message or of all not marked deleted. */
final class ListVerb implements Verb<Pop3Command.List> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.List command) throws IOException {
        if (command.message().isPresent()) {
            return MessageNumber.visible(session, command.message().getAsInt(),
                    (drop, n) -> Reply.single(n, Long.toString(drop.size(n))));
        }
        Maildrop drop = session.maildrop();
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= drop.highest(); n++) {
            if (!drop.marked(n)) {
                lines.add(n + " " + drop.size(n));
            }
        }
        return Reply.scanListing(drop.count(), drop.size(), lines);
    }
}
