/**
 * Exploration: scenarios, strategies that pick the next execution (exhaustive with
 * partial-order reduction, random, PCT), replay of schedules, shrinking of failures, and the
 * explorer that turns all of it into a verdict.
 */
@NullMarked
package armada.explore;

import org.jspecify.annotations.NullMarked;
