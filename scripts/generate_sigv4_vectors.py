#!/usr/bin/env python3
"""Generates SigV4 golden vectors with botocore's SigV4Auth at fixed times.

Output: Tests/AWSCoreTests/Fixtures/sigv4-vectors.json (committed). The Swift
tests sign every case and compare the canonical request, the string to sign,
the signature and the Authorization header.

    python3 scripts/generate_sigv4_vectors.py
"""
import datetime
import json
import pathlib
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

EXAMPLE_KEY = "AKIDEXAMPLE"
EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
EXAMPLE_TIME = datetime.datetime(2015, 8, 30, 12, 36, 0)
DYNAMO_HEADERS = [("Content-Type", "application/x-amz-json-1.0")]


def case(name, method, url, *, service="service", region="us-east-1", params=None, headers=None,
         body="", token=None, when=EXAMPLE_TIME, key=EXAMPLE_KEY, secret=EXAMPLE_SECRET):
    return dict(name=name, method=method, url=url, service=service, region=region, params=params or [],
                headers=headers or [], body=body, token=token, when=when, key=key, secret=secret)


CASES = [
    # The two AWS-documented vectors (get-vanilla and a DynamoDB GetItem).
    case("get-vanilla", "GET", "https://example.amazonaws.com/"),
    case("dynamodb-getitem", "POST", "https://dynamodb.us-east-1.amazonaws.com/", service="dynamodb",
         headers=DYNAMO_HEADERS + [("X-Amz-Target", "DynamoDB_20120810.GetItem")],
         body='{"TableName":"state","Key":{"pk":{"S":"a"}}}'),
    # Query strings: ordering, repeated keys, characters that need encoding, unicode.
    case("get-query-order", "GET", "https://example.amazonaws.com/",
         params=[("Param2", "value2"), ("Param1", "value1")]),
    case("get-query-repeated-key", "GET", "https://example.amazonaws.com/",
         params=[("Param1", "value2"), ("Param1", "Value1"), ("Param1", "value1")]),
    case("get-query-encoding", "GET", "https://example.amazonaws.com/list",
         params=[("prefix", "a b/c"), ("reserved", "!*'();:@&=+$,?#[]"), ("tilde", "~x-y_z.w"),
                 ("empty", ""), ("unicode", "ü€😀")]),
    # Paths: spaces and ':' raw, a Bedrock model id already encoded once, unicode, dot segments.
    case("path-space-and-colon", "GET", "https://example.amazonaws.com/path with space/a:b"),
    case("bedrock-converse-model-id", "POST",
         "https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
         service="bedrock", region="us-west-2", headers=[("Content-Type", "application/json")],
         body='{"messages":[{"role":"user","content":[{"text":"Hello"}]}]}'),
    case("path-unicode", "GET", "https://example.amazonaws.com/ünicode/パス/é"),
    case("path-dot-segments", "GET", "https://example.amazonaws.com/a/./b/../c//d/"),
    # Session tokens, ports, other regions and dates.
    case("dynamodb-putitem-session-token", "POST", "https://dynamodb.eu-west-1.amazonaws.com/", service="dynamodb",
         region="eu-west-1", headers=DYNAMO_HEADERS + [("X-Amz-Target", "DynamoDB_20120810.PutItem")],
         body='{"TableName":"conversations","Item":{"pk":{"S":"TENANT#t1#CONV#c1"},"sk":{"S":"META"},"version":{"N":"1"}}}',
         token="IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=abc", when=datetime.datetime(2024, 2, 29, 23, 59, 59)),
    case("dynamodb-loopback-port", "POST", "http://127.0.0.1:5000/", service="dynamodb",
         headers=DYNAMO_HEADERS + [("X-Amz-Target", "DynamoDB_20120810.Query")],
         body='{"TableName":"t","KeyConditionExpression":"#n0 = :v0"}', token="session-token-for-moto",
         key="AKIAIOSFODNN7EXAMPLE", secret="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
         when=datetime.datetime(2026, 1, 1, 0, 0, 0)),
    case("https-default-port-dropped", "GET", "https://example.amazonaws.com:443/"),
    # Headers: whitespace folding, mixed case, and headers that are never signed.
    case("header-value-whitespace", "GET", "https://example.amazonaws.com/",
         headers=[("My-Header1", "  value1  with   spaces "), ("my-HEADER2", "\tvalue2")]),
    case("unsigned-headers-ignored", "POST", "https://example.amazonaws.com/", body="x",
         headers=[("User-Agent", "purposepath-coaching"), ("Expect", "100-continue"), ("Content-Type", "text/plain")]),
    case("post-unicode-body", "POST", "https://example.amazonaws.com/", headers=[("Content-Type", "application/json")],
         body='{"text":"Grüße, 世界 — ✓"}', when=datetime.datetime(2025, 12, 31, 23, 59, 59)),
    case("delete-empty-body", "DELETE", "https://example.amazonaws.com/items/42"),
]


class RecordingSigV4Auth(SigV4Auth):
    """Keeps the intermediate values add_auth computes (recomputing them
    afterwards would include the Authorization header just added)."""

    def canonical_request(self, request):
        self.recorded_canonical = super().canonical_request(request)
        return self.recorded_canonical

    def string_to_sign(self, request, canonical_request):
        self.recorded_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.recorded_string_to_sign

    def signature(self, string_to_sign, request):
        self.recorded_signature = super().signature(string_to_sign, request)
        return self.recorded_signature


def sign(spec):
    botocore.auth.get_current_datetime = lambda: spec["when"]
    credentials = Credentials(spec["key"], spec["secret"], spec["token"])
    auth = RecordingSigV4Auth(credentials, spec["service"], spec["region"])
    request = AWSRequest(method=spec["method"], url=spec["url"], data=spec["body"].encode("utf-8"),
                         headers=dict(spec["headers"]), params=spec["params"] or None)
    auth.add_auth(request)
    canonical = auth.recorded_canonical
    string_to_sign = auth.recorded_string_to_sign
    signature = auth.recorded_signature
    authorization = request.headers["Authorization"]
    assert authorization.endswith(signature), spec["name"]
    parts = urlsplit(spec["url"])
    return {
        "name": spec["name"],
        "method": spec["method"],
        "host": botocore.auth._host_from_url(spec["url"]),
        "path": parts.path,
        "query": [[k, v] for k, v in spec["params"]],
        "headers": [[k, v] for k, v in spec["headers"]],
        "body": spec["body"],
        "service": spec["service"],
        "region": spec["region"],
        "access_key_id": spec["key"],
        "secret_access_key": spec["secret"],
        "session_token": spec["token"],
        "epoch_seconds": int(spec["when"].replace(tzinfo=datetime.timezone.utc).timestamp()),
        "amz_date": request.context["timestamp"],
        "canonical_request": canonical,
        "string_to_sign": string_to_sign,
        "signature": signature,
        "authorization": authorization,
    }


def main():
    vectors = [sign(spec) for spec in CASES]
    target = pathlib.Path(__file__).resolve().parent.parent / "Tests/AWSCoreTests/Fixtures/sigv4-vectors.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    document = {"generator": f"botocore {botocore.__version__} SigV4Auth", "vectors": vectors}
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(vectors)} vectors to {target}")


if __name__ == "__main__":
    main()
