package armada.mailboat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per test
 * run with the running JDK's keytool, and the two SSL contexts built on it: the server's, and
 * a client's that trusts only that certificate.
 */
public final class TestTls {

    private static final char[] PASSWORD = "secret".toCharArray();
    private static SSLContext server;
    private static SSLContext client;

    private TestTls() {
    }

    public static synchronized SSLContext server() {
        make();
        return server;
    }

    public static synchronized SSLContext client() {
        make();
        return client;
    }

    private static void make() {
        if (server != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("mailboat-tls");
            try {
                Path file = dir.resolve("ks.p12");
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                        "-alias", "smtp", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                        "-ext", "san=ip:127.0.0.1,dns:localhost", "-noprompt")
                        .redirectErrorStream(true).start();
                byte[] output = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    keys.load(in, PASSWORD);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
                SSLContext s = SSLContext.getInstance("TLS");
                s.init(kmf.getKeyManagers(), null, null);

                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("smtp", keys.getCertificate("smtp"));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext c = SSLContext.getInstance("TLS");
                c.init(null, tmf.getTrustManagers(), null);
                server = s;
                client = c;
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the test certificate", e);
        }
    }
}
