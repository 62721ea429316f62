package armada.mailboat.pop3;

/**
 * A bug planted on purpose, for the torture test to show that the recorded history alone catches
 * it: with the system property {@code armada.mailboat.plantedBug=pickup-skips-a-message}, a POP3
 * login leaves the first message of the mailbox out of the maildrop. Never set in production; the
 * server reads it once at start.
 */
final class PlantedBug {

    static final String PROPERTY = "armada.mailboat.plantedBug";

    static final boolean PICKUP_SKIPS_A_MESSAGE = "pickup-skips-a-message".equals(System.getProperty(PROPERTY));

    private PlantedBug() {
    }
}
