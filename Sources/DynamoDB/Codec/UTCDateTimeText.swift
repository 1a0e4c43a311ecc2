import AWSCore
import Essentials
import FoundationEssentials

/// Date text for items: written by hand (exact milliseconds, no locale);
/// read with `Date.ISO8601FormatStyle` for the calendar part and integer
/// arithmetic for the fraction, so `…20.123Z` reads back as exactly the
/// `Date` that was written (the format style alone yields `.1230001`).
enum UTCDateTimeText {
    static func iso8601(epochMilliseconds: Int64) -> String {
        UTCDateTime(epochMilliseconds: epochMilliseconds).iso8601
    }

    static func parse(_ text: String) -> Date? {
        guard let dot = text.firstIndex(of: ".") else { return try? Date.ISO8601FormatStyle().parse(text) }
        let afterDot = text.index(after: dot)
        let digitsEnd = text[afterDot...].firstIndex { !$0.isASCII || !$0.isNumber } ?? text.endIndex
        let digits = text[afterDot..<digitsEnd].prefix(6)
        guard !digits.isEmpty, let fraction = Int64(digits),
              let whole = try? Date.ISO8601FormatStyle().parse(String(text[..<dot]) + String(text[digitsEnd...])) else {
            return nil
        }
        var microseconds = fraction
        for _ in digits.count..<6 { microseconds *= 10 }
        let wholeMicroseconds = Int64(whole.timeIntervalSince1970.rounded()) * 1_000_000
        return Date(timeIntervalSince1970: Double(wholeMicroseconds + microseconds) / 1_000_000)
    }
}
