package armada.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit test that checks scenarios with {@link Armada#check}: the verdicts and their bounds
 * become report entries of the test, the replay line names this test, and the attributes set
 * how the checks inside it search.
 *
 * <pre>{@code
 * @ArmadaTest
 * void putThenGet() {
 *     Armada.check(StoreScenarios.putThenGet());
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ArmadaExtension.class)
public @interface ArmadaTest {

    /** What an INCONCLUSIVE verdict does to the test (the property {@code armada.inconclusive} wins). */
    Inconclusive inconclusive() default Inconclusive.FAIL;

    /** The time budget of each check, in seconds; a search that runs out is INCONCLUSIVE. */
    double seconds() default 300;
}
