/**
 * Importing characters from other proxy bots' export files (Tupperbox, PluralKit): the neutral
 * records a format parser produces and the use case that checks them against the input rules and
 * limits and stores them all-or-nothing. Parsing the files themselves needs JSON, so it lives
 * outside the core (module {@code character-import}).
 */
package dev.campaignkeeper.core.imports;
