import CurlHTTP
import Essentials
import FoundationEssentials

/// A signed, retrying client for one AWS service speaking a JSON protocol.
///
/// Thread-safe: every stored property is immutable or internally
/// synchronised, so one client can serve concurrent requests.
package final class AWSClient: Sendable {
    package let service: AWSServiceDescription
    package let region: String
    package let endpoint: AWSEndpoint
    package let credentialsProvider: any CredentialsProvider
    package let classifier: any RetryClassifier
    package let dependencies: AWSClientDependencies

    package init(
        service: AWSServiceDescription,
        region: String,
        endpoint: AWSEndpoint,
        credentialsProvider: any CredentialsProvider,
        classifier: any RetryClassifier = StandardRetryClassifier(),
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        self.credentialsProvider = credentialsProvider
        self.classifier = classifier
        self.dependencies = dependencies
    }

    /// Region from `AWS_REGION` (or `AWS_DEFAULT_REGION`), endpoint from the
    /// `AWS_ENDPOINT_URL_*` overrides or the public one, credentials from
    /// the standard variables.
    package static func fromEnvironment(
        service: AWSServiceDescription,
        environment: Environment = .process,
        classifier: any RetryClassifier = StandardRetryClassifier(),
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) throws(AWSError) -> AWSClient {
        guard let region = environment.region else { throw .invalidConfiguration("AWS_REGION is not set") }
        return AWSClient(
            service: service,
            region: region,
            endpoint: try AWSEndpoint.resolve(for: service, region: region, environment: environment),
            credentialsProvider: EnvironmentCredentialsProvider(environment: environment),
            classifier: classifier,
            dependencies: dependencies
        )
    }

    /// The same client (sharing its connection pool and retry quota)
    /// reporting to `observer`: count the calls made for one request.
    package func withObserver(_ observer: (any AWSCallObserver)?) -> AWSClient {
        var dependencies = dependencies
        dependencies.observer = observer
        return AWSClient(service: service, region: region, endpoint: endpoint, credentialsProvider: credentialsProvider, classifier: classifier, dependencies: dependencies)
    }

    /// Signs and sends `request`, retrying per the standard mode, never
    /// starting an attempt or sleeping past `deadline`.
    ///
    /// - Returns: the 2xx response.
    /// - Throws: the last error once retries are exhausted, not allowed,
    ///   out of quota, or out of time.
    package func send(_ request: AWSRequest, deadline: Deadline = .none) throws(AWSError) -> AWSResponse {
        let credentials = try credentialsProvider.credentials()
        var call = CallProgress(startMilliseconds: dependencies.clock.nowEpochMilliseconds())
        let signer = SigV4Signer(service: service.signingName, region: region)
        let wirePath = endpoint.basePath + request.encodedPath
        let url = endpoint.url(path: request.encodedPath, query: SigV4Signer.canonicalQueryString(request.query))
        let payloadHash = SHA256.hexDigest(request.body)

        while true {
            let now = dependencies.clock.nowEpochMilliseconds()
            guard let timeouts = service.timeouts.attemptTimeouts(remainingMilliseconds: deadline.remainingMilliseconds(at: now)) else {
                throw finish(request, &call, error: call.lastError ?? .deadlineExceeded)
            }
            call.attempts += 1
            let signature = signer.sign(
                SigV4Request(method: request.method.rawValue, host: endpoint.hostHeader, path: wirePath, query: request.query, headers: request.headers, payloadHash: payloadHash),
                credentials: credentials,
                epochSeconds: now / 1_000
            )
            var headers = request.headers
            for field in signature.headers { headers.add(name: field.name, value: field.value) }
            let httpRequest = HTTPRequest(
                method: request.method,
                url: url,
                headers: headers,
                body: request.body.isEmpty ? nil : request.body,
                connectTimeoutMilliseconds: Int(timeouts.connect),
                timeoutMilliseconds: Int(timeouts.total)
            )

            let outcome = attempt(httpRequest, credentials: credentials)
            let error: AWSError, kind: RetryKind?, retryAfter: Int64?
            switch outcome {
            case .success(let response):
                dependencies.retryQuota.release(call.lastRetryCost ?? RetryQuota.successIncrement)
                let statistics = finishStatistics(request, &call, errorCode: nil)
                return AWSResponse(status: response.status, headers: response.headers, body: response.body, requestID: response.headers["x-amzn-RequestId"], statistics: statistics)
            case .failure(let failed, let failedKind, let hint):
                (error, kind, retryAfter) = (failed, failedKind, hint)
            }
            if kind == .throttling { call.throttles += 1 }
            call.lastError = error
            guard let kind, call.attempts < service.retry.maxAttempts else { throw finish(request, &call, error: error) }

            let delay = service.retry.delayMilliseconds(
                beforeRetry: call.attempts,
                kind: kind,
                unitRandom: dependencies.random.nextUnitInterval(),
                retryAfterMilliseconds: retryAfter
            )
            if let remaining = deadline.remainingMilliseconds(at: dependencies.clock.nowEpochMilliseconds()),
               remaining - delay < service.timeouts.minimumAttemptMilliseconds {
                throw finish(request, &call, error: error)
            }
            let cost = RetryQuota.cost(of: kind)
            guard dependencies.retryQuota.acquire(cost) else { throw finish(request, &call, error: error) }
            call.lastRetryCost = cost
            dependencies.sleeper.sleep(milliseconds: delay)
            call.backoffMilliseconds += delay
        }
    }

    private enum AttemptOutcome {
        case success(HTTPResponse)
        case failure(AWSError, RetryKind?, retryAfterMilliseconds: Int64?)
    }

    private func attempt(_ request: HTTPRequest, credentials: AWSCredentials) -> AttemptOutcome {
        let response: HTTPResponse
        do {
            response = try dependencies.transport.perform(request)
        } catch {
            return .failure(.transport(error), error.isRetryable ? .transient : nil, retryAfterMilliseconds: nil)
        }
        guard response.isSuccess else {
            let serviceError = AWSErrorParser.parse(response, credentials: credentials)
            return .failure(.service(serviceError), classifier.retryKind(for: serviceError), retryAfterMilliseconds: serviceError.retryAfterMilliseconds)
        }
        if service.verifiesCRC32, let expected = response.headers["x-amz-crc32"].flatMap({ UInt32($0) }),
           expected != CRC32.checksum(response.body) {
            return .failure(.checksumMismatch(requestID: response.headers["x-amzn-RequestId"]), .transient, retryAfterMilliseconds: nil)
        }
        return .success(response)
    }

    private struct CallProgress {
        var startMilliseconds: Int64
        var attempts = 0
        var throttles = 0
        var backoffMilliseconds: Int64 = 0
        var lastRetryCost: Int?
        var lastError: AWSError?
    }

    private func finish(_ request: AWSRequest, _ call: inout CallProgress, error: AWSError) -> AWSError {
        _ = finishStatistics(request, &call, errorCode: error.code)
        return error
    }

    private func finishStatistics(_ request: AWSRequest, _ call: inout CallProgress, errorCode: String?) -> AWSCallStatistics {
        let statistics = AWSCallStatistics(
            service: service.signingName,
            operation: request.operation,
            attempts: call.attempts,
            throttles: call.throttles,
            backoffMilliseconds: call.backoffMilliseconds,
            durationMilliseconds: dependencies.clock.nowEpochMilliseconds() - call.startMilliseconds,
            errorCode: errorCode
        )
        dependencies.observer?.callDidFinish(statistics)
        return statistics
    }
}
