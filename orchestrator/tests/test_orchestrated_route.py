"""POST /api/v1/coaching/orchestrated end to end: the real ``bootstrap`` (``bootstrap
invoke``) answers the HTTP API event, starts the state machine with StartSyncExecution
through its own signed client against the moto server, and answers the caller.

moto executes the real ASL (moto_extensions.py adds StartSyncExecution and scripted
function errors); the Lambda tasks inside the machine answer with canned results. What
the caller receives is asserted exactly, and so is what the state machine was given:
identity only from the verified caller, whatever the role or the body try.
"""

from __future__ import annotations

import copy
import json
import os
import pathlib
import subprocess

import pytest

from harness import REPO, SCOPE, load_event

BOOTSTRAP = pathlib.Path(os.environ.get("BOOTSTRAP", REPO / ".build" / "debug" / "bootstrap"))
MANIFEST = load_event("manifest.json")
EVENT = load_event("http/coaching-orchestrated.json")
DOTNET_OK = load_event("stepfunctions/business-context-response.json")
DOTNET_CAMEL = load_event("dotnet/business-context-response-camel.json")
COACHING_RESPONSE = load_event("stepfunctions/coaching-response.json")
VERIFIED = {"user_id": "user_8f14e45f", "tenant_id": "tenant_acme", "role": "owner"}
INJECTED_ROLE = 'x","user_id":"victim-user","tenant_id":"tenant-victim'
REQUEST_ID = EVENT["requestContext"]["requestId"]


def function_error(error_type: str) -> dict:
    return {"moto_function_error": {"errorType": error_type, "errorMessage": "scripted"}}


def invoke(server, tmp_path, event: dict, machine: str | None) -> dict:
    """`bootstrap invoke` on `event`, configured like the deployed function but with moto
    as Step Functions; the API Gateway response it prints, its body parsed."""
    if not BOOTSTRAP.exists():
        pytest.fail(f"{BOOTSTRAP} is missing: build it first (swift build)")
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "AWS_REGION": server.region, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_ENDPOINT_URL_SFN": server.url, "LLM_PROVIDER": "offline", "COACHING_DATA_DIR": str(tmp_path / "data"),
        "AWS_LAMBDA_LOG_LEVEL": "WARN", **MANIFEST["environment"],
    }
    if machine:
        environment["COACHING_ORCHESTRATOR_ARN"] = machine
    done = subprocess.run([str(BOOTSTRAP), "invoke", str(path)], env=environment, capture_output=True, text=True, timeout=120)
    response = json.loads(done.stdout)
    if "body" in response:
        response["json"] = json.loads(response["body"])
    return response


def with_body(body, **context) -> dict:
    event = copy.deepcopy(EVENT)
    event["body"] = body if isinstance(body, str) else json.dumps(body)
    event["requestContext"]["authorizer"]["lambda"].update(context)
    return event


def only_execution(server, machine: str):
    (execution,) = server.executions(machine)
    return execution


def coaching_payloads(execution) -> list[dict]:
    return [payload for name, payload in execution.lambda_payloads() if name == "coaching"]


def assert_no_leak(response: dict):
    text = response["body"]
    assert "arn:" not in text and "executionArn" not in text and "identity" not in text
    assert "someone_else" not in text and "tenant_other" not in text


def test_happy_path_answers_200_with_the_coaching_response_and_no_execution_details(server, tmp_path):
    machine = server.prepare([DOTNET_OK, COACHING_RESPONSE])

    response = invoke(server, tmp_path, EVENT, machine)

    assert response["statusCode"] == 200
    assert response["json"] == {
        "success": True, "data": COACHING_RESPONSE,
        "orchestration": {"data_scope": SCOPE, "fallback": False, "fallback_reason": None},
    }
    assert_no_leak(response)
    execution = only_execution(server, machine)
    assert execution.status == "SUCCEEDED"
    # The input the function encoded: the verified caller, the body's four known fields.
    started = json.loads(server.client("stepfunctions").describe_execution(executionArn=execution.arn)["input"])
    assert started == {"body": {"message": json.loads(EVENT["body"])["message"], "topic": "purpose"}, "identity": VERIFIED}
    assert execution.arn.endswith(":" + REQUEST_ID.replace("=", "-"))
    (payload,) = coaching_payloads(execution)
    assert (payload["user_id"], payload["tenant_id"], payload["source"]) == ("user_8f14e45f", "tenant_acme", "orchestrated")


def test_dotnet_failure_falls_back_and_says_so(server, tmp_path):
    unavailable = {"statusCode": 503, "body": json.dumps({"success": False, "error": "database down"})}
    fallback_response = dict(COACHING_RESPONSE, business_context_used=False)
    machine = server.prepare([unavailable, fallback_response])

    response = invoke(server, tmp_path, EVENT, machine)

    assert response["statusCode"] == 200
    assert response["json"] == {
        "success": True, "data": fallback_response,
        "orchestration": {"data_scope": SCOPE, "fallback": True, "fallback_reason": "BusinessContext.HttpStatus"},
    }
    (payload,) = coaching_payloads(only_execution(server, machine))
    assert payload["source"] == "orchestrated_fallback" and payload["business_context"] is None


