/** Input rules (cleaning and validation of user text), configurable limits, and the reference checks over a guild's records. */
package dev.campaignkeeper.core.rules;
