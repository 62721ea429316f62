/**
 * Exploration: scenarios, strategies that pick the next execution (exhaustive with
 * partial-order reduction, its tree divided among workers and shards; random, PCT), the state
 * cache, replay of schedules, shrinking of failures, and the explorer that turns all of it into
 * a verdict.
 */
@NullMarked
package armada.explore;

import org.jspecify.annotations.NullMarked;
