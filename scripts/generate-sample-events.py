#!/usr/bin/env python3
"""Writes the sample events under events/ (API Gateway v2 and v1, Lambda
authorizer, Step Functions task payloads, malformed ones) and
events/manifest.json, which lists every file with the outcome a test expects.

Deterministic: the same files every run (JWTs are HS256-signed with the
documented sample secret and fixed times). `--check` exits 1 when a file on
disk differs from what this script would write, so hand edits and the
generator cannot drift apart.

    python3 scripts/generate-sample-events.py          # (re)write events/
    python3 scripts/generate-sample-events.py --check  # verify
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import hmac
import json
import pathlib
import sys

EVENTS = pathlib.Path(__file__).resolve().parents[1] / "events"

# The authorizer samples are signed with this key; a test that runs them sets
# JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE to these values (see manifest.json).
SAMPLE_ENVIRONMENT = {
    "JWT_SECRET": "purposepath-sample-events-hs256-key-not-for-deployment",
    "JWT_ISSUER": "https://auth.purposepath.example",
    "JWT_AUDIENCE": "purposepath-coaching",
    # The samples' tokens were issued in November 2026; ten years keeps them usable.
    "JWT_MAX_AGE_SECONDS": "315360000",
}
USER, TENANT, ROLE = "user_8f14e45f", "tenant_acme", "owner"
IDENTITY = {"user_id": USER, "tenant_id": TENANT, "role": ROLE}
API_ID, ACCOUNT, REGION = "abc123", "123456789012", "us-east-1"
HOST = f"{API_ID}.execute-api.{REGION}.amazonaws.com"
TIME, EPOCH_MS = "21/Nov/2026:23:14:41 +0000", 1795302881000
CONVERSATION, SESSION = "conv_01JD8ZQ4M7", "sess_01JD8ZQ4M8"

BUSINESS_CONTEXT = {
    "user": {"id": USER, "name": "Dana Rivera", "email": "dana@acme.example", "role": ROLE},
    "tenant": {"id": TENANT, "company": "Acme Outdoor Gear", "industry": "Retail", "size": "11-50"},
    "goals": [
        {"id": "goal_101", "title": "Grow online revenue", "description": "Double direct-to-consumer sales",
         "status": "in_progress", "target_value": 500000, "current_value": 310000, "due_date": "2026-12-31"},
    ],
    "recent_actions": [
        {"id": "action_7", "title": "Interview ten repeat customers", "status": "completed", "goal_id": "goal_101"},
    ],
    "kpis": [{"id": "kpi_3", "name": "Repeat purchase rate", "current_value": 0.22, "target_value": 0.35, "unit": "ratio"}],
}


# The .NET API's BusinessContextResponse as C# declares it (PascalCase properties,
# declaration order), with values as System.Text.Json writes them: nulls kept,
# DateTime without an offset (Kind Unspecified) and with 7 fractional digits (UtcNow).
DOTNET_BUSINESS_CONTEXT = {
    "User": {"Id": USER, "Name": "Dana Rivera", "Email": "dana@acme.example", "Role": ROLE},
    "Tenant": {"Id": TENANT, "Company": "Acme Outdoor Gear", "Industry": "Retail", "Size": "11-50"},
    "Goals": [
        {"Id": "goal_101", "Title": "Grow online revenue", "Description": "Double direct-to-consumer sales",
         "Status": "in_progress", "TargetValue": 500000, "CurrentValue": 310000, "DueDate": "2026-12-31T00:00:00"},
        {"Id": "goal_102", "Title": "Launch repair program", "Description": None, "Status": "not_started",
         "TargetValue": None, "CurrentValue": None, "DueDate": None},
    ],
    "RecentActions": [
        {"Id": "action_7", "Title": "Interview ten repeat customers", "Description": None, "Status": "completed",
         "DueDate": "2026-10-15T09:30:00", "GoalId": "goal_101"},
    ],
    "KPIs": [{"Id": "kpi_3", "Name": "Repeat purchase rate", "CurrentValue": 0.22, "TargetValue": 0.35, "Unit": "ratio"}],
    "DataScope": "coaching_context",
    "RetrievedAt": "2026-11-21T23:14:41.1234567Z",
}


def dotnet_camel_case(name: str) -> str:
    """JsonNamingPolicy.CamelCase (System.Text.Json's JsonCamelCaseNamingPolicy):
    lower-case the leading run of capitals, except the last one when a lower-case
    letter follows it (``KPIs`` -> ``kpIs``, ``GoalId`` -> ``goalId``, ``URL`` -> ``url``)."""
    chars = list(name)
    for i, char in enumerate(chars):
        if i == 1 and not char.isupper():
            break
        has_next = i + 1 < len(chars)
        if i > 0 and has_next and not chars[i + 1].isupper():
            if chars[i + 1] == " ":
                chars[i] = char.lower()
            break
        chars[i] = char.lower()
    return "".join(chars)


def contract_snake_case(name: str) -> str:
    """The contract's names for the same properties (docs: business context)."""
    if name == "KPIs":
        return "kpis"
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def renamed(value, rename):
    if isinstance(value, dict):
        return {rename(key): renamed(item, rename) for key, item in value.items()}
    if isinstance(value, list):
        return [renamed(item, rename) for item in value]
    return value


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims: dict, key: str = SAMPLE_ENVIRONMENT["JWT_SECRET"], alg: str = "HS256") -> str:
    header = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}"
    if alg == "none":
        return signing_input + "."
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


