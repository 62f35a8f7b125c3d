package io.cellbench.protocols.grammar;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The words of the step language, and "did you mean" for the ones people mistype. */
final class Keywords {

    /** Words that start a step, as they are shown in messages. */
    static final List<String> STEP_STARTS =
            List.of("Charge", "Discharge", "Hold", "Rest", "EIS", "PEIS", "GEIS", "Set", "Repeat");

    /** Every word with a meaning in a sentence; none of them is a unit, so "4.1 for" lacks a unit. */
    static final Set<String> ALL = Set.of("charge", "discharge", "hold", "rest", "eis", "peis", "geis", "set",
            "repeat", "at", "for", "until", "or", "then", "and", "from", "to", "points", "point", "per", "decade",
            "ppd", "period", "wait", "stable", "times", "time", "pressure", "temperature", "run");

    private Keywords() {
    }

    static boolean isKeyword(Token t) {
        return t.kind() == Token.Kind.WORD && ALL.contains(t.lower());
    }

    /**
     * The candidate closest to {@code word} when it is plausibly a typo of it (at most two
     * edits, fewer than the word's length), else null.
     */
    static String closest(String word, List<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.min(2, Math.max(1, w.length() / 3));
        return bestDistance <= allowed && bestDistance < w.length() ? best : null;
    }

    /** Edit distance counting a swap of two neighbours as one edit ("fro" → "for"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "'for', 'until' or 'at'" */
    static String quotedList(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sb.append(i == words.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(words.get(i)).append('\'');
        }
        return sb.toString();
    }
}
