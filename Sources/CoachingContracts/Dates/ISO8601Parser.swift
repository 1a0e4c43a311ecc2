import FoundationEssentials

/// A hand-written ISO-8601 / RFC 3339 reader and writer (FoundationEssentials has
/// no `DateFormatter`, and this is much faster than a format style).
enum ISO8601Parser {
    struct Parsed {
        var secondsSince1970: Double
        var hasTime: Bool
    }

    /// Why a text is not a date, phrased for the issue message.
    enum Problem: String, Error {
        case invalidCharacter = "invalid character"
        case tooShort = "input is too short"
        case monthOutOfRange = "month value is outside expected range of 1-12"
        case dayOutOfRange = "day value is outside expected range"
        case timeOutOfRange = "time value is outside expected range"
        case invalidOffset = "invalid timezone offset"
        case trailingCharacters = "unexpected extra characters at the end of the input"
    }

    static func parse(_ text: String) -> Result<Parsed, Problem> {
        var text = text
        return text.withUTF8 { bytes in parse(bytes) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parsed, Problem> {
        var cursor = Cursor(bytes: bytes)
        do {
            let year = try cursor.digits(4)
            try cursor.expect(UInt8(ascii: "-"))
            let month = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: "-"))
            let day = try cursor.digits(2)
            guard year >= 1 else { return .failure(.dayOutOfRange) }
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange) }
            guard (1...daysIn(month: month, year: year)).contains(day) else { return .failure(.dayOutOfRange) }
            let days = daysSince1970(year: year, month: month, day: day)
            guard !cursor.atEnd else {
                return .success(Parsed(secondsSince1970: Double(days * 86_400), hasTime: false))
            }
            guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t")) || cursor.take(UInt8(ascii: " ")) else {
                return .failure(.invalidCharacter)
            }
            let hour = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: ":"))
            let minute = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: ":"))
            let second = try cursor.digits(2)
            guard hour < 24, minute < 60, second < 60 else { return .failure(.timeOutOfRange) }
            var fraction = 0.0
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                fraction = try cursor.fraction()
            }
            let offsetSeconds = try cursor.offset()
            guard cursor.atEnd else { return .failure(.trailingCharacters) }
            let whole = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
            return .success(Parsed(secondsSince1970: Double(whole) + fraction, hasTime: true))
        } catch {
            return .failure(error)
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func digits(_ count: Int) throws(Problem) -> Int {
            guard index + count <= bytes.count else { throw .tooShort }
            var value = 0
            for _ in 0..<count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { throw .invalidCharacter }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }

        mutating func expect(_ byte: UInt8) throws(Problem) {
            guard index < bytes.count else { throw .tooShort }
            guard take(byte) else { throw .invalidCharacter }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// 1...9 digits of fractional seconds.
        mutating func fraction() throws(Problem) -> Double {
            var numerator = 0, denominator = 1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                guard denominator < 1_000_000_000 else { throw .invalidCharacter }
                numerator = numerator * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                denominator *= 10
                index += 1
            }
            guard denominator > 1 else { throw .invalidCharacter }
            return Double(numerator) / Double(denominator)
        }

        /// `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC); the offset east of UTC in seconds.
        mutating func offset() throws(Problem) -> Int {
            if atEnd { return 0 }
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
            let sign: Int
            if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { throw .invalidCharacter }
            let hours = try digits(2)
            _ = take(UInt8(ascii: ":"))
            let minutes = try digits(2)
            guard hours < 24, minutes < 60 else { throw .invalidOffset }
            return sign * (hours * 3_600 + minutes * 60)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func format(_ date: Date) -> String {
        // Clamped to years 1...9999, which is all the four-digit form can say (and never traps on NaN).
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isNaN ? 0 : min(max(seconds, -62_135_596_800), 253_402_300_799.999)
        let milliseconds = Int((clamped * 1_000).rounded(.down))
        let (days, millisecondOfDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayShift, dayMilliseconds) = millisecondOfDay < 0 ? (-1, millisecondOfDay + 86_400_000) : (0, millisecondOfDay)
        let (year, month, day) = civilDate(daysSince1970: days + dayShift)
        let second = dayMilliseconds / 1_000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(second / 3_600, 2) + ":"
            + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2) + "." + pad(dayMilliseconds % 1_000, 3) + "Z"
    }

    /// The inverse of ``daysSince1970(year:month:day:)``.
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
