package dev.campaignkeeper.core.dice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A fake generator that yields the faces a test scripts, in order. Each face must fit the die it
 * is drawn for; running out of faces fails the test.
 */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> faces = new ArrayDeque<>();
    private final boolean fudge;
    private int drawn;

    private ScriptedRandom(boolean fudge, int... faces) {
        this.fudge = fudge;
        for (int face : faces) {
            this.faces.add(face);
        }
    }

    /** Faces of ordinary dice: 1 to the number of sides. */
    static DiceRoller faces(int... faces) {
        return new DiceRoller(new ScriptedRandom(false, faces));
    }

    /** Faces of Fudge dice: -1, 0 or 1. */
    static DiceRoller fudge(int... faces) {
        return new DiceRoller(new ScriptedRandom(true, faces));
    }

    @Override
    public int nextInt(int bound) {
        Integer face = faces.poll();
        if (face == null) {
            throw new AssertionError("the roll drew more than the " + drawn + " scripted faces");
        }
        drawn++;
        int index = fudge ? face + 1 : face - 1;
        if (index < 0 || index >= bound) {
            throw new AssertionError("face " + face + " does not fit a die drawn with bound " + bound);
        }
        return index;
    }

    @Override
    public long nextLong() {
        throw new AssertionError("dice draw with nextInt(bound) only");
    }
}
