package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /roll} in {@code campaign-bot --console}: the bot's output, and rolls that repeat with {@code --seed}. */
class ConsoleRollTest {

    private static final String SCRIPT = """
            /roll expression:"1d20+5 [attack], 4d6kh3"
            /as Gwen
            /in tavern
            /campaign create name:"The Lost Mine"
            /npc create name:Grik
            /roll expression:2d6+3 as:Grik
            /as Alice
            /campaign join
            /character create name:Brynn
            /roll expression:"1d20+5 [attack] + 2d6 [fire]"
            /roll expression:"1d20+4 [stealth]" secret:true
            /say text:"I swing! [[1d20+5]]"
            /roll expression:1d1!
            /quit
            """;

    @TempDir
    Path work;

    private String console(String script, String... extraArgs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] args = new String[3 + extraArgs.length];
        args[0] = "--console";
        args[1] = "--data";
        args[2] = work.resolve("data-" + System.nanoTime()).toString();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        int code = new CampaignBot(Map.of(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), err, new ProductionLauncher(err, false)).run(args);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).replaceFirst("Data directory: [^\\n]*\\n", "");
    }

    @Test
    void rollsArePostedAsInDiscordAndTheGmsCopyOfASecretRollIsShown() {
        String transcript = console(SCRIPT, "--seed", "7");

        assertThat(transcript)
                .containsPattern("\\[Campaign Keeper] @you rolls:\\n    `1d20\\+5 \\[attack]` → 1d20 \\(\\d+\\) \\+ 5 "
                        + "\\[attack] = \\d+\\n    `4d6kh3` → 4d6kh3 \\(")
                .containsPattern("\\[Grik] `2d6\\+3` → 2d6 \\(\\d+, \\d+\\) \\+ 3 = \\*\\*\\d+\\*\\*")
                .contains("[Campaign Keeper, to Gwen only] Rolled as Grik.")
                .containsPattern("\\[Brynn] `1d20\\+5 \\[attack] \\+ 2d6 \\[fire]` → 1d20 \\(\\d+\\) \\+ 5 \\[attack] "
                        + "\\+ 2d6 \\(\\d+, \\d+\\) \\[fire] = \\*\\*\\d+\\*\\*")
                .contains("[Campaign Keeper, direct message to Gwen] Secret roll in **The Lost Mine** by @Alice as"
                        + " **Brynn**:\n    `1d20+4 [stealth]` → 1d20 (")
                .contains("[Campaign Keeper, to Alice only] Secret roll as Brynn, seen only by you and the GM")
                .containsPattern("\\[Brynn] I swing! `1d20\\+5` → 1d20 \\(\\d+\\) \\+ 5 = \\*\\*\\d+\\*\\*")
                .contains("[Campaign Keeper, to Alice only] Error: Cannot roll `1d1!`: ! matches every face of the"
                        + " die, so it would explode forever (position 4).");
    }

    @Test
    void theSameSeedRollsTheSameAndAnotherSeedDoesNot() {
        String first = console(SCRIPT, "--seed", "7");
        String again = console(SCRIPT, "--seed", "7");
        String other = console(SCRIPT, "--seed", "8");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
