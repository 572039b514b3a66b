package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.dice.DiceResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What a roll did: the dice, the formatted result, and where it went.
 *
 * @param result every die rolled
 * @param text the result as Discord markdown: what was posted, or what to show the roller
 * @param delivery where the result went
 * @param speaker the character's or NPC's name it was rolled as, if any
 * @param gmCopy for a secret roll, whether the GM got a copy
 */
public record Rolled(DiceResult result, String text, Delivery delivery, Optional<String> speaker, GmCopy gmCopy) {

    /** Where a roll's result went. */
    public enum Delivery {
        /** Posted through the webhook as the player's character. */
        CHARACTER,
        /** Posted through the webhook as one of the GM's NPCs. */
        NPC,
        /** Not posted: the bot answers it publicly (no campaign here, or no character). */
        BOT,
        /** Secret: only the roller sees {@link Rolled#text()}; the GM gets a direct message. */
        SECRET
    }

    /** Whether the GM got a copy of a secret roll. */
    public enum GmCopy {
        /** Not a secret roll. */
        NOT_SECRET,
        /** Sent to the campaign's GM by direct message. */
        SENT,
        /** The roller is the campaign's GM. */
        ROLLER_IS_GM,
        /** There is no campaign in the channel, so no GM. */
        NO_CAMPAIGN,
        /** The direct message could not be sent (for example, the GM does not accept direct messages). */
        FAILED
    }

    /**
     * Validates the fields.
     *
     * @param result every die rolled
     * @param text the result as Discord markdown: what was posted, or what to show the roller
     * @param delivery where the result went
     * @param speaker the character's or NPC's name it was rolled as, if any
     * @param gmCopy for a secret roll, whether the GM got a copy
     */
    public Rolled {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(gmCopy, "gmCopy");
        if ((delivery == Delivery.SECRET) == (gmCopy == GmCopy.NOT_SECRET)) {
            throw new IllegalArgumentException("gmCopy must be NOT_SECRET exactly when the roll is not secret");
        }
    }
}
