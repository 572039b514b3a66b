/**
 * The core's exception family. Every exception is named after the failure and carries a message a
 * Discord user or an admin can act on.
 */
package dev.campaignkeeper.core.error;
