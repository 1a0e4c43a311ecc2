import FoundationEssentials

/// Turns one event into a response written as it is produced (Lambda
/// response streaming). The runtime calls it once per invocation,
/// sequentially, beside (never instead of) ``LambdaHandler``.
///
/// The POST to the Runtime API starts with the first byte written. An error
/// thrown before that is reported like a buffered handler's; one thrown
/// after it ends the stream with the error trailers. Errors follow the same
/// ``LambdaFunctionError`` rules as ``LambdaHandler``.
package protocol StreamingLambdaHandler {
    func handle(_ event: Data, context: LambdaContext, stream: ResponseStream) throws
}

/// A streaming handler made from a closure, for tests and small tools.
package struct ClosureStreamingHandler: StreamingLambdaHandler {
    private let body: (Data, LambdaContext, ResponseStream) throws -> Void

    package init(_ body: @escaping (Data, LambdaContext, ResponseStream) throws -> Void) { self.body = body }

    package func handle(_ event: Data, context: LambdaContext, stream: ResponseStream) throws {
        try body(event, context, stream)
    }
}
