/// A token count estimate that errs high.
///
/// Rule: the larger of (a) one token per 3 UTF-8 bytes, rounded up, and
/// (b) one token per run of letters or digits plus one per other visible
/// character (punctuation and symbols are usually tokens of their own),
/// (two for characters beyond the Basic Multilingual Plane, such as emoji),
/// plus 4 per message for role markers. (a) overestimates ordinary English
/// by about a third and matches text in 3-byte scripts (CJK, about one
/// token per character); (b) covers short, symbol-heavy text such as
/// `x=1;y=2`, where (a) alone would undercount by half. Checked against a
/// reference tokenizer by `bench/tokens/compare_estimate.py`. Overrunning a
/// model's context is an error; underfilling it is only a little waste.
package enum TokenEstimate {
    static let perMessageOverhead = 4

    package static func tokens(in text: String) -> Int {
        var runs = 0, symbols = 0
        var inRun = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if !inRun { runs += 1 }
                inRun = true
            } else {
                inRun = false
                // Characters outside the Basic Multilingual Plane (emoji) are usually two or more tokens.
                if !properties.isWhitespace { symbols += scalar.value >= 0x10000 ? 2 : 1 }
            }
        }
        return max((text.utf8.count + 2) / 3, runs + symbols)
    }

    package static func tokens(inMessage text: String) -> Int {
        tokens(in: text) + perMessageOverhead
    }
}
