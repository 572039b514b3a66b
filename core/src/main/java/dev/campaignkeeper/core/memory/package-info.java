/**
 * In-memory implementations of the core's ports, for tests, the offline console and library users
 * who want no files.
 */
package dev.campaignkeeper.core.memory;