CLAIMS = {
    "sub": USER, "user_id": USER, "tenant_id": TENANT, "role": ROLE,
    "iss": SAMPLE_ENVIRONMENT["JWT_ISSUER"], "aud": SAMPLE_ENVIRONMENT["JWT_AUDIENCE"],
    "iat": 1795300000, "exp": 4102444800,  # 2100-01-01: the samples stay valid
}
VALID_TOKEN = jwt(CLAIMS)
# A role that closes the role string and names another user and tenant (issue 18).
INJECTED_ROLE = 'x","user_id":"victim-user","tenant_id":"tenant-victim'
ORCHESTRATED_BODY = {"message": "Help me sharpen our company's purpose statement.", "topic": "purpose",
                     "user_id": "someone_else", "tenant_id": "tenant_other"}


def http_v2(method: str, path: str, *, route: str | None = None, query: dict | None = None, body=None,
            identity: dict | None = IDENTITY, headers: dict | None = None, path_parameters: dict | None = None,
            raw_body: str | None = None) -> dict:
    """An HTTP API (payload 2.0) event as API Gateway sends it after our
    Lambda authorizer allowed the request."""
    route_path = route or path
    all_headers = {
        "accept": "application/json",
        "host": HOST,
        "user-agent": "Mozilla/5.0 (PurposePath web)",
        "x-forwarded-for": "203.0.113.10",
        "x-forwarded-proto": "https",
    }
    if identity is not None:
        all_headers["authorization"] = f"Bearer {VALID_TOKEN}"
    if body is not None or raw_body is not None:
        all_headers["content-type"] = "application/json"
    all_headers.update(headers or {})
    query = query or {}
    event = {
        "version": "2.0",
        "routeKey": f"{method} {route_path}",
        "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in query.items()),
        "headers": all_headers,
    }
    if query:
        event["queryStringParameters"] = query
    if path_parameters:
        event["pathParameters"] = path_parameters
    context = {
        "accountId": ACCOUNT,
        "apiId": API_ID,
        "domainName": HOST,
        "domainPrefix": API_ID,
        "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.10",
                 "userAgent": "Mozilla/5.0 (PurposePath web)"},
        "requestId": "Jx1Q2gQ8IAMEbXw=",
        "routeKey": f"{method} {route_path}",
        "stage": "$default",
        "time": TIME,
        "timeEpoch": EPOCH_MS,
    }
    if identity is not None:
        context["authorizer"] = {"lambda": dict(identity)}
    event["requestContext"] = context
    if raw_body is not None:
        event["body"] = raw_body
    elif body is not None:
        event["body"] = json.dumps(body, separators=(",", ":"))
    event["isBase64Encoded"] = False
    return event


