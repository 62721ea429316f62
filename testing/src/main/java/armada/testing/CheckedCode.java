package armada.testing;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checked code of a package and its subpackages, and what in it breaks the rules of
 * {@link CheckedCodeRules}: each violation is one line that says where, what, and what to use
 * instead. Scenario classes are left out by themselves: {@code ScenarioSource} implementations,
 * classes named {@code *Scenario} or {@code *Scenarios} (with their nested classes), and test
 * classes. Get one with {@link CheckedCodeRules#forPackage}.
 */
public final class CheckedCode {

    private final String pkg;
    private final List<String> excluded;
    private final boolean withTests;
    /** The classes, once imported. */
    private volatile @Nullable List<JavaClass> imported;

    CheckedCode(String pkg, List<String> excluded, boolean withTests) {
        if (!pkg.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
            throw new IllegalArgumentException("'" + pkg + "' is not a package name");
        }
        this.pkg = pkg;
        this.excluded = List.copyOf(excluded);
        this.withTests = withTests;
    }

    /** The same, without {@code packages} and their subpackages (code that is not checked, such as servers). */
    public CheckedCode exceptPackages(String... packages) {
        List<String> all = new ArrayList<>(excluded);
        all.addAll(List.of(packages));
        return new CheckedCode(pkg, all, withTests);
    }

    /**
     * Fails with every violation, one per line, if there is any. Also fails if the package holds no
     * checked class at all, which is a misspelt package name more often than not.
     */
    public void check() {
        List<JavaClass> classes = classes();
        if (classes.isEmpty()) {
            throw new AssertionError("no checked classes in package " + pkg + " (outside tests and scenario classes)");
        }
        List<String> found = violations(classes);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " violation(s) of the checked-code rules in " + pkg
                    + " (code under check reaches shared and durable state only through the World API):\n"
                    + String.join("\n", found));
        }
    }

    /** The violations, one line each, in class order. */
    public List<String> violations() {
        return violations(classes());
    }

    /** The names of the classes checked. */
    public List<String> classNames() {
        return classes().stream().map(JavaClass::getName).sorted().toList();
    }

    private List<JavaClass> classes() {
        List<JavaClass> known = imported;
        if (known == null) {
            known = importClasses();
            imported = known;
        }
        return known;
    }

    private List<JavaClass> importClasses() {
        ClassFileImporter importer = new ClassFileImporter();
        if (!withTests) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        ClassFileImporter configured = importer;
        // The rules look at the classes used by name and package, so the classes they use need
        // not be imported in full from the class path, which takes seconds (the JDK's included).
        JavaClasses imported = ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return configured.importPackages(pkg);
        });
        List<JavaClass> out = new ArrayList<>();
        for (JavaClass c : imported) {
            if (inScope(c) && !isScenarioClass(c)) {
                out.add(c);
            }
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private boolean inScope(JavaClass c) {
        String p = c.getPackageName();
        if (!(p.equals(pkg) || p.startsWith(pkg + ".")) || c.getSimpleName().equals("package-info")) {
            return false;
        }
        return excluded.stream().noneMatch(x -> p.equals(x) || p.startsWith(x + "."));
    }

    /** Scenario classes set up checks; they and everything nested in them are not checked code. */
    static boolean isScenarioClass(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            String name = k.getSimpleName();
            if (name.endsWith("Scenario") || name.endsWith("Scenarios")
                    || k.isAssignableTo("armada.explore.ScenarioSource")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> violations(List<JavaClass> classes) {
        Set<String> found = new LinkedHashSet<>();
        for (JavaClass c : classes) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String advice = Advice.forTarget(d.getTargetClass());
                if (advice != null) {
                    found.add(d.getDescription() + ": " + advice);
                }
            }
            for (JavaAccess<?> a : c.getAccessesFromSelf()) {
                String advice = Advice.forCall(a.getTargetOwner().getName(), a.getName());
                if (advice != null) {
                    found.add(a.getDescription() + ": " + advice);
                }
            }
            for (JavaMethod m : c.getMethods()) {
                if (m.getModifiers().contains(JavaModifier.SYNCHRONIZED)) {
                    found.add("Method <" + m.getFullName() + "> is synchronized in " + m.getSourceCodeLocation() + ": "
                            + Advice.MONITOR);
                }
            }
            for (String block : Monitors.blocks(c)) {
                found.add(block + ": " + Advice.MONITOR);
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.STATIC) && !f.getModifiers().contains(JavaModifier.FINAL)
                        && !f.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    found.add("Field <" + f.getFullName() + "> is static and not final in (" + sourceFile(c) + "): "
                            + Advice.STATIC);
                }
            }
        }
        return List.copyOf(found);
    }


    private static String sourceFile(JavaClass c) {
        return c.getSource().flatMap(s -> s.getFileName()).orElse(c.getSimpleName() + ".java");
    }

    @Override
    public String toString() {
        return "checked code in " + pkg + (excluded.isEmpty() ? "" : " except " + excluded);
    }
}
