import AWSCore
import CurlHTTP
import Essentials
import Foundation
import Testing

@Suite("SigV4 signer behaviour")
struct SigV4SignerTests {
    let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    @Test("a session token is added and signed")
    func sessionToken() {
        var withToken = credentials
        withToken.sessionToken = "TOKEN"
        let request = SigV4Request(method: "POST", host: "dynamodb.us-east-1.amazonaws.com", path: "/", body: Data())
        let signature = SigV4Signer(service: "dynamodb", region: "us-east-1").sign(request, credentials: withToken, epochSeconds: 1_440_938_160)
        #expect(signature.headers["X-Amz-Security-Token"] == "TOKEN")
        #expect(signature.signedHeaders == "host;x-amz-date;x-amz-security-token")
        #expect(signature.canonicalRequest.contains("x-amz-security-token:TOKEN\n"))
    }

    @Test("Expect, User-Agent and Content-Length are never signed; X-Amz-Target and Content-Type are")
    func unsignedHeaders() {
        let request = SigV4Request(
            method: "POST",
            host: "h",
            path: "/",
            headers: ["Expect": "100-continue", "User-Agent": "x", "Content-Length": "3", "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"],
            body: Data("abc".utf8)
        )
        let signature = SigV4Signer(service: "dynamodb", region: "us-east-1").sign(request, credentials: credentials, epochSeconds: 0)
        #expect(signature.signedHeaders == "content-type;host;x-amz-date;x-amz-target")
    }

    @Test("X-Amz-Content-SHA256 is added only when asked for (S3 style)")
    func contentHashHeader() {
        let request = SigV4Request(method: "PUT", host: "h", path: "/a b", body: Data("x".utf8))
        let plain = SigV4Signer(service: "s", region: "r").sign(request, credentials: credentials, epochSeconds: 0)
        #expect(plain.headers["X-Amz-Content-SHA256"] == nil)
        let s3 = SigV4Signer(service: "s3", region: "r", includesContentHashHeader: true, encodesPathTwice: false)
            .sign(request, credentials: credentials, epochSeconds: 0)
        #expect(s3.headers["X-Amz-Content-SHA256"] == SHA256.hexDigest(Array("x".utf8)))
        #expect(s3.signedHeaders.contains("x-amz-content-sha256"))
        #expect(s3.canonicalRequest.split(separator: "\n")[1] == "/a b")
    }

    @Test("the signing time changes the date header and the signature")
    func timeMatters() {
        let request = SigV4Request(method: "GET", host: "h", path: "/", body: Data())
        let signer = SigV4Signer(service: "s", region: "r")
        let first = signer.sign(request, credentials: credentials, epochSeconds: 1_700_000_000)
        let second = signer.sign(request, credentials: credentials, epochSeconds: 1_700_000_001)
        #expect(first.headers["X-Amz-Date"] == "20231114T221320Z")
        #expect(first.signature != second.signature)
    }

    @Test("query strings are encoded and sorted the same way for the wire and for signing")
    func canonicalQuery() {
        #expect(SigV4Signer.canonicalQueryString([(name: "b", value: "2"), (name: "a", value: "x y/ü"), (name: "a", value: "1")])
            == "a=1&a=x%20y%2F%C3%BC&b=2")
    }

    @Test("percent-encoding keeps only unreserved characters")
    func percentEncoding() {
        #expect(PercentEncoding.encode("aZ09-_.~ :/%é") == "aZ09-_.~%20%3A%2F%25%C3%A9")
        #expect(PercentEncoding.encode("/a b/c", keepSlash: true) == "/a%20b/c")
    }

    @Test("UTC calendar conversion", arguments: [
        (Int64(0), "19700101T000000Z", "1970-01-01T00:00:00.000Z"),
        (Int64(951_782_400_000), "20000229T000000Z", "2000-02-29T00:00:00.000Z"),
        (Int64(1_709_251_199_999), "20240229T235959Z", "2024-02-29T23:59:59.999Z"),
        (Int64(-1), "19691231T235959Z", "1969-12-31T23:59:59.999Z"),
        (Int64(4_102_444_800_000), "21000101T000000Z", "2100-01-01T00:00:00.000Z"),
    ])
    func calendar(milliseconds: Int64, amzDate: String, iso: String) {
        let time = UTCDateTime(epochMilliseconds: milliseconds)
        #expect(time.amzDate == amzDate)
        #expect(time.iso8601 == iso)
    }
}
