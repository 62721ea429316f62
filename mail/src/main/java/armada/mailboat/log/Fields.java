package armada.mailboat.log;

/**
 * How a value is written in the text format. A value of plain characters (letters, digits and
 * {@code . _ @ : / + - , < > [ ]}) is written as it is; any other value is quoted, with a quote
 * or backslash escaped and every octet outside {@code !..~} (a space included) written
 * {@code \xNN} (UTF-8). So a value never holds a space: a client cannot forge a field
 * ({@code user="x client=192.0.2.9"} would need one), and a filter matching
 * {@code client=<HOST> result=fail} sees only real fields.
 */
final class Fields {

    private Fields() {
    }

    static String text(String value) {
        if (!value.isEmpty() && plain(value)) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (byte octet : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = octet & 0xff;
            if (c == '"' || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c >= 0x21 && c <= 0x7e) {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.append('"').toString();
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "._@:/+-,<>[]".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string literal (RFC 8259), control characters escaped. */
    static String json(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !validSurrogate(value, i))) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
