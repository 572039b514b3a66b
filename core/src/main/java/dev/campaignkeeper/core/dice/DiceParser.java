package dev.campaignkeeper.core.dice;

import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.dice.Node.Modifier;
import dev.campaignkeeper.core.dice.Node.Op;
import dev.campaignkeeper.core.dice.Selector.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses dice notation: a small hand-written recursive-descent parser. This Javadoc is the one
 * place where the grammar is written down (the user guide copies it). Letters are case-insensitive;
 * spaces may separate tokens but not the parts of one dice set ({@code 4d6kh3}).
 *
 * <pre>
 * command    = item { "," item }
 * item       = [ count "#" ] expression                 count: 1..50 results in all
 * expression = term { ( "+" | "-" ) term }
 * term       = factor { ( "*" | "/" ) factor }          "/" divides, rounding toward zero
 * factor     = ( "-" | "+" ) factor | atom [ annotation ]
 * atom       = integer | dice | "(" expression ")" | "adv" | "dis"
 * annotation = "[" text "]"                             text: no "[", "]" or "`"
 * dice       = [ integer ] "d" ( integer | "%" | "F" ) { operator } [ success [ failure ] ]
 * operator   = ( "k" | "kh" | "kl" ) keep               keep: "k3" = "kh3"; "k&gt;4" keeps dice above 4
 *            | ( "d" | "dh" | "dl" | "p" ) drop         drop: "d1" = "dl1"; "p" is "d"
 *            | "rr" value                               reroll until the die no longer matches
 *            | "ro" select                              reroll once
 *            | "ra" select                              reroll up to one matching die and add it
 *            | "e" value | "!" [ value ]                explode: a matching die adds a die ("!" = max face)
 *            | "!!" [ value ]                           compound: explosions add into the same die
 *            | "mi" integer | "ma" integer              raise to a minimum / lower to a maximum
 * keep, drop = integer | "h" integer | "l" integer | compare
 * select     = value | "h" integer | "l" integer        the N highest / lowest dice
 * value      = integer | compare                        "rr1" = "rr=1"
 * compare    = ( "=" | "&gt;" | "&gt;=" | "&lt;" | "&lt;=" ) integer  strict "&gt;" and "&lt;"
 * success    = compare                                  the set counts dice that match...
 * failure    = "f" value                                ...minus dice that match this
 * </pre>
 *
 * <p>{@code NdM}: N (default 1) dice of M sides; {@code d%} is {@code d100}; {@code dF} is a
 * Fudge/Fate die (-1, 0, +1). {@code adv} is {@code 2d20kh1}, {@code dis} is {@code 2d20kl1}.
 * Operators apply left to right to the dice still counting.
 *
 * <p>Limits ({@link DiceLimits}): at most 200 characters, 1,000 dice per command (before
 * explosions and rerolls), 10,000 sides per die, 50 results. Refused with an {@link
 * InvalidDiceException} naming the position: anything outside the grammar, unbalanced
 * parentheses, {@code 0d6}, {@code 1d0}, keeping or dropping more dice than rolled ({@code
 * 2d6kh3}), explosions or rerolls that match every face ({@code 1d1!}, {@code 1d6rr<7}), numbers
 * too large. Division by zero and overflow are refused when rolling.
 */
public final class DiceParser {

    private static final int MAX_DEPTH = 60;

    private final String src;
    private int pos;
    private int dice;
    private int depth;

    private DiceParser(String src) {
        this.src = src;
    }

