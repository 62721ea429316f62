/**
 * Mailboat in CMAIL's layers (CSPEC Fig. 7, section 8.1): the Deliver layer's spec
 * ({@link armada.mailboat.layers.DeliverSpec}), the mail operations implemented on it
 * ({@link armada.mailboat.layers.MailOnDeliver}), the layer implemented on the file system
 * ({@link armada.mailboat.layers.DeliverOnFs}), their mover and partition claims, and the
 * scenarios that check each link, and the same code flat ({@link armada.mailboat.layers.CmailScenarios}).
 */
@NullMarked
package armada.mailboat.layers;

import org.jspecify.annotations.NullMarked;
