import AWSCore
import Dispatch
import Foundation
import Testing

/// Concurrent invocations run on their own threads: each drains only its own calls.
@Suite struct AWSCallRecorderTests {
    private func statistics(_ operation: String) -> AWSCallStatistics {
        AWSCallStatistics(service: "dynamodb", operation: operation, attempts: 1, throttles: 0, backoffMilliseconds: 0,
                          durationMilliseconds: 1, errorCode: nil)
    }

    @Test func eachThreadDrainsOnlyWhatItRecorded() {
        let recorder = AWSCallRecorder()
        recorder.callDidFinish(statistics("Here"))
        let other = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var drained: [String] = [] }
        let box = Box()
        Thread.detachNewThread {
            recorder.callDidFinish(self.statistics("There"))
            box.drained = recorder.drain().map(\.operation)
            other.signal()
        }
        other.wait()
        #expect(box.drained == ["There"])
        #expect(recorder.drain().map(\.operation) == ["Here"])
        #expect(recorder.drain().isEmpty)
    }
}
