"""The sample events: complete, in sync with their generator, covering
every route of the template, and really what the manifest says they are
(the authorizer tokens are checked with an independent HS256 verifier)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import pathlib
import subprocess
import sys
import time

import pytest
from cfnlint.decode.cfn_yaml import load as load_template

REPO = pathlib.Path(__file__).resolve().parents[2]
EVENTS = REPO / "events"
MANIFEST = json.loads((EVENTS / "manifest.json").read_text())
ENTRIES = {e["file"]: e for e in MANIFEST["events"]}
TEMPLATE = load_template(str(REPO / "template.yaml"))


def _load(name):
    return json.loads((EVENTS / name).read_text())


def test_generator_and_files_agree():
    result = subprocess.run([sys.executable, str(REPO / "scripts/generate-sample-events.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_manifest_lists_every_file_exactly_once():
    on_disk = {str(p.relative_to(EVENTS)) for p in EVENTS.rglob("*") if p.is_file()} - {"manifest.json"}
    listed = [e["file"] for e in MANIFEST["events"]] + [f["file"] for f in MANIFEST["fixtures"]]
    assert sorted(listed) == sorted(set(listed)), "a file is listed twice"
    assert set(listed) == on_disk


@pytest.mark.parametrize("entry", MANIFEST["events"], ids=lambda e: e["file"])
def test_each_entry_has_a_known_kind_and_one_expectation(entry):
    assert entry["kind"] in {"http", "stepfunctions", "authorizer"}
    keys = set(entry["expect"])
    assert keys in ({"status"}, {"error_type"}, {"is_authorized"}, {"is_authorized", "context"}, {"result"})


def _template_routes():
    routes = set()
    function = TEMPLATE["Resources"]["CoachingFunction"]["Properties"]
    for event in function["Events"].values():
        assert event["Type"] == "HttpApi"
        routes.add(f'{event["Properties"]["Method"]} {event["Properties"]["Path"]}')
    body = TEMPLATE["Resources"]["CoachingHttpApi"]["Properties"].get("DefinitionBody", {})
    for path, operations in body.get("paths", {}).items():
        for method in operations:
            routes.add(f"{method.upper()} {path}")
    return routes


def _http_v2_events():
    return [(name, _load(name)) for name, e in ENTRIES.items()
            if e["kind"] == "http" and name.startswith("http/")]


def test_every_function_route_has_a_v2_sample_and_every_sample_a_route():
    sampled = {event["routeKey"] for _, event in _http_v2_events()}
    assert sampled == _template_routes()


@pytest.mark.parametrize(("name", "event"), _http_v2_events(), ids=lambda v: v if isinstance(v, str) else "")
def test_v2_event_is_consistent(name, event):
    method, route = event["routeKey"].split(" ", 1)
    context = event["requestContext"]
    assert event["version"] == "2.0"
    assert context["http"]["method"] == method
    assert context["http"]["path"] == event["rawPath"]
    assert context["routeKey"] == event["routeKey"]
    assert all(h == h.lower() for h in event["headers"]), "HTTP API lower-cases header names"
    params = event.get("pathParameters", {})
    assert event["rawPath"] == route.format(**params) if params else event["rawPath"] == route
    if "/health" in route:
        assert "authorizer" not in context
    else:
        assert context["authorizer"]["lambda"] == {"user_id": "user_8f14e45f", "tenant_id": "tenant_acme", "role": "owner"}
    if "body" in event:
        json.loads(event["body"])


def _b64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def reference_verify(authorization: str | None, environment: dict) -> dict | None:
    """A minimal, independent HS256 verifier: the claims, or None."""
    if not authorization or not authorization.startswith("Bearer "):
        return None
    parts = authorization[len("Bearer "):].split(".")
    if len(parts) != 3:
        return None
    try:
        header, claims = json.loads(_b64(parts[0])), json.loads(_b64(parts[1]))
    except ValueError:
        return None
    if header.get("alg") != "HS256":
        return None
    expected = hmac.new(environment["JWT_SECRET"].encode(), f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, _b64(parts[2])):
        return None
    if claims.get("iss") != environment["JWT_ISSUER"] or claims.get("aud") != environment["JWT_AUDIENCE"]:
        return None
    if not isinstance(claims.get("exp"), int) or claims["exp"] <= time.time():
        return None
    max_age = int(environment.get("JWT_MAX_AGE_SECONDS", "86400"))
    if not isinstance(claims.get("iat"), int) or not 0 <= time.time() - claims["iat"] <= max_age:
        return None
    if not claims.get("tenant_id") or not (claims.get("user_id") or claims.get("sub")):
        return None
    role = claims.get("role")
    if role and not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", role):  # a role is a short name, never JSON text
        return None
    return claims


@pytest.mark.parametrize("name", [n for n, e in ENTRIES.items() if e["kind"] == "authorizer"])
def test_authorizer_sample_is_what_the_manifest_says(name):
    event, expect = _load(name), ENTRIES[name]["expect"]
    assert event["type"] == "REQUEST" and event["version"] == "2.0"
    assert event["routeArn"].startswith("arn:aws:execute-api:")
    authorization = event["headers"].get("authorization")
    assert event["identitySource"] == ([authorization] if authorization else [])
    claims = reference_verify(authorization, MANIFEST["environment"])
    assert (claims is not None) == expect["is_authorized"]
    if claims is not None:
        assert expect["context"] == {"user_id": claims["user_id"], "tenant_id": claims["tenant_id"], "role": claims["role"]}


TASK_KEYS = {"source", "user_id", "tenant_id", "message", "conversation_id", "session_id", "topic",
             "business_context", "data_scope", "error_info", "idempotency_key"}


@pytest.mark.parametrize("name", [n for n, e in ENTRIES.items() if e["kind"] == "stepfunctions"])
def test_step_functions_samples_follow_the_task_contract(name):
    payload, expect = _load(name), ENTRIES[name]["expect"]
    assert set(payload) <= TASK_KEYS
    if expect == {"result": "coaching_response"}:
        assert payload["source"] in {"orchestrated", "orchestrated_fallback"}
        assert payload["user_id"] and payload["tenant_id"] and payload["message"].strip()
        assert payload["idempotency_key"].endswith(("#CoachWithContext", "#CoachWithoutContext"))
        assert (payload["business_context"] is None) == (payload["source"] == "orchestrated_fallback")
    else:
        assert expect == {"error_type": "ValidationFailed"}
        assert "tenant_id" not in payload or payload["source"] not in {"orchestrated", "orchestrated_fallback"}


def test_rest_v1_samples_carry_the_lambda_authorizer_context_at_the_top():
    for name, entry in ENTRIES.items():
        if not name.startswith("rest-v1/"):
            continue
        event = _load(name)
        assert event["httpMethod"] and event["resource"] and event["path"]
        authorizer = event["requestContext"]["authorizer"]
        if "/health" in event["path"]:
            assert authorizer is None
        else:
            assert authorizer["tenant_id"] == "tenant_acme" and authorizer["user_id"] == "user_8f14e45f"
