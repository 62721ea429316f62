package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies render as RFC 5321 4.2 says: code, separator, enhanced code, text. */
class ReplyTest {

    @Test
    void singleLine_hasCodeEnhancedCodeAndText() {
        // RFC 2034: the enhanced code follows the reply code.
        assertThat(Reply.unknownUser("x@localhost").render()).containsExactly("550 5.1.1 <x@localhost>: unknown user");
    }

    @Test
    void ehlo_isMultiLineWithoutEnhancedCodes() {
        // Continuation lines use '-', the last a space; EHLO replies carry no enhanced code (RFC 2034 3).
        assertThat(Reply.ehlo("mx.test", "c", List.of("PIPELINING", "SIZE 10")).render())
                .containsExactly("250-mx.test greets c", "250-PIPELINING", "250 SIZE 10");
    }

    @Test
    void deliveryFailed_namesFailedAndDeliveredRecipients() {
        // The client must learn that some copies exist although the transaction failed.
        assertThat(Reply.deliveryFailed("bob@localhost", List.of("alice@localhost")).render()).containsExactly(
                "451 4.3.0 delivery failed for <bob@localhost>; already delivered to <alice@localhost>");
        assertThat(Reply.deliveryFailed("bob@localhost", List.of()).render())
                .containsExactly("451 4.3.0 delivery failed for <bob@localhost>");
    }

    @Test
    void errors_areFourAndFiveHundreds() {
        // The session's error limit counts exactly these.
        assertThat(Reply.tooManyRecipients().isError()).isTrue();
        assertThat(Reply.badSequence("x").isError()).isTrue();
        assertThat(Reply.cannotVerify().isError()).isFalse();
        assertThat(Reply.startData().isError()).isFalse();
    }

    @Test
    void badCodeOrNoText_isRefused() {
        // Every reply is a real SMTP reply.
        assertThatThrownBy(() -> new Reply(199, null, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reply(250, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
