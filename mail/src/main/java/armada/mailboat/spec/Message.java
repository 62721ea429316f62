package armada.mailboat.spec;

/** A message in a mailbox: its id (its file name) and its contents (bytes as ISO-8859-1 chars). */
public record Message(String id, String contents) {

    @Override
    public String toString() {
        return id + ":\"" + contents + "\"";
    }
}
