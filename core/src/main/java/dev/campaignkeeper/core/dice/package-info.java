/**
 * Dice: the notation's parser ({@link dev.campaignkeeper.core.dice.DiceParser}, where the grammar
 * is written down), the roller with injectable randomness ({@link
 * dev.campaignkeeper.core.dice.DiceRoller}), the result model ({@link
 * dev.campaignkeeper.core.dice.DiceResult}: every die, dropped, rerolled and exploded dice marked,
 * successes, annotations, totals), the formatter to Discord markdown ({@link
 * dev.campaignkeeper.core.dice.DiceFormatter}) and inline rolls {@code [[1d20+5]]} in posts
 * ({@link dev.campaignkeeper.core.dice.InlineRolls}). Pure: no store, no platform.
 */
package dev.campaignkeeper.core.dice;
