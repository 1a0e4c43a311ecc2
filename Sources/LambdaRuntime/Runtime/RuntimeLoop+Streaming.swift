import FoundationEssentials

extension RuntimeLoop {
    /// Runs a streaming handler on this thread while its bytes are posted
    /// from another, then waits for the POST to end.
    func stream(
        _ invocation: RuntimeAPIClient.Invocation,
        with handler: any StreamingLambdaHandler,
        maxResponseBytes: Int,
        context: LambdaContext
    ) {
        let stream = ResponseStream(limit: maxResponseBytes)
        let upload = ResponseStreamUpload.start(client: client, requestID: context.requestID, stream: stream)
        do {
            try handler.handle(invocation.event, context: context, stream: stream)
            stream.finish(.success)
        } catch {
            let report = ErrorReport(error)
            logFailure(error, report: report, context: context)
            stream.finish(.failure(report))
        }

        switch upload.wait() {
        case .failedBeforeStart(let report):
            do {
                try postError(report, context: context)
            } catch {
                context.logger.error("could not post the result to the Runtime API", ["error": .string("\(error)")])
            }
        case .posted(.accepted):
            if let failure = stream.failure {
                context.logger.error("streamed response ended with an error", [
                    "errorType": .string(failure.errorType), "responseBytes": .int(stream.bytesWritten),
                ])
            }
        case .posted(.tooLarge):
            context.logger.error("streamed response refused as too large", ["responseBytes": .int(stream.bytesWritten)])
        case .posted(.rejected(let status)):
            context.logger.error("streamed response refused by the Runtime API", ["status": .int(status)])
        case .transportFailed(let error):
            context.logger.error("could not post the streamed response to the Runtime API", ["error": .string("\(error)")])
        }
    }
}
