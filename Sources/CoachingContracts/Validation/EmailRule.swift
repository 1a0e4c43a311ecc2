/// A deliberately plain email check: one `@`, a local part of 1...64 bytes, a dotted
/// domain, no spaces or control characters. Deliverability is not our business.
enum EmailRule {
    /// Why `text` is not an email address, or `nil`.
    static func problem(with text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.count <= ContractLimits.maxEmailCharacters else {
            return "it has more than \(ContractLimits.maxEmailCharacters) characters"
        }
        guard !utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return "it contains spaces or control characters" }
        let parts = utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "it must have exactly one @-sign" }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.count) else { return "the part before the @-sign must have 1 to 64 characters" }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return "the part after the @-sign is not a valid domain" }
        return nil
    }
}

extension ContractReader {
    mutating func readEmail(nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let email = try readString(nullable: nullable) else { return nil }
        if let problem = EmailRule.problem(with: email) {
            record(IssueType.valueError, "value is not a valid email address: \(problem)")
            return nil
        }
        return email
    }
}
