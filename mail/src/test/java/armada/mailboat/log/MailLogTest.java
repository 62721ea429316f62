package armada.mailboat.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The event lines themselves: their fields, their escaping, the JSON form, and the fail2ban filter. */
class MailLogTest {

    /** The failregex of contrib/fail2ban/filter.d/mailboat.conf, with fail2ban's {@code <HOST>} filled in. */
    static final Pattern FAIL2BAN = Pattern.compile(
            "^\\S+ INFO event=auth service=\\S+ client=(?<host>[0-9a-fA-F.:]+) result=fail( |$)");

    @Test
    void authFailure_isOneLineFail2banMatchesWithTheClientAddress() throws Exception {
        // A filter anchored on the fixed leading fields finds the address to ban.
        try (LogCapture log = new LogCapture()) {
            MailLog.auth("pop3", InetAddress.getByName("192.0.2.7"), false, "USER", "alice");
            MailLog.auth("submission", InetAddress.getByName("192.0.2.8"), true, "PLAIN", "bob");
            List<String> lines = log.lines();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("\\S+ INFO event=auth service=pop3 client=192\\.0\\.2\\.7 result=fail "
                    + "mechanism=USER user=alice");
            var m = FAIL2BAN.matcher(lines.get(0));
            assertThat(m.find()).isTrue();
            assertThat(m.group("host")).isEqualTo("192.0.2.7");
            // A success is not a failure for the filter.
            assertThat(FAIL2BAN.matcher(lines.get(1)).find()).isFalse();
        }
    }

    @Test
    void hostileUserName_cannotForgeFieldsOrAnotherAddress() throws Exception {
        // The user name is the client's text: quoted and escaped so that it holds no space, it
        // cannot end its field, and the filter still bans the real client, not 203.0.113.9.
        try (LogCapture log = new LogCapture()) {
            MailLog.auth("pop3", InetAddress.getByName("192.0.2.7"), false, "USER",
                    "x result=fail client=203.0.113.9\n2026-01-01T00:00:00Z INFO event=auth \"q\"");
            String line = log.lines().getFirst();
            assertThat(line).doesNotContain("\n").contains("user=\"x\\x20result=fail\\x20client=203.0.113.9\\x0a");
            var m = FAIL2BAN.matcher(line);
            assertThat(m.find()).isTrue();
            assertThat(m.group("host")).isEqualTo("192.0.2.7");
            assertThat(line.split(" ")).filteredOn(f -> f.startsWith("client=")).containsExactly("client=192.0.2.7");
        }
    }

    @Test
    void transactionAndConnection_carryTheirFields() throws Exception {
        // One line per transaction (id, size, recipients, result) and per connection.
        try (LogCapture log = new LogCapture()) {
            MailLog.transaction("smtp", InetAddress.getByName("::1"), "delivered", 250, "ABC123", "<m1@x>", 42,
                    "a@b.test", List.of("alice@localhost", "bob@localhost"));
            MailLog.connection("smtp", InetAddress.getByName("127.0.0.2"), "client-limit", Duration.ZERO);
            assertThat(log.lines().get(0)).matches("\\S+ INFO event=transaction service=smtp client=0:0:0:0:0:0:0:1 "
                    + "result=delivered code=250 id=ABC123 size=42 from=a@b.test to=alice@localhost,bob@localhost "
                    + "message_id=<m1@x>");
            assertThat(log.lines().get(1)).matches("\\S+ INFO event=connection service=smtp client=127\\.0\\.0\\.2 "
                    + "result=client-limit ms=0");
        }
    }

    @Test
    void jsonFormat_isOneObjectPerLineWithTypedFields() throws Exception {
        // --log-format json: every field, numbers as numbers, strings escaped; parsable line by line.
        try (LogCapture log = new LogCapture()) {
            MailLog.transaction("smtp", InetAddress.getByName("192.0.2.1"), "refused", 552, "ID", null, 7, "",
                    List.of("a\"b@localhost"));
            String line = log.render(LogFormat.JSON).getFirst();
            assertThat(line).doesNotContain("\n");
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.get("event").asText()).isEqualTo("transaction");
            assertThat(json.get("client").asText()).isEqualTo("192.0.2.1");
            assertThat(json.get("code").isNumber()).isTrue();
            assertThat(json.get("code").asInt()).isEqualTo(552);
            assertThat(json.get("to").asText()).isEqualTo("a\"b@localhost");
            assertThat(json.has("message_id")).isFalse();
            assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void shippedLogbackConfiguration_isWellFormedXml() throws Exception {
        // The tests run with logback-test.xml, so a broken logback.xml (say "--" in a comment)
        // would only show when the server starts: parse it here.
        try (var in = MailLogTest.class.getResourceAsStream("/logback.xml")) {
            assertThat(in).isNotNull();
            var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("configuration");
        }
    }
}
