package armada.mailboat.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A salted slow password hash: PBKDF2 with HMAC-SHA-256 from the JDK, a random 16-byte salt,
 * a 32-byte result. Written as {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}.
 * The JDK encodes the password's chars as UTF-8 before hashing.
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    static final String SCHEME = "pbkdf2-sha256";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    PasswordHash {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, not " + iterations);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * A hash no password matches, for unknown users: checking against it costs what checking a
     * real user costs, so the time taken does not tell which users exist.
     */
    static PasswordHash dummy(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new PasswordHash(iterations, salt, hash);
    }

    /** Recomputes the hash and compares in constant time. */
    boolean matches(char[] password) {
        return MessageDigest.isEqual(derive(password, salt, iterations, hash.length), hash);
    }

    String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /**
     * Parses the four fields after the user name.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    static PasswordHash parse(String scheme, String iterations, String salt, String hash) {
        if (!scheme.equals(SCHEME)) {
            throw new IllegalArgumentException("unknown hash scheme '" + scheme + "' (expected " + SCHEME + ")");
        }
        int n;
        try {
            n = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        if (n < 1) {
            throw new IllegalArgumentException("the iteration count must be positive");
        }
        byte[] s = base64(salt, "salt");
        byte[] h = base64(hash, "hash");
        if (s.length < 8) {
            throw new IllegalArgumentException("the salt has " + s.length + " bytes, fewer than 8");
        }
        if (h.length < 16 || h.length > 64) {
            throw new IllegalArgumentException("the hash has " + h.length + " bytes, not 16 to 64");
        }
        return new PasswordHash(n, s, h);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }
}
