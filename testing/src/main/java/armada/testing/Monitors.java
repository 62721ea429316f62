package armada.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.MonitorInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code synchronized} blocks, which leave no trace in a class's declarations: javac
 * compiles them to MONITORENTER instructions, read here from the class file with the JDK's
 * class-file API.
 */
final class Monitors {

    private Monitors() {
    }

    /** One line per synchronized block of {@code c}: the method and the source line. */
    static List<String> blocks(JavaClass c) {
        Optional<byte[]> bytes = bytes(c);
        if (bytes.isEmpty()) {
            return List.of();
        }
        ClassModel model = ClassFile.of().parse(bytes.get());
        String file = model.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue())
                .orElse(c.getSimpleName() + ".java");
        List<String> found = new ArrayList<>();
        for (MethodModel m : model.methods()) {
            Optional<CodeModel> code = m.code();
            if (code.isEmpty()) {
                continue;
            }
            int line = 0;
            for (CodeElement e : code.get()) {
                if (e instanceof LineNumber ln) {
                    line = ln.line();
                } else if (e instanceof MonitorInstruction mi && mi.opcode() == Opcode.MONITORENTER) {
                    found.add("Method <" + c.getName() + "." + m.methodName().stringValue()
                            + "> enters a synchronized block in (" + file + ":" + line + ")");
                }
            }
        }
        return found;
    }

    private static Optional<byte[]> bytes(JavaClass c) {
        if (c.getSource().isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = c.getSource().get().getUri().toURL().openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
        }
    }
}
