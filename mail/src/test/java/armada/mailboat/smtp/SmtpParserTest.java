package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Command lines become records before anything acts on them. */
class SmtpParserTest {

    private static SmtpCommand parse(String line) {
        return SmtpParser.parse(line);
    }

    @Test
    void ehloAndHelo_keepTheClientDomain() {
        // Verbs are case-insensitive (RFC 5321 2.4); the argument is kept as written.
        assertThat(parse("EHLO client.test")).isEqualTo(new SmtpCommand.Ehlo("client.test"));
        assertThat(parse("ehlo [127.0.0.1]")).isEqualTo(new SmtpCommand.Ehlo("[127.0.0.1]"));
        assertThat(parse("HELO client.test")).isEqualTo(new SmtpCommand.Helo("client.test"));
    }

    @Test
    void ehloWithoutDomain_isMalformed() {
        // RFC 5321 4.1.1.1: the domain is required.
        assertThat(parse("EHLO")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("HELO   ")).isInstanceOf(SmtpCommand.Malformed.class);
    }

    @Test
    void mailWithSizeAndBody_parsesBothParameters() {
        // SIZE (RFC 1870) and BODY (RFC 6152) are the parameters advertised by EHLO.
        assertThat(parse("MAIL FROM:<a@b.test> SIZE=1234 BODY=8BITMIME")).isEqualTo(new SmtpCommand.Mail("a@b.test",
                OptionalLong.of(1234), SmtpCommand.Body.EIGHT_BIT_MIME));
        assertThat(parse("mail from:<a@b.test> body=7bit")).isEqualTo(
                new SmtpCommand.Mail("a@b.test", OptionalLong.empty(), SmtpCommand.Body.SEVEN_BIT));
    }

    @Test
    void mailWithHugeSize_saturatesInsteadOfOverflowing() {
        // A 20-digit SIZE does not fit a long; it must still compare as too big.
        assertThat(parse("MAIL FROM:<> SIZE=99999999999999999999"))
                .isEqualTo(new SmtpCommand.Mail("", OptionalLong.of(Long.MAX_VALUE), SmtpCommand.Body.SEVEN_BIT));
    }

    @Test
    void nullReversePath_isAnEmptyPath() {
        // RFC 5321 4.5.5: bounces are sent with MAIL FROM:<>.
        assertThat(parse("MAIL FROM:<>")).isEqualTo(
                new SmtpCommand.Mail("", OptionalLong.empty(), SmtpCommand.Body.SEVEN_BIT));
    }

    @Test
    void spaceAfterColon_isTolerated() {
        // Common clients send it although RFC 5321 does not allow it.
        assertThat(parse("MAIL FROM: <a@b.test>")).isInstanceOf(SmtpCommand.Mail.class);
        assertThat(parse("RCPT TO: <alice@localhost>")).isEqualTo(
                new SmtpCommand.Rcpt(new Address("alice", "localhost")));
    }

