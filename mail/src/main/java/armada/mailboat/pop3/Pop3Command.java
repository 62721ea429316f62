package armada.mailboat.pop3;

import java.util.OptionalInt;

/**
 * One command line, parsed by {@link Pop3Parser} before anything acts on it (RFC 1939, RFC
 * 2449, RFC 2595): one record per command, its arguments checked and typed. Message numbers and
 * TOP's line count are at most 9 decimal digits. The last two records are the lines that are no
 * usable command; they carry what was wrong, not a reply.
 */
sealed interface Pop3Command {

    /** The keyword, in upper case, as the client sent it. */
    String keyword();

    /** {@code USER name}. */
    record User(String name) implements Pop3Command {
        @Override
        public String keyword() {
            return "USER";
        }
    }

    /** {@code PASS password}: the rest of the line, spaces included (RFC 1939 section 7), one char per octet. */
    record Pass(String password) implements Pop3Command {
        @Override
        public String keyword() {
            return "PASS";
        }

        @Override
        public String toString() {
            return "Pass[password=***]";
        }
    }

    record Stls() implements Pop3Command {
        @Override
        public String keyword() {
            return "STLS";
        }
    }

    record Capa() implements Pop3Command {
        @Override
        public String keyword() {
            return "CAPA";
        }
    }

    record Quit() implements Pop3Command {
        @Override
        public String keyword() {
            return "QUIT";
        }
    }

    record Stat() implements Pop3Command {
        @Override
        public String keyword() {
            return "STAT";
        }
    }

    /** {@code LIST [n]}. */
    record List(OptionalInt message) implements Pop3Command {
        @Override
        public String keyword() {
            return "LIST";
        }
    }

    /** {@code UIDL [n]}. */
    record Uidl(OptionalInt message) implements Pop3Command {
        @Override
        public String keyword() {
            return "UIDL";
        }
    }

    /** {@code RETR n}. */
    record Retr(int message) implements Pop3Command {
        @Override
        public String keyword() {
            return "RETR";
        }
    }

    /** {@code TOP n lines}. */
    record Top(int message, int lines) implements Pop3Command {
        @Override
        public String keyword() {
            return "TOP";
        }
    }

    /** {@code DELE n}. */
    record Dele(int message) implements Pop3Command {
        @Override
        public String keyword() {
            return "DELE";
        }
    }

    record Rset() implements Pop3Command {
        @Override
        public String keyword() {
            return "RSET";
        }
    }

    record Noop() implements Pop3Command {
        @Override
        public String keyword() {
            return "NOOP";
        }
    }

    /** A keyword the server does not know. */
    record Unknown(String keyword) implements Pop3Command {
    }

    /** What is wrong with a line that is no usable command. */
    enum Problem {
        /** Not a command line at all (a control character, no keyword), or a known keyword with the wrong arguments. */
        SYNTAX,
        /** A message number or line count that is not a number. */
        INVALID_NUMBER
    }

    /**
     * A line that is no usable command: a known keyword with bad arguments, or (keyword empty)
     * not a command line at all.
     */
    record Malformed(String keyword, Problem problem) implements Pop3Command {
    }
}
