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
        let signer = SigV4Signer(service: service.signingName, region: region)
        let wirePath = endpoint.basePath + request.encodedPath
        let url = endpoint.url(path: request.encodedPath, query: SigV4Signer.canonicalQueryString(request.query))
        let payloadHash = SHA256.hexDigest(request.body)
        let clock = dependencies.clock
        let engine = RetryEngine(
            retry: service.retry, timeouts: service.timeouts, clock: clock, sleeper: dependencies.sleeper,
            random: dependencies.random, quota: dependencies.retryQuota
        )
        let (result, progress) = engine.run(deadline: deadline, outOfTime: AWSError.deadlineExceeded) { connect, total in
            let signature = signer.sign(
                SigV4Request(method: request.method.rawValue, host: endpoint.hostHeader, path: wirePath, query: request.query, headers: request.headers, payloadHash: payloadHash),
                credentials: credentials,
                epochSeconds: clock.nowEpochMilliseconds() / 1_000
            )
            var headers = request.headers
            for field in signature.headers { headers.add(name: field.name, value: field.value) }
            return attempt(HTTPRequest(
                method: request.method, url: url, headers: headers, body: request.body.isEmpty ? nil : request.body,
                connectTimeoutMilliseconds: Int(connect), timeoutMilliseconds: Int(total)
            ), credentials: credentials)
        }
        switch result {
        case .success(let response):
            let statistics = report(request, progress, errorCode: nil)
            return AWSResponse(status: response.status, headers: response.headers, body: response.body, requestID: response.headers["x-amzn-RequestId"], statistics: statistics)
        case .failure(let error):
            report(request, progress, errorCode: error.code)
            throw error
        }
    }

    private func attempt(_ request: HTTPRequest, credentials: AWSCredentials) -> AttemptOutcome<HTTPResponse, AWSError> {
        let response: HTTPResponse
        do {
            response = try dependencies.transport.perform(request)
        } catch {
            return .failure(.transport(error), retry: error.isRetryable ? .transient : nil, retryAfterMilliseconds: nil)
        }
        guard response.isSuccess else {
            let serviceError = AWSErrorParser.parse(response, credentials: credentials)
            return .failure(.service(serviceError), retry: classifier.retryKind(for: serviceError), retryAfterMilliseconds: serviceError.retryAfterMilliseconds)
        }
        if service.verifiesCRC32, let expected = response.headers["x-amz-crc32"].flatMap({ UInt32($0) }),
           expected != CRC32.checksum(response.body) {
            return .failure(.checksumMismatch(requestID: response.headers["x-amzn-RequestId"]), retry: .transient, retryAfterMilliseconds: nil)
        }
        return .success(response)
    }

    @discardableResult
    private func report(_ request: AWSRequest, _ progress: RetryProgress, errorCode: String?) -> AWSCallStatistics {
        let statistics = AWSCallStatistics(
            service: service.signingName,
            operation: request.operation,
            attempts: progress.attempts,
            throttles: progress.throttles,
            backoffMilliseconds: progress.backoffMilliseconds,
            durationMilliseconds: dependencies.clock.nowEpochMilliseconds() - progress.startMilliseconds,
            errorCode: errorCode
        )
        dependencies.observer?.callDidFinish(statistics)
        return statistics
    }
}