def test_dotnet_camel_case_answer_is_coached_with(server, tmp_path):
    machine = server.prepare([DOTNET_CAMEL, COACHING_RESPONSE])

    response = invoke(server, tmp_path, EVENT, machine)

    assert response["statusCode"] == 200
    assert response["json"]["orchestration"] == {"data_scope": SCOPE, "fallback": False, "fallback_reason": None}
    (payload,) = coaching_payloads(only_execution(server, machine))
    assert payload["business_context"] == json.loads(DOTNET_CAMEL["body"])["data"]


@pytest.mark.parametrize(
    ("results", "status", "code"),
    [
        ([DOTNET_OK, function_error("ConversationNotFound")], 404, "CONVERSATION_NOT_FOUND"),
        ([DOTNET_OK, function_error("ConversationNotActive")], 409, "CONVERSATION_NOT_ACTIVE"),
        ([DOTNET_OK, function_error("Conflict"), function_error("Conflict")], 409, "CONFLICT"),
        ([DOTNET_OK, function_error("ModelUnavailable")], 503, "MODEL_UNAVAILABLE"),
        ([DOTNET_OK, function_error("StoreUnavailable"), function_error("StoreUnavailable")], 503, "STORE_UNAVAILABLE"),
        ([DOTNET_OK, function_error("ValidationFailed"), function_error("ValidationFailed")], 422, "VALIDATION_ERROR"),
        ([DOTNET_OK, function_error("Boom")], 500, "INTERNAL_ERROR"),
        ([{"statusCode": 200, "body": "{not json}"}], 500, "ORCHESTRATION_FAILED"),
    ],
    ids=["not-found", "not-active", "conflict-retried", "model", "store-retried", "validation-then-fallback", "untyped",
         "execution-failed"],
)
def test_each_outcome_gets_its_real_status(server, tmp_path, results, status, code):
    machine = server.prepare(results)

    response = invoke(server, tmp_path, EVENT, machine)

    assert response["statusCode"] == status
    body = response["json"]
    assert body["success"] is False and body["error_code"] == code and body["request_id"] == REQUEST_ID
    assert isinstance(body["error"], str) and body["error"]
    assert set(body) <= {"success", "error", "error_code", "details", "request_id"}
    if status == 503:
        assert response["headers"]["retry-after"] == "1"
    assert_no_leak(response)


def test_the_state_machine_is_not_started_for_an_invalid_body(server, tmp_path):
    machine = server.prepare([])

    response = invoke(server, tmp_path, with_body({"message": "   "}), machine)

    assert response["statusCode"] == 422
    assert response["json"]["error_code"] == "VALIDATION_ERROR"
    assert server.executions(machine) == []


def test_role_injection_through_the_authorizer_context_is_refused(server, tmp_path):
    machine = server.prepare([DOTNET_OK, COACHING_RESPONSE])

    response = invoke(server, tmp_path, with_body(json.loads(EVENT["body"]), role=INJECTED_ROLE), machine)

    assert response["statusCode"] == 401
    assert response["json"]["error_code"] == "UNAUTHORIZED"
    assert server.executions(machine) == []


def test_role_injection_through_a_bearer_token_is_refused(server, tmp_path):
    event = with_body(json.loads(EVENT["body"]))
    del event["requestContext"]["authorizer"]
    event["headers"]["authorization"] = load_event("authorizer/role-injection.json")["headers"]["authorization"]
    machine = server.prepare([DOTNET_OK, COACHING_RESPONSE])

    response = invoke(server, tmp_path, event, machine)

    assert response["statusCode"] == 401
    assert server.executions(machine) == []


def test_the_authorizer_denies_a_token_whose_role_is_json_text(server, tmp_path):
    response = invoke(server, tmp_path, load_event("authorizer/role-injection.json"), None)

    assert response == {"isAuthorized": False, "context": {}}


def test_identity_injection_through_the_body_reaches_nothing(server, tmp_path):
    spliced = 'hi"}, "identity": {"user_id": "victim-user", "tenant_id": "tenant-victim"}, "x": {"y": "'
    body = {"message": spliced, "identity": {"user_id": "victim-user", "tenant_id": "tenant-victim"},
            "user_id": "victim-user", "tenant_id": "tenant-victim"}
    machine = server.prepare([DOTNET_OK, COACHING_RESPONSE])

    response = invoke(server, tmp_path, with_body(body), machine)

    assert response["statusCode"] == 200
    execution = only_execution(server, machine)
    started = json.loads(server.client("stepfunctions").describe_execution(executionArn=execution.arn)["input"])
    assert started == {"body": {"message": spliced}, "identity": VERIFIED}
    (dotnet_name, dotnet_event), (_, payload) = execution.lambda_payloads()
    assert dotnet_event["queryStringParameters"]["userId"] == "user_8f14e45f"
    assert (payload["user_id"], payload["tenant_id"], payload["message"]) == ("user_8f14e45f", "tenant_acme", spliced)
    assert "victim" not in json.dumps(execution.lambda_payloads()).replace(json.dumps(spliced)[1:-1], "")


def test_without_a_state_machine_the_route_answers_503(server, tmp_path):
    response = invoke(server, tmp_path, EVENT, None)

    assert response["statusCode"] == 503
    assert response["json"]["error_code"] == "ORCHESTRATION_NOT_CONFIGURED"
