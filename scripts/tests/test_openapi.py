"""docs/openapi.yaml agrees with the code: it is valid OpenAPI 3.1, it documents
exactly the routes the router serves (asked of the built `coaching-dev routes`),
its examples follow its own schemas, every sample HTTP event's body is what the
spec says of it, and the answers the handlers give those events (run through
`bootstrap invoke`) follow the response schema of their status."""

from __future__ import annotations

import base64
import json
import os
import pathlib
import re
import subprocess
import tempfile

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec

REPO = pathlib.Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((REPO / "docs" / "openapi.yaml").read_text())
EVENTS = REPO / "events"
MANIFEST = json.loads((EVENTS / "manifest.json").read_text())
BOOTSTRAP = pathlib.Path(os.environ.get("BOOTSTRAP", REPO / ".build" / "debug" / "bootstrap"))
COACHING_DEV = pathlib.Path(os.environ.get("COACHING_DEV", REPO / ".build" / "debug" / "coaching-dev"))
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def _require_bootstrap():
    for binary in (BOOTSTRAP, COACHING_DEV):
        if not binary.exists():
            pytest.fail(f"{binary} is missing: build it first (swift build)")


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _resolve(node: dict) -> tuple[dict, list[str]]:
    """Follows a local `$ref` to a component (response, parameter ...); returns it and its path."""
    if "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        target = SPEC
        for part in parts:
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target, parts
    return node, []


def _validator(pointer: str) -> Draft202012Validator:
    """A validator for the schema at `pointer`, with the whole document as the root
    so that `#/components/...` references resolve."""
    root = dict(SPEC)
    root["$ref"] = pointer
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(pointer: str, instance) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator(pointer).iter_errors(instance)]


def _operations():
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method.upper(), path, operation


def _match(method: str, path: str):
    """The spec's operation for a concrete method and path, or None."""
    for op_method, template, operation in _operations():
        pattern = "^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(template)) + "$"
        if op_method == method and re.match(pattern, path):
            return template, operation
    return None


def _request_body_pointer(template: str, method: str) -> str | None:
    body = SPEC["paths"][template][method.lower()].get("requestBody")
    if body is None:
        return None
    return _pointer("paths", template, method.lower(), "requestBody", "content", "application/json", "schema")


