/** Reports for people: verdicts, and failing executions as readable traces. */
@NullMarked
package armada.report;

import org.jspecify.annotations.NullMarked;
