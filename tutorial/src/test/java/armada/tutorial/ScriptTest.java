package armada.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: how the document is read, how a diff applies, how output is matched. */
class ScriptTest {

    @Test
    void markedBlocks_becomeStepsInOrder() {
        // Each marker says what the block after it is; an undo stands alone.
        String md = """
                Write this:

                <!-- file: src/A.java -->
                ```java
                class A {}
                ```

                <!-- patch: src/A.java -->
                ```diff
                -class A {}
                +class B {}
                ```
                <!-- undo -->

                <!-- run: exit 1 -->
                ```shell
                mvn test
                ```

                <!-- output -->
                ```text
                BUILD FAILURE
                ```
                """;
        List<Script.Step> steps = Script.parse(md).steps();

        assertThat(steps).containsExactly(new Script.WriteFile("src/A.java", "class A {}\n"),
                new Script.Patch("src/A.java", List.of("-class A {}", "+class B {}")), new Script.Undo(),
                new Script.Run("mvn test\n", 1, 16), new Script.Output(List.of("BUILD FAILURE"), 21));
    }

    @Test
    void blockWithoutMarker_isAnError() {
        // Text between the marker and the block detaches it: nothing may go unchecked by accident.
        assertThatThrownBy(() -> Script.parse("<!-- run -->\nthen\n```shell\nls\n```\n"))
                .hasMessageContaining("line 3: a fenced block without a marker");
    }

    @Test
    void diff_appliesWhereItsOldLinesAre_andOnlyThere() {
        String text = "a\nb\nc\n";

        assertThat(Diff.apply(text, List.of(" a", "-b", "+B", " c"))).isEqualTo("a\nB\nc\n");
        assertThatThrownBy(() -> Diff.apply(text, List.of(" a", "-c"))).hasMessageContaining("does not apply");
        assertThatThrownBy(() -> Diff.apply("x\nx\n", List.of("-x"))).hasMessageContaining("ambiguous");
    }

    @Test
    void shownOutput_matchesInOrder_withEllipsisForAnyText() {
        List<String> out = List.of("[INFO] start", "Tests run: 2, Failures: 1, Time elapsed: 0.4 s", "[INFO] end");

        assertThat(OutputMatch.firstMissing(List.of("Tests run: 2, Failures: 1, ...", "...", "[INFO] end"), out))
                .isNull();
        assertThat(OutputMatch.firstMissing(List.of("[INFO] end", "[INFO] start"), out)).isEqualTo("[INFO] start");
        assertThat(OutputMatch.firstMissing(List.of("Tests run: 3..."), out)).isEqualTo("Tests run: 3...");
        assertThat(OutputMatch.matches("a...b...c", "abc")).isTrue();
        assertThat(OutputMatch.matches("ab...bc", "abc")).isFalse();
    }
}
