package armada.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedCodeTest {

    /** The fixture package, test classes included (the fixtures are test classes). */
    private static final CheckedCode FIXTURES = new CheckedCode("armada.testing.fixture", List.of(), true);

    private static List<String> of(String simpleName) {
        return FIXTURES.violations().stream().filter(v -> v.contains("fixture." + simpleName + ".")).toList();
    }

    @Test
    void fileStaticAndSynchronizedBlock_eachFoundWithWhatToUseInstead() {
        // FileCounter checks a java.io.File, counts in a static field and takes a monitor in a
        // synchronized block, which leaves no trace but a MONITORENTER in the bytecode.
        List<String> found = of("FileCounter");

        assertThat(found).anySatisfy(v -> assertThat(v).contains("java.io.File")
                .contains("(FileCounter.java:20)").endsWith(Advice.FILES));
        assertThat(found).anySatisfy(v -> assertThat(v)
                .startsWith("Method <armada.testing.fixture.FileCounter.exists> enters a synchronized block in"
                        + " (FileCounter.java:17)").endsWith("use World.newLock()"));
        assertThat(found).anySatisfy(v -> assertThat(v)
                .startsWith("Field <armada.testing.fixture.FileCounter.count> is static and not final")
                .contains("World cell"));
    }

    @Test
    void check_failsWithOneLinePerViolation() {
        // check() is the one-line form: an AssertionError listing every violation.
        assertThatThrownBy(FIXTURES::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("violation(s) of the checked-code rules in armada.testing.fixture")
                .hasMessageContaining("enters a synchronized block")
                .hasMessageContaining("java.io.File");
    }

    @Test
    void everyOtherForbiddenThing_foundWithItsAdvice() {
        // One of each: a file channel, an executor, a lock, an atomic, two clocks, two kinds of
        // randomness, a synchronized method.
        List<String> found = of("Sampler");

        assertThat(found).anySatisfy(v -> assertThat(v).contains("java.nio.channels.FileChannel").endsWith(Advice.FILES));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("Executors").endsWith(Advice.THREADS));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("ReentrantLock").endsWith(Advice.LOCKS));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("AtomicInteger").endsWith(Advice.ATOMICS));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("System.nanoTime").endsWith(Advice.CLOCKS));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("java.time.Instant.now").endsWith(Advice.CLOCKS));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("java.util.Random").endsWith(Advice.RANDOM));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("Math.random").endsWith(Advice.RANDOM));
        assertThat(found).anySatisfy(v -> assertThat(v).contains("Sampler.reset()> is synchronized")
                .endsWith(Advice.MONITOR));
    }

    @Test
    void scenarioClassesAndCleanCode_leftOutOrClean() {
        // RegisterScenarios (by name, with its nested class) and Sources (a ScenarioSource) set up
        // checks and are not checked; CleanRegister uses only the World and a static final constant.
        assertThat(FIXTURES.classNames()).contains("armada.testing.fixture.CleanRegister")
                .doesNotContain("armada.testing.fixture.RegisterScenarios", "armada.testing.fixture.RegisterScenarios$Helper",
                        "armada.testing.fixture.Sources");
        assertThat(of("CleanRegister")).isEmpty();
        assertThat(FIXTURES.violations()).noneMatch(v -> v.contains("Scenarios") || v.contains("Sources"));
    }

    @Test
    void forPackage_leavesOutTestClasses() {
        // The fixtures are test classes: the public form, for main code, does not see them.
        assertThat(CheckedCodeRules.forPackage("armada.testing.fixture").classNames()).isEmpty();
    }

    @Test
    void emptyOrMisspeltPackage_failsRatherThanPassing() {
        // A rule that checks nothing would pass for ever: an empty package is a failure.
        assertThatThrownBy(() -> CheckedCodeRules.forPackage("com.exmaple.nothing").check())
                .hasMessageContaining("no checked classes in package com.exmaple.nothing");
    }

    @Test
    void exceptPackages_leavesThemOut() {
        // Servers beside a checked library are left out by name, subpackages included.
        assertThat(new CheckedCode("armada.testing", List.of(), true).exceptPackages("armada.testing.fixture")
                .classNames()).noneMatch(n -> n.contains(".fixture."));
    }

    @Test
    void archUnitRules_catchTheFixturesToo() {
        // The older ArchUnit rules stay for those who choose classes themselves; each still
        // catches what it is about (not synchronized blocks, which it cannot see).
        com.tngtech.archunit.core.domain.JavaClasses bad = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(armada.testing.fixture.FileCounter.class, armada.testing.fixture.Sampler.class);
        for (com.tngtech.archunit.lang.ArchRule rule : CheckedCodeRules.ALL) {
            assertThat(rule.evaluate(bad).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
