package armada.mailboat.log;

/** How log lines are written: {@code key=value} text (the default), or one JSON object per line. */
public enum LogFormat {
    TEXT, JSON;

    /** {@code text} or {@code json}, any case; else an IllegalArgumentException with a one-line reason. */
    public static LogFormat parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("the log format is text or json, not '" + name + "'");
        };
    }
}
