/**
 * Armada in JUnit 5: {@code Armada.check(scenario)} explores a scenario and fails the test with
 * its shrunk trace and a replay line; {@code @ArmadaTest} adds report entries and per-test settings.
 */
@NullMarked
package armada.junit;

import org.jspecify.annotations.NullMarked;
