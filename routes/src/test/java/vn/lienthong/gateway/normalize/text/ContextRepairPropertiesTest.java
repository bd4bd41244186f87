package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Repair from context must leave correct text alone and reach its result in one pass. */
class ContextRepairPropertiesTest {

    private static final TextOptions FLAG = TextOptions.runningText(List.of(), false, true, 0, false);
    private static final TextOptions FILL_AND_REMOVE = TextOptions.runningText(List.of(), true, true, 0, true);

    @Property(tries = 300)
    void cleanTextIsNeverChanged(@ForAll("cleanText") String text, @ForAll boolean fillAndRemove) {
        RepairedText repaired = TextRepairer.repair(text, fillAndRemove ? FILL_AND_REMOVE : FLAG);
        assertThat(repaired.text()).isSameAs(text);
        assertThat(repaired.repairs()).isEmpty();
        assertThat(repaired.damage()).isEmpty();
        assertThat(repaired.boilerplate()).isEmpty();
    }

    @Property(tries = 300)
    void repairingTwiceChangesNothingMore(@ForAll("damagedText") String text) {
        // Without filling: a filled word changes the width of its line, and the hard-wrap judgement of
        // the line joiner (older than repair from context) may then read the paragraph differently.
        TextOptions options = FLAG;
        RepairedText once = TextRepairer.repair(text, options);
        RepairedText twice = TextRepairer.repair(once.text(), options);
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.repairs()).isEmpty();
    }

    @Property(tries = 200)
    void anyTextIsRepairedOnce(@ForAll("anyText") String text) {
        RepairedText once = TextRepairer.repair(text, FLAG);
        RepairedText twice = TextRepairer.repair(once.text(), FLAG);
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.repairs()).isEmpty();
    }

    @Provide
    Arbitrary<String> anyText() {
        return VietnameseTextArbitraries.anyVietnameseText();
    }

    /**
     * Correct text with the line structure of an administrative document: headings in capitals, one
     * sentence per line, list items; and the single-line paragraphs of correct prose.
     */
    @Provide
    Arbitrary<String> cleanText() {
        Arbitrary<String> words = VietnameseTextArbitraries.syllable().map(String::toLowerCase).list().ofMinSize(2).ofMaxSize(14)
                .map(ws -> String.join(" ", ws));
        Arbitrary<String> sentence = words.map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".");
        Arbitrary<String> heading = words.map(s -> s.toUpperCase());
        Arbitrary<String> item = Combinators.combine(Arbitraries.of("- ", "+ ", "1. ", "2) ", "a) "), words)
                .as((marker, s) -> marker + s + ";");
        // No address-like lines (no end punctuation, starting with a capital) in blocks of prose: the older
        // hard-wrap judgement of LineJoiner may take three short lines for a wrapped paragraph and join
        // them ("Đấu rỏm tọn nhóm xa⏎Khuận dượu xảu nhoàn."), with or without context repair.
        Arbitrary<String> line = Arbitraries.oneOf(sentence, heading, item);
        Arbitrary<String> block = line.list().ofMinSize(1).ofMaxSize(6).map(ls -> String.join("\n", ls));
        Arbitrary<String> structured = block.list().ofMinSize(1).ofMaxSize(4).map(bs -> String.join("\n\n", bs));
        return Arbitraries.oneOf(structured, VietnameseTextArbitraries.correctProse());
    }

    /** Prose of syllables with lost letters ('?', '??', U+FFFD), hard-wrapped at a random width. */
    @Provide
    Arbitrary<String> damagedText() {
        Arbitrary<String> word = Combinators.combine(VietnameseTextArbitraries.syllable(), Arbitraries.integers().between(0, 9),
                Arbitraries.of("?", "??", "\uFFFD")).as((s, roll, lost) -> roll > 1 ? s : damage(s, lost));
        Arbitrary<String> paragraph = word.list().ofMinSize(5).ofMaxSize(60).map(ws -> String.join(" ", ws));
        return Combinators.combine(paragraph, Arbitraries.integers().between(20, 80))
                .as((p, width) -> wrap(p, width));
    }

    private static String damage(String syllable, String lost) {
        for (int i = 0; i < syllable.length(); i++) {
            if (syllable.charAt(i) >= 0x80) {
                return syllable.substring(0, i) + lost + syllable.substring(i + 1);
            }
        }
        return syllable;
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
