import FoundationEssentials

/// Turns one event into one response. The runtime calls it once per
/// invocation, sequentially.
///
/// Throw an error conforming to ``LambdaFunctionError`` to choose the
/// `errorType` callers see; any other error is reported as
/// ``ErrorReport/unhandledErrorType`` without its details.
package protocol LambdaHandler {
    func handle(_ event: Data, context: LambdaContext) throws -> Data
}

/// A handler made from a closure, for tests and small tools.
package struct ClosureHandler: LambdaHandler {
    private let body: (Data, LambdaContext) throws -> Data

    package init(_ body: @escaping (Data, LambdaContext) throws -> Data) { self.body = body }

    package func handle(_ event: Data, context: LambdaContext) throws -> Data {
        try body(event, context)
    }
}
