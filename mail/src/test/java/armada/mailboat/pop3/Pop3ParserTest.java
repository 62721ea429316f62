package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.io.Line;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Command lines become records before anything acts on them. */
class Pop3ParserTest {

    private static Optional<Pop3Command> parse(String text) {
        return Pop3Parser.parse(new Line(text.getBytes(StandardCharsets.ISO_8859_1), true));
    }

    @Test
    void keyword_isCaseInsensitiveAndArgumentsSplitOnSpaces() {
        // RFC 1939 section 3: keywords are case-insensitive; extra spaces separate nothing.
        assertThat(parse("top 1  10 ")).contains(new Pop3Command("TOP", List.of("1", "10"), "1  10 "));
        assertThat(parse("STAT")).contains(new Pop3Command("STAT", List.of(), ""));
    }

    @Test
    void passwordText_keepsSpacesAndHighOctets() {
        // PASS takes the raw rest of the line; UTF-8 octets survive (as one char per octet).
        Pop3Command c = parse("PASS p\u00c3\u00a9 w").orElseThrow();
        assertThat(c.argumentText()).isEqualTo("p\u00c3\u00a9 w");
    }

    @Test
    void controlCharactersOrNoKeyword_areMalformed() {
        // NUL, tab, a bare CR, DEL, an empty line or a keyword that is not letters: no command.
        for (String bad : List.of("", " STAT", "ST\tAT", "STAT\r", "NOOP\0", "NOOP\u007f", "R3TR 1", "\u00e9TAT")) {
            assertThat(parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void numbers_areDecimalDigitsOnly() {
        // Message numbers and TOP counts: up to 9 digits, no sign, no spaces.
        Pop3Command c = parse("X 12 +1 -1 0x1 1234567890 007").orElseThrow();
        assertThat(c.number(0)).hasValue(12);
        assertThat(c.number(1)).isEmpty();
        assertThat(c.number(2)).isEmpty();
        assertThat(c.number(3)).isEmpty();
        assertThat(c.number(4)).isEmpty();
        assertThat(c.number(5)).hasValue(7);
    }

    @Test
    void uidOf_keepsValidIdsAndHashesTheRest() {
        // RFC 1939 section 7: 1 to 70 characters from 0x21 to 0x7E.
        assertThat(Maildrop.uidOf("k3j9a.0")).isEqualTo("k3j9a.0");
        assertThat(Maildrop.uidOf("x".repeat(70))).isEqualTo("x".repeat(70));
        assertThat(Maildrop.uidOf("x".repeat(71))).startsWith("~").hasSize(45);
        assertThat(Maildrop.uidOf("a b")).startsWith("~").hasSize(45).isEqualTo(Maildrop.uidOf("a b"));
        assertThat(Maildrop.uidOf("a b")).isNotEqualTo(Maildrop.uidOf("a c"));
    }
}
