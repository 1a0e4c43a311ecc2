/// A UTC calendar date and time computed from epoch milliseconds, without
/// `DateFormatter` (not in FoundationEssentials) or locale rules.
package struct UTCDateTime: Sendable, Equatable {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int
    var millisecond: Int

    package init(epochMilliseconds: Int64) {
        let (days, millisOfDay) = epochMilliseconds.floorDivided(by: 86_400_000)
        (year, month, day) = CivilDate.date(daysSince1970: Int(days))
        hour = Int(millisOfDay / 3_600_000)
        minute = Int(millisOfDay / 60_000 % 60)
        second = Int(millisOfDay / 1_000 % 60)
        millisecond = Int(millisOfDay % 1_000)
    }

    package init(epochSeconds: Int64) {
        self.init(epochMilliseconds: epochSeconds * 1_000)
    }

    /// `20150830T123600Z`, the `x-amz-date` format.
    package var amzDate: String {
        "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))T\(pad(hour, 2))\(pad(minute, 2))\(pad(second, 2))Z"
    }

    /// `20150830`, the credential scope date.
    package var amzDay: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    /// `2015-08-30T12:36:00.000Z`: RFC 3339 / ISO 8601 with milliseconds,
    /// the form of log timestamps.
    package var iso8601: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    private func pad(_ value: Int, _ width: Int) -> String { CivilDate.pad(value, width) }
}

extension Int64 {
    /// Quotient rounded towards negative infinity, and a non-negative remainder.
    fileprivate func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let quotient = self / divisor, remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
