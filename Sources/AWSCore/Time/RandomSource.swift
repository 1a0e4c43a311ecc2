/// Uniform random numbers for backoff jitter; injectable so tests can
/// assert exact delays.
public protocol RandomSource: Sendable {
    /// A value in `0..<1`.
    func nextUnitInterval() -> Double
}

/// The system generator.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func nextUnitInterval() -> Double { Double.random(in: 0..<1) }
}
