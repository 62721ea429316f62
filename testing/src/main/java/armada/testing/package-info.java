/** Support for the tests of projects that use Armada: the rules checked code must obey. */
@NullMarked
package armada.testing;

import org.jspecify.annotations.NullMarked;
