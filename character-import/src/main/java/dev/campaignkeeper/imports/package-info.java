/**
 * Reads other proxy bots' export files (Tupperbox's {@code tuppers.json}, PluralKit's
 * {@code system.json} versions 1 and 2) into the core's neutral
 * {@link dev.campaignkeeper.core.imports.ImportedFile}; the core's
 * {@link dev.campaignkeeper.core.usecase.CharacterImports} then applies the rules and stores them.
 * Entry point: {@link dev.campaignkeeper.imports.CharacterFiles}.
 */
package dev.campaignkeeper.imports;
