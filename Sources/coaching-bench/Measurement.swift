import LocalRuntime

/// Summary statistics of repeated timings, in microseconds.
struct Timings: Sendable {
    var samples: [Double]

    init(microseconds samples: [Double]) { self.samples = samples.sorted() }

    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let rank = fraction * Double(samples.count - 1)
        let lower = Int(rank.rounded(.down)), upper = Int(rank.rounded(.up))
        return samples[lower] + (samples[upper] - samples[lower]) * (rank - Double(lower))
    }

    var median: Double { percentile(0.5) }
    var p90: Double { percentile(0.9) }
    var p99: Double { percentile(0.99) }
}

/// Runs `body` `warmup` times untimed, then `iterations` times timed.
func measure(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Timings {
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = MonotonicClock.nanoseconds()
        try body()
        samples.append(Double(MonotonicClock.nanoseconds() - start) / 1_000)
    }
    return Timings(microseconds: samples)
}