def rest_v1(method: str, path: str, *, resource: str | None = None, query: dict | None = None, body=None,
            path_parameters: dict | None = None, identity: dict | None = IDENTITY) -> dict:
    """A REST API (payload 1.0) proxy event; a REST Lambda authorizer puts
    its context keys directly under requestContext.authorizer."""
    headers = {"Accept": "application/json", "Host": HOST, "User-Agent": "Mozilla/5.0 (PurposePath web)"}
    if identity is not None:
        headers["Authorization"] = f"Bearer {VALID_TOKEN}"
    if body is not None:
        headers["Content-Type"] = "application/json"
    authorizer = None
    if identity is not None:
        authorizer = dict(identity, principalId=identity["user_id"], integrationLatency=3)
    return {
        "resource": resource or path,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": path_parameters,
        "stageVariables": None,
        "requestContext": {
            "accountId": ACCOUNT, "apiId": API_ID, "resourceId": "r4nd0m", "stage": "prod", "protocol": "HTTP/1.1",
            "httpMethod": method, "path": f"/prod{path}", "resourcePath": resource or path,
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "requestTimeEpoch": EPOCH_MS,
            "identity": {"sourceIp": "203.0.113.10", "userAgent": "Mozilla/5.0 (PurposePath web)"},
            "authorizer": authorizer,
        },
        "body": json.dumps(body, separators=(",", ":")) if body is not None else None,
        "isBase64Encoded": False,
    }


def authorizer_event(authorization: str | None, route: str = "POST /api/v1/coaching/chat") -> dict:
    """An HTTP API Lambda authorizer REQUEST event (payload 2.0)."""
    method, path = route.split(" ", 1)
    headers = {"accept": "application/json", "host": HOST, "user-agent": "Mozilla/5.0 (PurposePath web)"}
    if authorization is not None:
        headers["authorization"] = authorization
    return {
        "version": "2.0",
        "type": "REQUEST",
        "routeArn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{API_ID}/$default/{method}{path}",
        "identitySource": [authorization] if authorization is not None else [],
        "routeKey": route,
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": ACCOUNT, "apiId": API_ID, "domainName": HOST, "domainPrefix": API_ID,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.10",
                     "userAgent": "Mozilla/5.0 (PurposePath web)"},
            "requestId": "Jx1Q2gQ8IAMEbXw=", "routeKey": route, "stage": "$default", "time": TIME, "timeEpoch": EPOCH_MS,
        },
    }


def conv(suffix: str = "") -> str:
    return f"/api/v1/conversations/{CONVERSATION}{suffix}"


