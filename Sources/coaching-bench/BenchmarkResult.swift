/// One line of the benchmark table: a figure, its unit, and when there is a
/// comparison, the other figure and the goal the ratio is held to.
struct BenchmarkResult: Encodable, Sendable {
    var name: String
    var value: Double
    var unit: String
    var comparedWith: String?
    var otherValue: Double?
    /// How the ratio reads, for example "x faster than Pydantic".
    var ratioMeaning: String?
    var goal: String?
    var met: Bool?

    enum CodingKeys: String, CodingKey {
        case name, value, unit
        case comparedWith = "compared_with"
        case otherValue = "other_value"
        case ratioMeaning = "ratio_meaning"
        case goal, met
    }
}
