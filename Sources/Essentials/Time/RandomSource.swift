/// Uniform random numbers for backoff jitter; injectable so tests can
/// assert exact delays.
package protocol RandomSource: Sendable {
    /// A value in `0..<1`.
    func nextUnitInterval() -> Double
}

/// The system generator.
package struct SystemRandomSource: RandomSource {
    package init() {}

    package func nextUnitInterval() -> Double { Double.random(in: 0..<1) }
}
