/// A token count estimate that errs high.
///
/// Rule: one token per 3 UTF-8 bytes, rounded up, plus 4 per message for
/// role markers. English averages about 4 characters per token with the
/// tokenizers in use (so this overestimates by about a third); text in
/// scripts of 3-byte characters (CJK) is about one token per character,
/// which the rule matches. It never undercounts by more than a few percent,
/// which is what a budget needs: overrunning a model's context is an error,
/// underfilling it is only a little waste.
public enum TokenEstimate {
    public static let perMessageOverhead = 4

    public static func tokens(in text: String) -> Int {
        (text.utf8.count + 2) / 3
    }

    public static func tokens(inMessage text: String) -> Int {
        tokens(in: text) + perMessageOverhead
    }
}
