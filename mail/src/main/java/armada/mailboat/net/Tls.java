package armada.mailboat.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's TLS context, from a keystore (PKCS12 or JKS) and a file holding its password. */
public final class Tls {

    private Tls() {
    }

    /**
     * Loads the key and certificate from {@code keystore}, opened with the password in {@code passwordFile}.
     *
     * @throws IllegalArgumentException with a one-line reason if a file is missing or unreadable,
     *     the password is wrong, or the keystore holds no key
     */
    public static SSLContext load(Path keystore, Path passwordFile) {
        char[] password;
        try {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS password file " + passwordFile + ": " + e.getMessage());
        }
        try {
            KeyStore ks = KeyStore.getInstance(keystore.toFile(), password);
            if (!ks.aliases().hasMoreElements()) {
                throw new IllegalArgumentException("the keystore " + keystore + " holds no key");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open the keystore " + keystore + " (wrong password, or not a "
                    + "PKCS12/JKS file): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the keystore " + keystore + ": " + e.getMessage());
        }
    }
}
