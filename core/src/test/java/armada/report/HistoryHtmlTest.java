package armada.report;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.HistoryResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a history page holds, read from its text: bars, markers, points, the unplaced operation, escaping. */
class HistoryHtmlTest {

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void crashHistory_hasABarPerOperation_crashAndRecoveryMarkers_andAPointPerStep() {
        HistoryPages p = HistoryPages.crashes();
        String html = p.html();

        assertThat(p.result()).isInstanceOf(HistoryResult.Linearizable.class);
        int steps = ((HistoryResult.Linearizable) p.result()).linearizations().getFirst().steps().size();
        assertThat(count(html, "<g class=\"op ")).isEqualTo(p.history().size());
        assertThat(count(html, "<g class=\"op failed\"")).isEqualTo(1);
        assertThat(count(html, "<g class=\"op unknown\"")).isEqualTo(1);
        assertThat(count(html, "<g class=\"crash\">")).isEqualTo(2);
        assertThat(count(html, "<g class=\"recovery\">")).isEqualTo(1);
        assertThat(count(html, "<rect class=\"episode\"")).isEqualTo(1);
        assertThat(count(html, "<circle class=\"point\"")).isEqualTo(steps);
        assertThat(count(html, "<tr data-step=")).isEqualTo(steps);
        assertThat(html).contains("crash step of episode 1").contains("spec crash")
                .contains("stopped by crash 1: it may take effect until that episode&#39;s recovery")
                .contains("invoked while the server was down");
        assertThat(html).doesNotContain("src=").doesNotContain("href=");
    }

    @Test
    void violation_outlinesTheUnplacedOperation_andSaysWhy() {
        String html = HistoryPages.lostWrite().html();

        assertThat(html).contains("<span class=\"verdict not_linearizable\">NOT_LINEARIZABLE</span>");
        assertThat(count(html, "<g class=\"unplaced\"")).isEqualTo(1);
        assertThat(html).contains("cannot be placed: c0 read() -&gt; nil: from state");
        assertThat(count(html, "<tr class=\"unplaced-row\">")).isEqualTo(1);
    }

    @Test
    void partitions_eachLinearizationDrawn_withAPartitionSelector_andMarkupEscaped() {
        String html = HistoryPages.partitions().html();

        assertThat(count(html, "<polyline class=\"path\" data-partition=")).isEqualTo(2);
        assertThat(html).contains("<select id=\"partition\">").contains("<option value=\"&quot;y&quot;\">");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("</title><script>")
                .contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(count(html, "<script>")).isEqualTo(1);
    }
}
