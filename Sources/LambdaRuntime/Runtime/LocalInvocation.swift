import Essentials
import FoundationEssentials

/// Runs one event through a handler in-process, without a Runtime API:
/// `bootstrap invoke events/x.json`.
package enum LocalInvocation {
    package enum Outcome {
        case response(Data)
        case error(ErrorReport)
    }

    package static func invoke(
        _ handler: any LambdaHandler,
        event: Data,
        function: FunctionMetadata,
        logger: Logger,
        timeoutMilliseconds: Int64 = LambdaContext.defaultTimeoutMilliseconds
    ) -> Outcome {
        let requestID = "local-" + UUID().uuidString.lowercased()
        let context = LambdaContext(
            requestID: requestID,
            deadlineMilliseconds: SystemClock.nowEpochMilliseconds() + timeoutMilliseconds,
            invokedFunctionARN: "arn:aws:lambda:local:000000000000:function:\(function.functionName)",
            function: function,
            isColdStart: true,
            logger: logger
        )
        do {
            return .response(try handler.handle(event, context: context))
        } catch {
            return .error(ErrorReport(error))
        }
    }
}