def build() -> tuple[dict[str, object], list[dict], list[dict]]:
    files: dict[str, object] = {}
    events: list[dict] = []
    fixtures: list[dict] = []

    def event(name: str, content, kind: str, expect: dict, description: str, **extra):
        files[name] = content
        events.append({"file": name, "kind": kind, "expect": expect, "description": description, **extra})

    empty_store = "a fresh store: the sample conversation does not exist"

    # ---------------------------------------------------------------- HTTP API, payload 2.0
    event("http/health.json", http_v2("GET", "/api/v1/health", identity=None), "http", {"status": 200},
          "GET /api/v1/health, no authorizer")
    event("http/health-ready.json", http_v2("GET", "/api/v1/health/ready", identity=None), "http", {"status": 200},
          "GET /api/v1/health/ready, no authorizer")
    event("http/coaching-chat.json", http_v2("POST", "/api/v1/coaching/chat", body={
        "message": "Our team keeps debating what we stand for. Where do we start?",
        "topic": "core_values", "business_context": BUSINESS_CONTEXT, "source": "direct"}),
        "http", {"status": 200}, "Pattern A chat with a frontend-supplied business context; starts a conversation")
    event("http/coaching-orchestrated.json", http_v2("POST", "/api/v1/coaching/orchestrated", body=ORCHESTRATED_BODY),
          "http", {"status": 503},
          "Pattern B: the function starts the state machine (StartSyncExecution); 503 ORCHESTRATION_NOT_CONFIGURED "
          "without COACHING_ORCHESTRATOR_ARN. orchestrator/tests/test_orchestrated_route.py runs it against moto; "
          "the body's user_id/tenant_id are ignored")
    event("http/conversations-initiate.json", http_v2("POST", "/api/v1/conversations/initiate", body={
        "topic": "purpose", "context": BUSINESS_CONTEXT, "language": "en"}),
        "http", {"status": 201}, "initiate with `context` (alias of business_context)")
    event("http/conversation-message.json", http_v2(
        "POST", conv("/message"), route="/api/v1/conversations/{id}/message", path_parameters={"id": CONVERSATION},
        headers={"idempotency-key": "6b0f4a4e-2d35-4a63-9d8e-1b7a4f1e9c21"},
        body={"user_message": "Integrity and craftsmanship matter most to us."}),
        "http", {"status": 404}, "message with an Idempotency-Key", precondition=empty_store)
    event("http/conversation-get.json", http_v2(
        "GET", conv(), route="/api/v1/conversations/{id}", path_parameters={"id": CONVERSATION}, query={"limit": "20"}),
        "http", {"status": 404}, "one conversation, messages paginated", precondition=empty_store)
    event("http/conversations-list.json", http_v2(
        "GET", "/api/v1/conversations", query={"status": "active", "topic": "purpose", "limit": "10"}),
        "http", {"status": 200}, "my conversations, filtered")
    event("http/conversation-pause.json", http_v2(
        "POST", conv("/pause"), route="/api/v1/conversations/{id}/pause", path_parameters={"id": CONVERSATION},
        body={"reason": "Back after the board meeting"}),
        "http", {"status": 404}, "pause", precondition=empty_store)
    event("http/conversation-resume.json", http_v2(
        "POST", conv("/resume"), route="/api/v1/conversations/{id}/resume", path_parameters={"id": CONVERSATION}),
        "http", {"status": 404}, "resume (no body)", precondition=empty_store)
    event("http/conversation-complete.json", http_v2(
        "POST", conv("/complete"), route="/api/v1/conversations/{id}/complete", path_parameters={"id": CONVERSATION},
        body={"feedback": "Clear and practical.", "rating": 5}),
        "http", {"status": 404}, "complete with feedback and rating", precondition=empty_store)
    event("http/conversation-delete.json", http_v2(
        "DELETE", conv(), route="/api/v1/conversations/{id}", path_parameters={"id": CONVERSATION}),
        "http", {"status": 404}, "soft delete (status abandoned)", precondition=empty_store)
    event("http/session-get.json", http_v2(
        "GET", f"/api/v1/sessions/{SESSION}", route="/api/v1/sessions/{id}", path_parameters={"id": SESSION}),
        "http", {"status": 404}, "one coaching session", precondition="a fresh store: the sample session does not exist")
    event("http/sessions-list.json", http_v2("GET", "/api/v1/sessions", query={"limit": "10"}),
          "http", {"status": 200}, "my coaching sessions")

    # ---------------------------------------------------------------- REST API, payload 1.0
    event("rest-v1/health.json", rest_v1("GET", "/api/v1/health", identity=None), "http", {"status": 200},
          "REST proxy event, no authorizer")
    event("rest-v1/coaching-chat.json", rest_v1("POST", "/api/v1/coaching/chat", body={
        "message": "How do I turn our goals into a vision the team believes in?", "topic": "vision"}),
        "http", {"status": 200}, "REST proxy event; Lambda authorizer context under requestContext.authorizer")
    event("rest-v1/conversation-get.json", rest_v1(
        "GET", conv(), resource="/api/v1/conversations/{id}", path_parameters={"id": CONVERSATION}),
        "http", {"status": 404}, "REST proxy event with a path parameter", precondition=empty_store)

    # ---------------------------------------------------------------- Step Functions task payloads (the contract)
    for name, description in [
        ("stepfunctions/coaching-task-orchestrated.json", "what the state machine sends on the context path (moto test asserts it)"),
        ("stepfunctions/coaching-task-fallback.json", "what the state machine sends on the fallback path (moto test asserts it)"),
    ]:
        files[name] = json.loads((EVENTS / name).read_text())  # owned by the orchestrator tests
        events.append({"file": name, "kind": "stepfunctions", "expect": {"result": "coaching_response"},
                       "description": description})

    # ---------------------------------------------------------------- Lambda authorizer (HTTP API, simple responses)
    def token_event(name, authorization, authorized, description):
        expect = {"is_authorized": authorized}
        if authorized:
            expect["context"] = dict(IDENTITY)
        event(f"authorizer/{name}.json", authorizer_event(authorization), "authorizer", expect, description)

    token_event("valid-token", f"Bearer {VALID_TOKEN}", True, "valid HS256 token")
    token_event("expired-token", "Bearer " + jwt(dict(CLAIMS, iat=1700000000, exp=1700003600)), False, "exp in the past")
    token_event("wrong-signature", "Bearer " + jwt(CLAIMS, key="some-other-signing-key-of-enough-length"), False,
                "signed with another key")
    token_event("alg-none", "Bearer " + jwt(CLAIMS, alg="none"), False, "alg none (unsigned) must be refused")
    token_event("wrong-audience", "Bearer " + jwt(dict(CLAIMS, aud="another-service")), False, "aud mismatch")
    token_event("wrong-issuer", "Bearer " + jwt(dict(CLAIMS, iss="https://evil.example")), False, "iss mismatch")
    token_event("no-tenant-claim", "Bearer " + jwt({k: v for k, v in CLAIMS.items() if k != "tenant_id"}), False,
                "a token without tenant_id")
    token_event("not-a-jwt", "Bearer not.a.jwt", False, "garbage token")
    token_event("basic-scheme", "Basic dXNlcjpwYXNz", False, "not a Bearer credential")
    token_event("missing-header", None, False, "no Authorization header")
    token_event("role-injection", "Bearer " + jwt(dict(CLAIMS, role=INJECTED_ROLE)), False,
                "a validly signed token whose role would rewrite the identity if spliced into JSON text: refused")

    # ---------------------------------------------------------------- malformed
    files["malformed/not-json.json"] = "this is not JSON\n"
    events.append({"file": "malformed/not-json.json", "kind": "http", "expect": {"error_type": "UnsupportedEvent"},
                   "description": "an invocation payload that is not JSON"})
    event("malformed/s3-event.json", {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put"}]},
          "http", {"error_type": "UnsupportedEvent"}, "JSON, but no event this function takes")
    broken = http_v2("GET", "/api/v1/health", identity=None)
    del broken["requestContext"]["http"]
    event("malformed/v2-without-http.json", broken, "http", {"error_type": "MalformedEvent"},
          "HTTP API event without requestContext.http")
    event("malformed/chat-body-not-json.json", http_v2("POST", "/api/v1/coaching/chat", raw_body='{"message": "hi"'),
          "http", {"status": 400}, "truncated JSON body")
    event("malformed/chat-empty-message.json", http_v2("POST", "/api/v1/coaching/chat", body={"message": "   "}),
          "http", {"status": 422}, "blank message")
    event("malformed/chat-message-too-long.json", http_v2("POST", "/api/v1/coaching/chat", body={"message": "a" * 4001}),
          "http", {"status": 422}, "4001 characters")
    event("malformed/chat-without-identity.json", http_v2("POST", "/api/v1/coaching/chat", identity=None,
                                                            body={"message": "hello"}),
          "http", {"status": 401}, "no authorizer context and no Bearer token")
    event("malformed/chat-identity-in-body.json", http_v2("POST", "/api/v1/coaching/chat", body={
        "message": "hello", "user_id": "someone_else", "tenant_id": "tenant_other"}),
        "http", {"status": 200}, "user_id/tenant_id in the body are ignored: the claims decide (mass assignment)")
    event("malformed/initiate-unknown-topic.json", http_v2("POST", "/api/v1/conversations/initiate",
                                                             body={"topic": "world_domination"}),
          "http", {"status": 422}, "topic outside core_values|purpose|vision|goals")
    event("malformed/complete-rating-out-of-range.json", http_v2(
        "POST", conv("/complete"), route="/api/v1/conversations/{id}/complete", path_parameters={"id": CONVERSATION},
        body={"rating": 9}), "http", {"status": 422}, "rating outside 1..5 (validated before the lookup)")
    event("malformed/unknown-route.json", http_v2("GET", "/api/v1/nothing-here"), "http", {"status": 404},
          "no such route")
    event("malformed/wrong-method.json", http_v2("PUT", "/api/v1/coaching/chat", body={"message": "hi"}),
          "http", {"status": 405}, "known path, wrong method")
    task = copy.deepcopy(json.loads((EVENTS / "stepfunctions/coaching-task-orchestrated.json").read_text()))
    del task["tenant_id"]
    event("malformed/stepfunctions-missing-tenant.json", task, "stepfunctions", {"error_type": "ValidationFailed"},
          "task payload without tenant_id")
    task = copy.deepcopy(json.loads((EVENTS / "stepfunctions/coaching-task-orchestrated.json").read_text()))
    task["source"] = "direct"
    event("malformed/stepfunctions-wrong-source.json", task, "stepfunctions", {"error_type": "ValidationFailed"},
          "task payload whose source is not orchestrated/orchestrated_fallback")

    # ---------------------------------------------------------------- orchestrator fixtures (not Lambda events)
    for name, description in [
        ("stepfunctions/execution-input.json", "state machine input: body + verified identity (the function sends only the body's "
         "message, ids and topic; the extra keys here show the machine ignores them too)"),
        ("stepfunctions/business-context-response.json", "what the .NET business-context function answers (proxy response)"),
        ("stepfunctions/coaching-response.json", "a CoachingResponse, the coaching task's canned result in the moto tests"),
    ]:
        files[name] = json.loads((EVENTS / name).read_text())
        fixtures.append({"file": name, "used_by": "orchestrator/tests", "description": description})

    # ---------------------------------------------------------------- the .NET API's JSON as it comes
    camel = renamed(DOTNET_BUSINESS_CONTEXT, dotnet_camel_case)
    files["dotnet/business-context-camel.json"] = camel
    fixtures.append({"file": "dotnet/business-context-camel.json", "used_by": "CoachingContractsTests, orchestrator/tests",
                     "description": "BusinessContextResponse as ASP.NET Core writes it (System.Text.Json camelCase policy)"})
    files["dotnet/business-context-snake.json"] = renamed(DOTNET_BUSINESS_CONTEXT, contract_snake_case)
    fixtures.append({"file": "dotnet/business-context-snake.json", "used_by": "CoachingContractsTests",
                     "description": "the same context under the contract's snake_case names: must validate to the same model"})
    files["dotnet/business-context-response-camel.json"] = {
        "statusCode": 200, "headers": {"content-type": "application/json; charset=utf-8"},
        "body": json.dumps({"success": True, "data": camel}, separators=(",", ":"), ensure_ascii=False),
        "isBase64Encoded": False,
    }
    fixtures.append({"file": "dotnet/business-context-response-camel.json", "used_by": "orchestrator/tests",
                     "description": "the .NET function's proxy response: {success, data} envelope, camelCase body"})
    return files, events, fixtures


def render(content) -> str:
    if isinstance(content, str):
        return content
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args()
    files, events, fixtures = build()
    manifest = {
        "description": "Every sample event with the outcome a test expects. kind http: the function answers an "
                       "API Gateway response whose statusCode is expect.status, or fails with expect.error_type; "
                       "kind stepfunctions: a plain CoachingResponse (expect.result) or a typed error; kind "
                       "authorizer: the simple response {isAuthorized, context}. Run the authorizer events with "
                       "`environment` set. `precondition` says what store state the expectation assumes.",
        "environment": SAMPLE_ENVIRONMENT,
        "events": events,
        "fixtures": fixtures,
    }
    files["manifest.json"] = manifest
    stale = []
    for name, content in files.items():
        path = EVENTS / name
        text = render(content)
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("events out of date (run scripts/generate-sample-events.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
