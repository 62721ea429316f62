package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.io.Line;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Command lines become typed records, arguments checked, before anything acts on them. */
class Pop3ParserTest {

    private static Pop3Command parse(String text) {
        return Pop3Parser.parse(new Line(text.getBytes(StandardCharsets.ISO_8859_1), true));
    }

    @Test
    void keyword_isCaseInsensitiveAndArgumentsSplitOnSpaces() {
        // RFC 1939 section 3: keywords are case-insensitive; extra spaces separate nothing.
        assertThat(parse("top 1  10 ")).isEqualTo(new Pop3Command.Top(1, 10));
        assertThat(parse("STAT")).isEqualTo(new Pop3Command.Stat());
        assertThat(parse("list")).isEqualTo(new Pop3Command.List(OptionalInt.empty()));
        assertThat(parse("UIDL 3")).isEqualTo(new Pop3Command.Uidl(OptionalInt.of(3)));
        assertThat(parse("RETR 2")).isEqualTo(new Pop3Command.Retr(2));
        assertThat(parse("DELE 7")).isEqualTo(new Pop3Command.Dele(7));
        assertThat(parse("USER alice")).isEqualTo(new Pop3Command.User("alice"));
    }

    @Test
    void passwordText_keepsSpacesAndHighOctets() {
        // PASS takes the raw rest of the line; UTF-8 octets survive (as one char per octet).
        assertThat(parse("PASS p\u00c3\u00a9 w")).isEqualTo(new Pop3Command.Pass("p\u00c3\u00a9 w"));
        // The password never shows in a record's text (a log line of a command cannot leak it).
        assertThat(parse("PASS secret").toString()).doesNotContain("secret");
    }

    @Test
    void controlCharactersOrNoKeyword_areMalformed() {
        // NUL, tab, a bare CR, DEL, an empty line or a keyword that is not letters: no command.
        for (String bad : List.of("", " STAT", "ST\tAT", "STAT\r", "NOOP\0", "NOOP\u007f", "R3TR 1", "\u00e9TAT")) {
            assertThat(parse(bad)).as(bad).isEqualTo(new Pop3Command.Malformed("", Pop3Command.Problem.SYNTAX));
        }
    }

    @Test
    void wrongArgumentCount_isASyntaxErrorOfThatKeyword() {
        // The keyword is kept, so the session can say "not valid in this state" first when it is.
        for (String bad : List.of("STAT 1", "RETR", "RETR 1 2", "TOP 1", "USER", "USER a b", "PASS", "LIST 1 2", "QUIT now")) {
            assertThat(parse(bad)).as(bad).isInstanceOfSatisfying(Pop3Command.Malformed.class,
                    m -> assertThat(m.problem()).isEqualTo(Pop3Command.Problem.SYNTAX));
        }
    }

    @Test
    void numbers_areDecimalDigitsOnly() {
        // Message numbers and TOP counts: up to 9 digits, no sign, no spaces.
        assertThat(Pop3Parser.number("12")).hasValue(12);
        assertThat(Pop3Parser.number("007")).hasValue(7);
        for (String bad : List.of("+1", "-1", "0x1", "1234567890", "")) {
            assertThat(Pop3Parser.number(bad)).as(bad).isEmpty();
        }
        assertThat(parse("RETR x")).isEqualTo(new Pop3Command.Malformed("RETR", Pop3Command.Problem.INVALID_NUMBER));
        assertThat(parse("TOP 1 -1")).isEqualTo(new Pop3Command.Malformed("TOP", Pop3Command.Problem.INVALID_NUMBER));
    }

    @Test
    void unknownKeyword_isKeptForTheReply() {
        // An unknown keyword is not a syntax error: "-ERR unknown command".
        assertThat(parse("XYZZY 1")).isEqualTo(new Pop3Command.Unknown("XYZZY"));
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