    /**
     * Parses a dice command.
     *
     * @param expression the notation, e.g. {@code "1d20+5 [attack], 4d6kh3"}
     * @return the parsed command
     * @throws InvalidDiceException if the expression is not valid, with the position of the problem
     */
    public static DiceCommand parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > DiceLimits.MAX_EXPRESSION_LENGTH) {
            throw new InvalidDiceException(expression, "a dice expression may be at most "
                    + DiceLimits.MAX_EXPRESSION_LENGTH + " characters, this one has " + expression.length(),
                    DiceLimits.MAX_EXPRESSION_LENGTH + 1);
        }
        return new DiceParser(expression).command();
    }

    private DiceCommand command() {
        skipSpaces();
        if (atEnd()) {
            throw error("there is nothing to roll; type dice like 1d20+5", pos);
        }
        List<DiceCommand.Item> items = new ArrayList<>();
        int results = 0;
        do {
            skipSpaces();
            int itemStart = pos;
            int repeat = 1;
            if (isDigit(peek())) {
                int save = pos;
                long count = integer();
                skipSpaces();
                if (peek() == '#') {
                    if (count < 1 || count > DiceLimits.MAX_ROLLS) {
                        throw error("the count before # must be 1 to " + DiceLimits.MAX_ROLLS + ", not " + count,
                                itemStart);
                    }
                    pos++;
                    repeat = (int) count;
                } else {
                    pos = save;
                }
            }
            skipSpaces();
            int exprStart = pos;
            int diceBefore = dice;
            Node node = expression();
            String label = src.substring(exprStart, pos).strip();
            long itemDice = (long) (dice - diceBefore) * repeat;
            if (diceBefore + itemDice > DiceLimits.MAX_DICE) {
                throw error("at most " + String.format(Locale.ROOT, "%,d", DiceLimits.MAX_DICE)
                        + " dice per command, this one rolls " + String.format(Locale.ROOT, "%,d", diceBefore + itemDice),
                        itemStart);
            }
            dice = (int) (diceBefore + itemDice);
            results += repeat;
            if (results > DiceLimits.MAX_ROLLS) {
                throw error("at most " + DiceLimits.MAX_ROLLS + " results per command", itemStart);
            }
            items.add(new DiceCommand.Item(label, node, repeat));
            skipSpaces();
        } while (accept(','));
        if (!atEnd()) {
            if (peek() == ')') {
                throw error("this ) has no ( to close", pos);
            }
            throw error("unexpected \"" + current() + "\"; expected an operator (+ - * /), a comma or the end", pos);
        }
        return new DiceCommand(src, items, dice);
    }

    private Node expression() {
        Node left = term();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c != '+' && c != '-') {
                return left;
            }
            int at = pos++;
            left = new Node.Binary(c, at + 1, left, term());
        }
    }

    private Node term() {
        Node left = factor();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c != '*' && c != '/') {
                return left;
            }
            int at = pos++;
            left = new Node.Binary(c, at + 1, left, factor());
        }
    }

    private Node factor() {
        if (++depth > MAX_DEPTH) {
            throw error("the expression is nested too deeply", pos);
        }
        try {
            skipSpaces();
            if (peek() == '-') {
                int at = pos++;
                return new Node.Negate(at + 1, factor());
            }
            if (peek() == '+') {
                pos++;
                return factor();
            }
            Node atom = atom();
            int save = pos;
            skipSpaces();
            if (peek() == '[') {
                return annotate(atom, annotation());
            }
            pos = save;
            return atom;
        } finally {
            depth--;
        }
    }

    private Node atom() {
        skipSpaces();
        if (atEnd()) {
            throw error("the expression ends here; expected a number, dice like d20, or (", pos);
        }
        char c = peek();
        int start = pos;
        if (c == '(') {
            pos++;
            Node inner = expression();
            skipSpaces();
            if (peek() != ')') {
                throw error("this ( is never closed; add a )", start);
            }
            pos++;
            return new Node.Group(inner, Optional.empty());
        }
        if (word("adv") || word("dis")) {
            boolean advantage = lower(c) == 'a';
            pos += 3;
            dice += 2;
            return new Node.Dice(src.substring(start, pos), 2, 20, false,
                    List.of(new Modifier(Op.KEEP, new Selector(advantage ? Kind.HIGHEST : Kind.LOWEST, 1))),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (isDigit(c)) {
            long n = integer();
            if (lower(peek()) == 'd') {
                return dice(n, start, start);
            }
            return new Node.Const(n, Optional.empty());
        }
        if (lower(c) == 'd') {
            return dice(1, -1, start);
        }
        if (c == ')') {
            throw error("this ) has no ( to close", pos);
        }
        throw error("unexpected \"" + current() + "\"; expected a number, dice like d20, or (", pos);
    }

    private Node dice(long count, int countStart, int start) {
        int dAt = pos;
        pos++; // the d
        int sides;
        boolean fudge = false;
        int sidesAt = pos;
        char c = peek();
        if (c == '%') {
            pos++;
            sides = 100;
        } else if (lower(c) == 'f') {
            pos++;
            sides = 3;
            fudge = true;
        } else if (isDigit(c)) {
            long n = integer();
            if (n < 1) {
                throw error("a die needs at least 1 side", sidesAt);
            }
            if (n > DiceLimits.MAX_SIDES) {
                throw error("a die may have at most " + String.format(Locale.ROOT, "%,d", DiceLimits.MAX_SIDES)
                        + " sides, not " + String.format(Locale.ROOT, "%,d", n), sidesAt);
            }
            sides = (int) n;
        } else {
            throw error("expected the number of sides after d, like d20, d% or dF", dAt + 1);
        }
        if (count < 1) {
            throw error("a roll needs at least 1 die, not 0", countStart);
        }
        if (count > DiceLimits.MAX_DICE) {
            throw error("at most " + String.format(Locale.ROOT, "%,d", DiceLimits.MAX_DICE) + " dice per command",
                    countStart);
        }
        dice += (int) count;
        Node.Dice shape = new Node.Dice("d", (int) count, sides, fudge, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        List<Modifier> modifiers = new ArrayList<>();
        Optional<Selector> success = Optional.empty();
        Optional<Selector> failure = Optional.empty();
        while (!atEnd()) {
            int at = pos;
            char op = lower(peek());
            if (success.isPresent()) {
                if (op == 'f' && failure.isEmpty()) {
                    pos++;
                    failure = Optional.of(value("f", at));
                    continue;
                }
                if (isOperatorStart(op)) {
                    throw error("after the success target only f (failures) may follow", at);
                }
                break;
            }
            switch (op) {
                case 'k' -> {
                    pos++;
                    modifiers.add(new Modifier(Op.KEEP, rankOrValue(Kind.HIGHEST, "k", at, shape)));
                }
                case 'd', 'p' -> {
                    pos++;
                    modifiers.add(new Modifier(Op.DROP, rankOrValue(Kind.LOWEST, String.valueOf(op), at, shape)));
                }
                case 'r' -> {
                    pos++;
                    char second = lower(peek());
                    if (second == 'r') {
                        pos++;
                        Selector selector = value("rr", at);
                        refuseEndless(selector, shape, "rr", "reroll", at);
                        modifiers.add(new Modifier(Op.REROLL, selector));
                    } else if (second == 'o' || second == 'a') {
                        pos++;
                        String name = "r" + second;
                        Selector selector = isRank(peek()) ? rank(name, at, shape) : value(name, at);
                        modifiers.add(new Modifier(second == 'o' ? Op.REROLL_ONCE : Op.REROLL_ADD, selector));
                    } else {
                        throw error("expected rr (reroll), ro (reroll once) or ra (reroll and add)", at);
                    }
                }
                case 'e' -> {
                    pos++;
                    Selector selector = value("e", at);
                    refuseEndless(selector, shape, "e", "explode", at);
                    modifiers.add(new Modifier(Op.EXPLODE, selector));
                }
                case '!' -> {
                    pos++;
                    boolean compound = peek() == '!';
                    if (compound) {
                        pos++;
                    }
                    String name = compound ? "!!" : "!";
                    Selector selector = isDigit(peek()) || isCompare(peek())
                            ? value(name, at) : new Selector(Kind.EQ, shape.maxFace());
                    refuseEndless(selector, shape, name, "explode", at);
                    modifiers.add(new Modifier(compound ? Op.COMPOUND : Op.EXPLODE, selector));
                }
                case 'm' -> {
                    pos++;
                    char second = lower(peek());
                    if (second != 'i' && second != 'a') {
                        throw error("expected mi (minimum) or ma (maximum)", at);
                    }
                    pos++;
                    if (!isDigit(peek())) {
                        throw error("expected a number after m" + second + ", like m" + second + "2", pos);
                    }
                    modifiers.add(new Modifier(second == 'i' ? Op.MIN : Op.MAX, new Selector(Kind.EQ, integer())));
                }
                case '>', '<', '=' -> success = Optional.of(compare("", at));
                case 'f' -> throw error("f (failures) needs a success target before it, like >=8f1", at);
                default -> {
                    return finish(start, (int) count, sides, fudge, modifiers, success, failure);
                }
            }
        }
        return finish(start, (int) count, sides, fudge, modifiers, success, failure);
    }

    private Node.Dice finish(int start, int count, int sides, boolean fudge, List<Modifier> modifiers,
                             Optional<Selector> success, Optional<Selector> failure) {
        if (isLetter(peek())) {
            throw error("unexpected \"" + current() + "\" in the dice " + src.substring(start, pos), pos);
        }
        return new Node.Dice(src.substring(start, pos), count, sides, fudge, modifiers, success, failure,
                Optional.empty());
    }

    /** After k or d: a number (the default rank), h/l and a number, or a comparison. */
    private Selector rankOrValue(Kind defaultRank, String name, int at, Node.Dice shape) {
        char c = peek();
        if (isDigit(c)) {
            return checkedRank(new Selector(defaultRank, integer()), name, at, shape);
        }
        if (isRank(c)) {
            return rank(name, at, shape);
        }
        if (isCompare(c)) {
            return compare(name, at);
        }
        throw error("expected a number, h, l or a comparison after " + name + ", like " + name + "h1", pos);
    }

    private Selector rank(String name, int at, Node.Dice shape) {
        char c = lower(peek());
        pos++;
        if (!isDigit(peek())) {
            throw error("expected a number after " + name + c + ", like " + name + c + "1", pos);
        }
        return checkedRank(new Selector(c == 'h' ? Kind.HIGHEST : Kind.LOWEST, integer()), name + c, at, shape);
    }

    private Selector checkedRank(Selector selector, String name, int at, Node.Dice shape) {
        if (selector.n() < 1) {
            throw error(name + selector.n() + " must name at least 1 die", at);
        }
        if (selector.n() > shape.count()) {
            throw error(name + selector.n() + " selects " + selector.n() + " dice, but only " + shape.count()
                    + (shape.count() == 1 ? " is" : " are") + " rolled", at);
        }
        return selector;
    }

    /** A plain number (means =N) or a comparison. */
    private Selector value(String name, int at) {
        char c = peek();
        if (isDigit(c)) {
            return new Selector(Kind.EQ, integer());
        }
        if (isCompare(c)) {
            return compare(name, at);
        }
        if (isRank(c)) {
            throw error(name + " takes a face or a comparison (like " + name + "1 or " + name + "<3), not h or l",
                    pos);
        }
        throw error("expected a number or a comparison after " + name + ", like " + name + "6 or " + name + ">5",
                pos);
    }

    private Selector compare(String what, int at) {
        char c = peek();
        pos++;
        boolean orEqual = c != '=' && peek() == '=';
        if (orEqual) {
            pos++;
        }
        if (!isDigit(peek())) {
            throw error("expected a number after " + what + c + (orEqual ? "=" : ""), pos);
        }
        long n = integer();
        Kind kind = switch (c) {
            case '>' -> orEqual ? Kind.GE : Kind.GT;
            case '<' -> orEqual ? Kind.LE : Kind.LT;
            default -> Kind.EQ;
        };
        return new Selector(kind, n);
    }

    private void refuseEndless(Selector selector, Node.Dice shape, String name, String verb, int at) {
        if (selector.matchesAll(shape.minFace(), shape.maxFace())) {
            throw error(name + " matches every face of the die, so it would " + verb + " forever", at);
        }
    }

    private Node annotate(Node atom, String annotation) {
        Optional<String> note = Optional.of(annotation);
        if (atom instanceof Node.Const c) {
            return new Node.Const(c.value(), note);
        }
        if (atom instanceof Node.Dice d) {
            return new Node.Dice(d.text(), d.count(), d.sides(), d.fudge(), d.modifiers(), d.success(), d.failure(),
                    note);
        }
        Node.Group g = (Node.Group) atom;
        return new Node.Group(g.inner(), note);
    }

    private String annotation() {
        int open = pos++;
        StringBuilder text = new StringBuilder();
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ']') {
                pos++;
                String note = text.toString().strip();
                if (note.isEmpty()) {
                    throw error("the annotation [] is empty", open);
                }
                return note;
            }
            if (c == '[' || c == '`') {
                throw error("an annotation may not contain " + c, pos);
            }
            text.append(Character.isWhitespace(c) ? ' ' : c);
            pos++;
        }
        throw error("this [ starts an annotation that is never closed; add a ]", open);
    }

    private long integer() {
        int start = pos;
        long n = 0;
        while (isDigit(peek())) {
            int digit = src.charAt(pos) - '0';
            if (n > (Long.MAX_VALUE - digit) / 10) {
                throw error("the number " + src.substring(start, Math.min(src.length(), start + 20)) + "… is too large",
                        start);
            }
            n = n * 10 + digit;
            pos++;
        }
        return n;
    }

    private boolean word(String word) {
        if (!src.regionMatches(true, pos, word, 0, word.length())) {
            return false;
        }
        int after = pos + word.length();
        return after >= src.length() || !Character.isLetterOrDigit(src.charAt(after));
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private char peek() {
        return atEnd() ? '\0' : src.charAt(pos);
    }

    private String current() {
        return src.substring(pos, pos + Character.charCount(src.codePointAt(pos)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isCompare(char c) {
        return c == '>' || c == '<' || c == '=';
    }

    private static boolean isRank(char c) {
        return c == 'h' || c == 'l' || c == 'H' || c == 'L';
    }

    private static boolean isOperatorStart(char c) {
        return c == 'k' || c == 'd' || c == 'p' || c == 'r' || c == 'e' || c == '!' || c == 'm' || isCompare(c)
                || c == 'f';
    }

    private static char lower(char c) {
        return Character.toLowerCase(c);
    }

    /** A parse error at a 0-based index of the source (reported 1-based). */
    private InvalidDiceException error(String reason, int index) {
        return new InvalidDiceException(src, reason, index + 1);
    }
}
