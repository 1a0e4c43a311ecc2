import AWSCore
import DynamoDB
import Foundation
import Testing
import TestSupport

@Suite("Transactions and typed errors against moto")
struct TransactionAndErrorTests {
    /// The chat-message append: put MSG#n only if new, replace META only if its version is unchanged.
    private func append(_ table: MotoTable, sequence: Int, expectedVersion: Int) -> [TransactWriteItem] {
        [
            .put(table: table.name, item: table.key("conv", String(format: "MSG#%04d", sequence)).merging(["text": "hi"]) { $1 }, condition: .attributeNotExists("pk")),
            .put(
                table: table.name,
                item: table.key("conv", "META").merging(["version": .number(expectedVersion + 1), "message_count": .number(sequence)]) { $1 },
                condition: .equals("version", .number(expectedVersion)),
                onConditionFailure: .allOld
            ),
        ]
    }

    @Test("a transaction applies all its actions in one round trip")
    func commit() throws {
        let table = try MotoTable("txok")
        try table.put(table.key("conv", "META").merging(["version": 1]) { $1 })
        table.recorder.drain()
        try table.client.transactWriteItems(append(table, sequence: 1, expectedVersion: 1), clientRequestToken: "token-1")
        #expect(table.recorder.roundTrips == 1)
        let meta = try table.client.getItem(table: table.name, key: table.key("conv", "META"))
        #expect(meta?["version"] == 2)
        #expect(meta?["message_count"] == 1)
        #expect(try table.client.getItem(table: table.name, key: table.key("conv", "MSG#0001"))?["text"] == "hi")
    }

    @Test("a stale version cancels the transaction with per-action reasons, nothing written")
    func cancelled() throws {
        let table = try MotoTable("txcancel")
        let current = table.key("conv", "META").merging(["version": 5]) { $1 }
        try table.put(current)
        #expect {
            try table.client.transactWriteItems(append(table, sequence: 1, expectedVersion: 4))
        } throws: { error in
            guard case .transactionCanceled(let reasons, let details) = error as? DynamoDBError else { return false }
            return reasons.map(\.code) == ["None", "ConditionalCheckFailed"]
                && reasons[1].isFailure && !reasons[0].isFailure
                && reasons[1].item == current
                && details.requestID != nil
        }
        #expect(table.recorder.recorded.last?.attempts == 1, "a condition failure is not retried")
        #expect(try table.client.getItem(table: table.name, key: table.key("conv", "MSG#0001")) == nil)
    }

    @Test("a wrong secret is a clear authentication error that never shows the secret")
    func wrongSecret() throws {
        let moto = try MotoServer.shared()
        let wrong = AWSCredentials(accessKeyID: moto.credentials.accessKeyID, secretAccessKey: "definitely-the-wrong-secret")
        let client = try moto.dynamoDBClient(credentials: wrong)
        #expect {
            try client.describeTable("anything")
        } throws: { error in
            guard let error = error as? DynamoDBError, case .authentication(let details) = error else { return false }
            return details.code == "SignatureDoesNotMatch" && error.requestID != nil
                && !"\(error)".contains("definitely-the-wrong-secret") && error.code == "Authentication"
        }
    }

    @Test("an unknown key is an authentication error; a user without a policy is denied")
    func unknownKeyAndDenied() throws {
        let moto = try MotoServer.shared()
        let unknown = try moto.dynamoDBClient(credentials: AWSCredentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: "x"))
        #expect { try unknown.describeTable("t") } throws: { ($0 as? DynamoDBError)?.code == "Authentication" }
        let denied = try moto.dynamoDBClient(credentials: moto.deniedCredentials)
        #expect { try denied.describeTable("t") } throws: { ($0 as? DynamoDBError)?.code == "AccessDenied" }
    }

    @Test("unknown tables and invalid requests map to typed errors")
    func notFoundAndValidation() throws {
        let table = try MotoTable("errors")
        #expect {
            try table.client.getItem(table: "missing-\(UUID().uuidString)", key: table.key("a", "b"))
        } throws: { error in
            guard case .resourceNotFound(let details) = error as? DynamoDBError else { return false }
            return details.code == "ResourceNotFoundException" && !details.message.isEmpty
        }
        #expect {
            try table.client.getItem(table: table.name, key: ["pk": "only-half-the-key"])
        } throws: { ($0 as? DynamoDBError)?.code == "Validation" }
        #expect(table.recorder.recorded.allSatisfy { $0.attempts == 1 }, "never retried")
    }
}
