/** Input rules (cleaning and validation of user text) and configurable limits. */
package dev.campaignkeeper.core.rules;
