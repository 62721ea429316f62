package armada.mailboat.pop3;

import armada.mailboat.TestTls;
import armada.mailboat.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STLS (RFC 2595) and the rule on plaintext logins, with a certificate made at run time. */
class Pop3TlsTest {

    @TempDir
    Path root;


    @BeforeEach
    void certificate() throws IOException, GeneralSecurityException, InterruptedException {
        
    }

    @Test
    void capa_offersStlsUntilTlsIsOn() throws IOException {
        // STLS is advertised only while it can be used; after it, a second STLS is refused.
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(TestTls.server())); Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("CAPA")).startsWith("+OK");
            assertThat(c.body()).contains("STLS", "USER");
            assertThat(c.ask("STLS")).isEqualTo("+OK begin TLS");
            c.startTls(TestTls.client());
            assertThat(c.ask("CAPA")).startsWith("+OK");
            assertThat(c.body()).contains("USER").doesNotContain("STLS");
            assertThat(c.ask("STLS")).isEqualTo("-ERR command not permitted when TLS active");
        }
    }

    @Test
    void stlsThenLogin_worksOverTls() throws IOException {
        // The whole session after STLS runs over TLS, with no new greeting (RFC 2595 section 4).
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(TestTls.server())); Pop3Client c = pop.connect()) {
            pop.deliver("alice", "Subject: secret\r\n\r\n.dot\r\n");
            c.line();
            assertThat(c.ask("STLS")).isEqualTo("+OK begin TLS");
            c.startTls(TestTls.client());
            assertThat(c.secure()).isTrue();
            c.loginOk("alice");
            assertThat(c.ask("RETR 1")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: secret", "", "..dot");
            assertThat(c.ask("DELE 1")).startsWith("+OK");
            assertThat(c.ask("QUIT")).startsWith("+OK");
            assertThat(c.closedByServer()).isTrue();
            assertThat(pop.inbox("alice")).isEmpty();
        }
    }

    @Test
    void plaintextSentAfterStls_isNeverExecuted() throws IOException {
        // A man in the middle can append commands to the client's STLS in plaintext; they must be
        // dropped, not run under the TLS session (the STARTTLS command-injection bug). So after
        // the handshake the session is still in AUTHORIZATION with no USER pending.
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(TestTls.server())); Pop3Client c = pop.connect()) {
            c.line();
            c.raw("STLS\r\nUSER alice\r\nPASS alice-pw\r\n");
            assertThat(c.line()).isEqualTo("+OK begin TLS");
            c.startTls(TestTls.client());
            assertThat(c.ask("STAT")).isEqualTo("-ERR command not valid in this state");
            assertThat(c.ask("PASS alice-pw")).isEqualTo("-ERR send USER first");
            assertThat(pop.server().liveSessions()).isEmpty();
            c.loginOk("alice");
        }
    }

    @Test
    void stlsAfterLogin_isRefused() throws IOException {
        // STLS belongs to AUTHORIZATION only (RFC 2595 section 4).
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(TestTls.server())); Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("bob");
            assertThat(c.ask("STLS")).isEqualTo("-ERR command not valid in this state");
        }
    }

    @Test
    void untrustedPlaintextLogin_withTlsConfigured_isToldToUseStls() throws IOException {
        // With a TLS context, a client that is not trusted as local may not send USER or PASS in
        // plaintext; USER is not even advertised until STLS. After STLS the login works. (The
        // test client is on loopback, so loopback is not trusted here.)
        ServerConfig untrusting = Pop3Harness.config(TestTls.server()).withTrustLoopback(false);
        try (Pop3Harness pop = Pop3Harness.start(root, untrusting); Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("USER alice")).isEqualTo("-ERR [AUTH] use STLS first");
            assertThat(c.ask("PASS alice-pw")).isEqualTo("-ERR [AUTH] use STLS first");
            assertThat(c.ask("CAPA")).startsWith("+OK");
            assertThat(c.body()).contains("STLS").doesNotContain("USER");
            assertThat(c.ask("STLS")).isEqualTo("+OK begin TLS");
            c.startTls(TestTls.client());
            assertThat(c.ask("CAPA")).startsWith("+OK");
            assertThat(c.body()).contains("USER");
            c.loginOk("alice");
        }
    }

    @Test
    void untrustedPlaintextLogin_withoutTls_isAllowed() throws IOException {
        // Without a TLS context there is nothing better to offer, so plaintext logins are allowed
        // from anywhere (documented on TlsFirst).
        ServerConfig untrusting = Pop3Harness.config(null).withTrustLoopback(false);
        try (Pop3Harness pop = Pop3Harness.start(root, untrusting); Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
        }
    }
}
