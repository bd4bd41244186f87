package vn.lienthong.gateway.normalize.text;

import java.util.List;

/**
 * One syllable that fits a damaged word, with the points the context gave it and why: {@code text:đơn vị}
 * (the pair occurs undamaged in the same text), {@code text-word:đơn} (the syllable does),
 * {@code dictionary:triển khai} (the pair is a word of the project's word list), {@code vocabulary:Phường
 * Ba Đình} (the pair occurs in an administrative name the project ships).
 */
public record RankedCandidate(String candidate, int score, List<String> evidence) {

    public RankedCandidate {
        evidence = List.copyOf(evidence);
    }
}
