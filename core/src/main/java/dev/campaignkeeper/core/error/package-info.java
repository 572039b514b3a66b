/**
 * The core's exception family. Every exception is named after the failure and carries a message a
 * user or an admin can act on; a failure a front end words itself also carries a {@link
 * dev.campaignkeeper.core.error.ReasonCode} and its parameters, so core names no command and no platform.
 */
package dev.campaignkeeper.core.error;