    @Test
    void mailWithoutBrackets_isMalformed() {
        // The path must be in angle brackets (RFC 5321 4.1.2).
        assertThat(parse("MAIL FROM:a@b.test")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("MAIL a@b.test")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("MAIL FROM:<a@b.test")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("MAIL FROM:<a b@c>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("MAIL FROM:<a@b>SIZE=1")).isInstanceOf(SmtpCommand.Malformed.class);
    }

    @Test
    void badSizeValue_isMalformed() {
        // SIZE takes digits only.
        assertThat(parse("MAIL FROM:<> SIZE=ten")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("MAIL FROM:<> SIZE=")).isInstanceOf(SmtpCommand.Malformed.class);
    }

    @Test
    void unknownParameters_areReportedByName() {
        // RFC 5321 4.1.1.11: a parameter the server does not implement gets 555, not a syntax error.
        assertThat(parse("MAIL FROM:<a@b.test> AUTH=<>")).isEqualTo(new SmtpCommand.UnknownParameter("MAIL", "AUTH=<>"));
        assertThat(parse("MAIL FROM:<a@b.test> BODY=BINARYMIME"))
                .isEqualTo(new SmtpCommand.UnknownParameter("MAIL", "BODY=BINARYMIME"));
        assertThat(parse("RCPT TO:<alice@localhost> NOTIFY=NEVER"))
                .isEqualTo(new SmtpCommand.UnknownParameter("RCPT", "NOTIFY=NEVER"));
    }

    @Test
    void hostileLocalParts_parseSoThatRcptCanRefuseThem() {
        // Whether a local part names a user is RCPT's decision (550 5.1.1), not a syntax error.
        assertThat(parse("RCPT TO:<../x@localhost>")).isEqualTo(new SmtpCommand.Rcpt(new Address("../x", "localhost")));
        assertThat(parse("RCPT TO:<a/b@localhost>")).isEqualTo(new SmtpCommand.Rcpt(new Address("a/b", "localhost")));
        assertThat(parse("RCPT TO:<\"a >b\"@localhost>"))
                .isEqualTo(new SmtpCommand.Rcpt(new Address("\"a >b\"", "localhost")));
    }

    @Test
    void sourceRoute_isDropped() {
        // RFC 5321 4.1.2 and appendix C: a source route must be accepted and ignored.
        assertThat(parse("RCPT TO:<@relay.test,@other.test:alice@localhost>"))
                .isEqualTo(new SmtpCommand.Rcpt(new Address("alice", "localhost")));
    }

    @Test
    void postmasterWithoutDomain_isTheLocalPostmaster() {
        // RFC 5321 4.5.1: <Postmaster> without a domain must be accepted, case-insensitively.
        assertThat(parse("RCPT TO:<PostMaster>")).isEqualTo(new SmtpCommand.Rcpt(new Address("postmaster", null)));
    }

    @Test
    void rcptWithoutDomainOrWithBadDomain_isMalformed() {
        // Only postmaster may come without a domain; a domain must be labels or an address literal.
        assertThat(parse("RCPT TO:<alice>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("RCPT TO:<alice@>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("RCPT TO:<alice@-bad.test>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("RCPT TO:<>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("RCPT TO:<alice@[127.0.0.1]>"))
                .isEqualTo(new SmtpCommand.Rcpt(new Address("alice", "[127.0.0.1]")));
    }

    @Test
    void controlOrNonAsciiCharacters_areMalformed() {
        // A bare CR or 8-bit octet could otherwise be echoed into a reply or a Received header.
        assertThat(parse("RCPT TO:<a\rb@localhost>")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("EHLO h\u00e9")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("NOOP\u0000")).isInstanceOf(SmtpCommand.Malformed.class);
    }

    @Test
    void argumentlessVerbs_refuseArgumentsButNoopTakesOne() {
        // RFC 5321 4.1.1: DATA, RSET, QUIT take none; NOOP's argument is ignored.
        assertThat(parse("DATA")).isEqualTo(new SmtpCommand.Data());
        assertThat(parse("DATA now")).isInstanceOf(SmtpCommand.Malformed.class);
        assertThat(parse("RSET")).isEqualTo(new SmtpCommand.Rset());
        assertThat(parse("QUIT")).isEqualTo(new SmtpCommand.Quit());
        assertThat(parse("StartTLS")).isEqualTo(new SmtpCommand.StartTls());
        assertThat(parse("NOOP anything")).isEqualTo(new SmtpCommand.Noop());
        assertThat(parse("VRFY alice")).isEqualTo(new SmtpCommand.Vrfy("alice"));
        assertThat(parse("VRFY")).isInstanceOf(SmtpCommand.Malformed.class);
    }

    @Test
    void unknownVerb_isUnknown() {
        // EXPN, HELP, AUTH, BDAT are not implemented: they are unknown commands (500).
        assertThat(parse("EXPN staff")).isEqualTo(new SmtpCommand.Unknown("EXPN"));
        assertThat(parse("")).isEqualTo(new SmtpCommand.Unknown(""));
    }
}
