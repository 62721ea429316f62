package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The message buffer's accounting: shares take up to the limit and give everything back. */
class MessageBufferTest {

    @Test
    void reservePastTheLimit_failsAndTakesNothing() {
        // Two shares of 60 fit a limit of 100 only once; the failed one holds nothing.
        MessageBuffer b = new MessageBuffer(100);
        MessageBuffer.Share first = b.share();
        MessageBuffer.Share second = b.share();
        assertThat(first.reserve(60)).isTrue();
        assertThat(second.reserve(60)).isFalse();
        assertThat(second.held()).isZero();
        assertThat(b.used()).isEqualTo(60);
        first.close();
        first.close();
        assertThat(b.used()).isZero();
        assertThat(second.reserve(60)).isTrue();
    }

    @Test
    void grow_takesWholeStepsAndFallsBackToWhatIsMissing() {
        // Data comes in lines; the share grows a step at a time, and near the limit by exactly
        // what the message needs, so a message that fits is never refused for the step's sake.
        MessageBuffer b = new MessageBuffer(MessageBuffer.STEP + 10);
        MessageBuffer.Share s = b.share();
        assertThat(s.grow(1)).isTrue();
        assertThat(s.held()).isEqualTo(MessageBuffer.STEP);
        assertThat(s.grow(MessageBuffer.STEP - 1)).isTrue();
        assertThat(s.grow(10)).isTrue();
        assertThat(b.used()).isEqualTo(MessageBuffer.STEP + 10);
        assertThat(s.grow(1)).isFalse();
        s.close();
        assertThat(b.used()).isZero();
    }

    @Test
    void declaredSizeCoversTheData_withNoFurtherTake() {
        // A share reserved for a declared SIZE grows within it without touching the counter.
        MessageBuffer b = new MessageBuffer(1000);
        MessageBuffer.Share s = b.share();
        assertThat(s.reserve(500)).isTrue();
        assertThat(s.grow(400)).isTrue();
        assertThat(s.held()).isEqualTo(500);
        s.restart();
        assertThat(s.grow(500)).isTrue();
        assertThat(b.used()).isEqualTo(500);
    }

    @Test
    void noRoom_isAnError() {
        assertThatThrownBy(() -> new MessageBuffer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a message buffer holds 1 or more octets, not 0");
    }
}
