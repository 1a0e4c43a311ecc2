/// A UTC calendar date and time computed from epoch milliseconds, without
/// `DateFormatter` (not in FoundationEssentials) or locale rules.
public struct UTCDateTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int

    public init(epochMilliseconds: Int64) {
        let (days, millisOfDay) = epochMilliseconds.floorDivided(by: 86_400_000)
        (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        hour = Int(millisOfDay / 3_600_000)
        minute = Int(millisOfDay / 60_000 % 60)
        second = Int(millisOfDay / 1_000 % 60)
        millisecond = Int(millisOfDay % 1_000)
    }

    public init(epochSeconds: Int64) {
        self.init(epochMilliseconds: epochSeconds * 1_000)
    }

    /// `20150830T123600Z`, the `x-amz-date` format.
    public var amzDate: String {
        "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))T\(pad(hour, 2))\(pad(minute, 2))\(pad(second, 2))Z"
    }

    /// `20150830`, the credential scope date.
    public var amzDay: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    /// `2015-08-30T12:36:00.000Z`: RFC 3339 / ISO 8601 with milliseconds.
    public var iso8601: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian, any epoch day.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int64 {
    /// Quotient rounded towards negative infinity, and a non-negative remainder.
    fileprivate func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let quotient = self / divisor, remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
