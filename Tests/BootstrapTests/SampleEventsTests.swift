import CoachingApplication
import CoachingContracts
import CoachingHandlers
import Essentials
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Every file in `events/` answers as `events/manifest.json` says, through
/// the handler built by `Application` (file store, offline coach, the
/// manifest's JWT settings), each on a fresh store.
@Suite struct SampleEventsTests {
    struct Manifest: Decodable {
        var environment: [String: String]
        var events: [Entry]
        /// Files that are not Lambda events (orchestrator and contract fixtures).
        var fixtures: [Fixture]
        enum CodingKeys: String, CodingKey { case environment, events, fixtures }
    }

    struct Fixture: Decodable {
        var file: String
        enum CodingKeys: String, CodingKey { case file }
    }

    struct Entry: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var kind: String
        var expect: Expectation
        var testDescription: String { file }
        enum CodingKeys: String, CodingKey { case file, kind, expect }
    }

    struct Expectation: Decodable, Sendable {
        var status: Int?
        var errorType: String?
        var result: String?
        var isAuthorized: Bool?
        var context: [String: String]?
        enum CodingKeys: String, CodingKey {
            case status, errorType = "error_type", result, isAuthorized = "is_authorized", context
        }
    }

    struct AuthorizerDecision: Decodable {
        var isAuthorized: Bool
        var context: [String: String]
        enum CodingKeys: String, CodingKey { case isAuthorized, context }
    }

    static let manifest: Manifest = {
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: PackagePaths.event("manifest.json")))
        } catch {
            fatalError("events/manifest.json is unreadable: \(error)")
        }
    }()

    @Test func everyEventFileIsListed() throws {
        let root = PackagePaths.root.appendingPathComponent("events")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: Set<String> = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json"), path != "manifest.json" { files.insert(path) }
        }
        let listed = Set(Self.manifest.events.map(\.file))
        let support = Set(Self.manifest.fixtures.map(\.file))
        #expect(support.isSuperset(of: ["stepfunctions/execution-input.json", "dotnet/business-context-camel.json"]))
        #expect(files.subtracting(listed) == support)
        #expect(listed.isSubset(of: files))
    }

    @Test(arguments: manifest.events)
    func answersAsTheManifestSays(entry: Entry) throws {
        let data = try TemporaryDirectory(prefix: "sample-events")
        defer { data.remove() }
        var environment = Self.manifest.environment
        environment["COACHING_DATA_DIR"] = data.url.path
        let handler = try Application.makeHandler(
            configuration: try ServiceConfiguration(environment: Environment(environment)),
            logger: Logger(service: "test", sink: CapturingLogSink())
        )
        let context = LambdaContext(requestID: "sample", deadlineMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 30_000,
                                    logger: Logger(service: "test", sink: CapturingLogSink()))
        let event = try Data(contentsOf: PackagePaths.event(entry.file))
        if let errorType = entry.expect.errorType {
            let error = #expect(throws: (any Error).self) { try handler.handle(event, context: context) }
            #expect(error.map { ErrorReport($0).errorType } == errorType)
            return
        }
        let output = try handler.handle(event, context: context)
        switch entry.kind {
        case "http":
            #expect(try HTTPEvents.ProxyResponse(output).statusCode == entry.expect.status)
        case "stepfunctions":
            let response = try JSONDecoder().decode(CoachingResponse.self, from: output)
            #expect(!response.message.isEmpty)
        case "authorizer":
            let decision = try JSONDecoder().decode(AuthorizerDecision.self, from: output)
            #expect(decision.isAuthorized == entry.expect.isAuthorized)
            if let context = entry.expect.context { #expect(decision.context == context) }
        default:
            Issue.record("unknown kind \(entry.kind)")
        }
    }
}