def _response_pointer(template: str, method: str, status: int) -> str:
    responses = SPEC["paths"][template][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {template} does not document status {status}"
    response, location = _resolve(responses[str(status)])
    base = location or ["paths", template, method.lower(), "responses", str(status)]
    assert "application/json" in response["content"]
    return _pointer(*base, "content", "application/json", "schema")


# ------------------------------------------------------------------ the document


def test_spec_is_valid_openapi_3_1():
    assert SPEC["openapi"].startswith("3.1.")
    validate_spec(SPEC)


def test_spec_documents_exactly_the_routes_the_router_serves():
    _require_bootstrap()
    result = subprocess.run([str(COACHING_DEV), "routes"], capture_output=True, text=True, check=True)
    served = {tuple(line.split(" ", 1)) for line in result.stdout.splitlines() if line}
    documented = {(method, path) for method, path, _ in _operations()}
    assert len(served) >= 13
    assert documented == served


def test_operations_have_ids_security_and_error_envelopes():
    ids = [operation["operationId"] for _, _, operation in _operations()]
    assert len(ids) == len(set(ids))
    for method, path, operation in _operations():
        statuses = set(operation["responses"])
        if "/health" in path:
            assert operation["security"] == [], f"{method} {path} must be open"
        else:
            assert "security" not in operation, f"{method} {path} inherits bearerAuth"
            assert {"401", "422", "500"} <= statuses, f"{method} {path}"
        if "requestBody" in operation:
            assert {"400", "413", "415", "422"} <= statuses, f"{method} {path}"
        if "{id}" in path:
            assert "404" in statuses, f"{method} {path}"
        if "/health" not in path:
            assert {"403"} <= statuses, f"{method} {path}: X-Tenant-Id can answer 403"
        for status in statuses:
            response, _ = _resolve(operation["responses"][status])
            schema, _ = _resolve(response["content"]["application/json"]["schema"])
            # A whole object schema, so that generated clients type it (a `$ref` with sibling
            # properties, or an `allOf` narrowing a shared envelope, is dropped by
            # openapi-python-client).
            assert schema.get("type") == "object" and "$ref" not in schema and "allOf" not in schema, f"{method} {path} {status}"
            success = status in ("200", "201")
            assert schema["properties"]["success"] == {"type": "boolean", "const": success}, f"{method} {path} {status}"
            if success:
                assert {"success", "data"} <= set(schema["required"]), f"{method} {path} {status}"
            else:
                assert {"success", "error", "error_code"} <= set(schema["required"]), f"{method} {path} {status}"
                codes = schema["properties"]["error_code"]
                allowed = set(SPEC["components"]["schemas"]["ErrorEnvelope"]["properties"]["error_code"]["enum"])
                assert set(codes.get("enum", [codes.get("const")])) <= allowed, f"{method} {path} {status}"
    assert SPEC["components"]["securitySchemes"]["bearerAuth"] == {
        **SPEC["components"]["securitySchemes"]["bearerAuth"], "type": "http", "scheme": "bearer"}


def _examples():
    for method, path, operation in _operations():
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
        if "example" in body:
            yield f"{method} {path} request", _request_body_pointer(path, method), body["example"]
        for status, reference in operation["responses"].items():
            response, location = _resolve(reference)
            media = response.get("content", {}).get("application/json", {})
            if "example" in media:
                yield f"{method} {path} {status}", _response_pointer(path, method, int(status)), media["example"]
    for name, schema in SPEC["components"]["schemas"].items():
        if "example" in schema:
            yield f"schema {name}", _pointer("components", "schemas", name), schema["example"]


@pytest.mark.parametrize(("where", "pointer", "example"), list(_examples()), ids=lambda v: v if isinstance(v, str) and " " in v else "")
def test_every_example_follows_its_schema(where, pointer, example):
    assert _errors(pointer, example) == []


def test_schemas_refuse_what_the_contract_refuses():
    identifier = _pointer("components", "schemas", "Identifier")
    assert _errors(identifier, "conv_1.a:b-c") == []
    for bad in ["", "a..b", "a/b", "a b", "x" * 129, "cоnv"]:
        assert _errors(identifier, bad), bad
    message = _pointer("components", "schemas", "Message")
    assert _errors(message, "   ") and _errors(message, "a" * 4001) and not _errors(message, "a" * 4000)
    send = _pointer("components", "schemas", "SendMessageRequest")
    assert not _errors(send, {"user_message": "hi"}) and not _errors(send, {"message": "hi"})
    assert _errors(send, {"user_message": "hi", "message": "hi"}) and _errors(send, {})


# ------------------------------------------------------------------ the sample events


def _http_events():
    for entry in MANIFEST["events"]:
        if entry["kind"] != "http" or "status" not in entry["expect"]:
            continue
        event = json.loads((EVENTS / entry["file"]).read_text())
        if "rawPath" in event:
            method, path = event["requestContext"]["http"]["method"], event["rawPath"]
        else:
            method, path = event["httpMethod"], event["path"]
        body = event.get("body")
        if body is not None and event.get("isBase64Encoded"):
            body = base64.b64decode(body).decode()
        yield entry["file"], method.upper(), path, body, entry["expect"]["status"]


HTTP_EVENTS = list(_http_events())


@pytest.mark.parametrize(("name", "method", "path", "body", "status"), HTTP_EVENTS, ids=[e[0] for e in HTTP_EVENTS])
def test_sample_event_bodies_are_what_the_spec_says(name, method, path, body, status):
    matched = _match(method, path)
    if matched is None:
        assert status in (404, 405), f"{name}: {method} {path} is not in the spec"
        return
    template, operation = matched
    assert str(status) in operation["responses"], f"{name}: {status} is not documented for {method} {template}"
    pointer = _request_body_pointer(template, method)
    if pointer is None or body is None:
        return
    try:
        document = json.loads(body)
    except ValueError:
        assert status == 400, f"{name}: a body that is not JSON must answer 400"
        return
    problems = _errors(pointer, document)
    if status in (400, 422):
        assert problems, f"{name}: the code refuses this body ({status}) but the spec accepts it"
    else:
        assert problems == [], f"{name}: the spec refuses a body the code accepts: {problems}"


def test_handler_answers_to_the_sample_events_follow_the_spec():
    _require_bootstrap()
    with tempfile.TemporaryDirectory() as data:
        environment = {**os.environ, **MANIFEST["environment"], "COACHING_DATA_DIR": data, "AWS_LAMBDA_LOG_LEVEL": "ERROR"}
        environment.pop("CONVERSATIONS_TABLE", None)
        environment.pop("COACHING_SESSIONS_TABLE", None)
        environment["LLM_PROVIDER"] = "offline"
        files = [str(EVENTS / name) for name, *_ in HTTP_EVENTS]
        result = subprocess.run([str(BOOTSTRAP), "invoke", *files], capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(answers) == len(HTTP_EVENTS)
    checked = 0
    for (name, method, path, _, expected), answer in zip(HTTP_EVENTS, answers):
        assert answer["statusCode"] == expected, name
        assert answer["headers"]["content-type"] == "application/json", name
        matched = _match(method, path)
        document = json.loads(answer["body"])
        if matched is None:
            assert _errors(_pointer("components", "schemas", "ErrorEnvelope"), document) == [], name
            continue
        template, _ = matched
        assert _errors(_response_pointer(template, method, expected), document) == [], name
        checked += 1
    assert checked >= 20
