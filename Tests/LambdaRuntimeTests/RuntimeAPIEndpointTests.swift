import LambdaRuntime
import Testing

@Suite struct RuntimeAPIEndpointTests {
    @Test(arguments: [
        ("127.0.0.1:9001", "http://127.0.0.1:9001/2018-06-01"),
        ("localhost:9001", "http://localhost:9001/2018-06-01"),
        ("[::1]:9001", "http://[::1]:9001/2018-06-01"),
        ("http://127.0.0.1:9000/.rt", "http://127.0.0.1:9000/.rt/2018-06-01"),
        ("http://127.0.0.1:9000/.rt/", "http://127.0.0.1:9000/.rt/2018-06-01"),
        ("http://[::1]:9000", "http://[::1]:9000/2018-06-01"),
        (" 127.0.0.1:9001 ", "http://127.0.0.1:9001/2018-06-01"),
    ])
    func acceptsTheFormsSeenInTheWild(value: String, expected: String) throws {
        #expect(try RuntimeAPIEndpoint(value).baseURL == expected)
    }

    @Test func rejectsEmptyValues() {
        #expect(throws: RuntimeAPIEndpointError.empty) { try RuntimeAPIEndpoint("  ") }
    }

    @Test func rejectsOtherSchemes() {
        #expect(throws: RuntimeAPIEndpointError.unsupportedScheme("https://127.0.0.1:9001")) {
            try RuntimeAPIEndpoint("https://127.0.0.1:9001")
        }
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", ":9001", "[::1]9001", "[::1", "host name:1"])
    func rejectsMalformedValues(value: String) {
        #expect(throws: RuntimeAPIEndpointError.invalid(value)) { try RuntimeAPIEndpoint(value) }
    }
}
