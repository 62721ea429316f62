package armada.tutorial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown document read as a script: each fenced block is a step, told what it is by the HTML
 * comment on the line before it (invisible when the document is rendered).
 *
 * <ul>
 *   <li>{@code <!-- file: PATH -->}: the block is the whole file PATH of the reader's project;
 *   <li>{@code <!-- patch: PATH -->}: the block is a {@code diff} to apply to PATH;
 *   <li>{@code <!-- undo -->} (on its own): take the last patch back;
 *   <li>{@code <!-- run -->} or {@code <!-- run: exit N -->}: the block is a shell script to run
 *       in the project, which must exit with 0 (or N);
 *   <li>{@code <!-- output -->}: the block shows lines the last run printed, in order (others may
 *       come between them; {@code ...} in a line stands for any text);
 *   <li>{@code <!-- example -->}: the block is only shown (a command the harness does itself).
 * </ul>
 *
 * A fenced block without a marker is an error, so nothing in the document goes unchecked by
 * accident.
 */
record Script(List<Step> steps) {

    /** One thing a reader does or sees. */
    sealed interface Step {
    }

    record WriteFile(String path, String text) implements Step {
    }

    record Patch(String path, List<String> diff) implements Step {
    }

    record Undo() implements Step {
    }

    record Run(String script, int exit, int line) implements Step {
    }

    record Output(List<String> lines, int line) implements Step {
    }

    /** Only shown to the reader: the harness does it its own way. */
    record Shown(List<String> lines) implements Step {
    }

    private static final Pattern MARKER = Pattern.compile("<!--\\s*(file|patch|run|output|example|undo)(?::\\s*(.*?))?\\s*-->");
    private static final Pattern EXIT = Pattern.compile("exit (\\d+)");

    static Script parse(String markdown) {
        List<Step> steps = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        @Nullable String lastMarker = null;
        @Nullable String lastArgument = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            Matcher m = MARKER.matcher(line.strip());
            if (m.matches()) {
                if (m.group(1).equals("undo")) {
                    steps.add(new Undo());
                    lastMarker = null;
                } else {
                    lastMarker = m.group(1);
                    lastArgument = m.group(2);
                }
                continue;
            }
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    lastMarker = null;
                }
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.length && !lines[end].stripTrailing().equals("```")) {
                end++;
            }
            if (end == lines.length) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a fenced block that never ends");
            }
            List<String> body = new ArrayList<>(List.of(lines).subList(start, end));
            if (lastMarker == null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a fenced block without a marker"
                        + " (<!-- file: ... -->, patch, run, output or example) on the line before it");
            }
            steps.add(step(lastMarker, lastArgument, body, i + 1));
            lastMarker = null;
            i = end;
        }
        return new Script(List.copyOf(steps));
    }

    private static Step step(String marker, @Nullable String argument, List<String> body, int line) {
        return switch (marker) {
            case "file" -> new WriteFile(required(argument, line), String.join("\n", body) + "\n");
            case "patch" -> new Patch(required(argument, line), body);
            case "run" -> new Run(String.join("\n", body) + "\n", exit(argument, line), line);
            case "output" -> new Output(body, line);
            case "example" -> new Shown(body);
            default -> throw new IllegalArgumentException("line " + line + ": unknown marker " + marker);
        };
    }

    private static String required(@Nullable String argument, int line) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("line " + line + ": the marker needs a path");
        }
        return argument.strip();
    }

    private static int exit(@Nullable String argument, int line) {
        if (argument == null) {
            return 0;
        }
        Matcher m = EXIT.matcher(argument.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("line " + line + ": run takes 'exit N', not '" + argument + "'");
        }
        return Integer.parseInt(m.group(1));
    }
}
