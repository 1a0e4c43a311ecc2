"""The orchestrator executed by moto's Step Functions interpreter on a moto
server, with canned Lambda results. What each Lambda task was sent is read
from the execution history and compared with the fixtures in
events/stepfunctions/, the same files the Swift tests decode."""

from __future__ import annotations

import copy
import datetime
import json

import pytest

from harness import SCOPE, load_event

EXECUTION_INPUT = load_event("stepfunctions/execution-input.json")
DOTNET_OK = load_event("stepfunctions/business-context-response.json")
COACHING_RESPONSE = load_event("stepfunctions/coaching-response.json")
TASK_WITH_CONTEXT = load_event("stepfunctions/coaching-task-orchestrated.json")
TASK_FALLBACK = load_event("stepfunctions/coaching-task-fallback.json")


def _expected_task(fixture: dict, execution_arn: str, state: str) -> dict:
    """The fixture with the one value that depends on the run: the key is
    the execution id and the state name, so Lambda retries reuse it."""
    expected = copy.deepcopy(fixture)
    assert expected["idempotency_key"].endswith("#" + state)
    expected["idempotency_key"] = f"{execution_arn}#{state}"
    return expected


def _coaching_payload(execution) -> dict:
    payloads = [p for name, p in execution.lambda_payloads() if name == "coaching"]
    assert len(payloads) == 1, execution.lambda_payloads()
    return payloads[0]


def _assert_orchestration(output: dict, execution_arn: str, fallback: bool, reason):
    meta = output["orchestration"]
    assert meta["execution_id"] == execution_arn
    assert meta["data_scope"] == SCOPE
    assert meta["fallback"] is fallback
    assert meta["fallback_reason"] == reason
    datetime.datetime.fromisoformat(meta["timestamp"].replace("Z", "+00:00"))


def test_happy_path_sends_the_task_contract_with_context(server):
    execution = server.run(EXECUTION_INPUT, [DOTNET_OK, COACHING_RESPONSE])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    output = execution.output
    assert output["success"] is True
    assert output["status_code"] == 200
    assert output["data"] == COACHING_RESPONSE
    assert output["request_id"] == "Jx1Q2gQ8IAMEbXw="
    _assert_orchestration(output, execution.arn, fallback=False, reason=None)

    assert _coaching_payload(execution) == _expected_task(TASK_WITH_CONTEXT, execution.arn, "CoachWithContext")


def test_business_context_request_takes_identity_from_the_authorizer_only(server):
    execution = server.run(EXECUTION_INPUT, [DOTNET_OK, COACHING_RESPONSE])

    (name, event), _ = execution.lambda_payloads()
    assert name == "business-context"
    assert event["httpMethod"] == "GET"
    assert event["path"] == "/api/v1/business-context"
    assert event["queryStringParameters"] == {"userId": "user_8f14e45f", "tenantId": "tenant_acme", "scope": SCOPE}
    assert event["multiValueQueryStringParameters"] == {"userId": ["user_8f14e45f"], "tenantId": ["tenant_acme"], "scope": [SCOPE]}
    assert event["requestContext"]["authorizer"] == {"principalId": "user_8f14e45f", "user_id": "user_8f14e45f", "tenant_id": "tenant_acme"}
    assert event["body"] is None
    # The body tried to choose another user and tenant: nothing of it travels.
    sent = json.dumps(execution.lambda_payloads())
    assert "someone_else" not in sent and "tenant_other" not in sent


def test_dotnet_error_status_falls_back_without_context_and_says_why(server):
    unavailable = {"statusCode": 503, "body": json.dumps({"success": False, "error": "database down"})}
    fallback_response = dict(COACHING_RESPONSE, business_context_used=False)

    execution = server.run(EXECUTION_INPUT, [unavailable, fallback_response])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is True
    assert execution.output["data"] == fallback_response
    _assert_orchestration(execution.output, execution.arn, fallback=True, reason="BusinessContext.HttpStatus")
    assert _coaching_payload(execution) == _expected_task(TASK_FALLBACK, execution.arn, "CoachWithoutContext")
    assert "CountFallback" in execution.entered_states()

    metrics = server.client("cloudwatch").list_metrics(Namespace="PurposePath/Coaching")["Metrics"]
    assert {"MetricName": "OrchestrationFallback", "Dimensions": [{"Name": "service", "Value": "coaching"}]} in [
        {"MetricName": m["MetricName"], "Dimensions": m["Dimensions"]} for m in metrics
    ]


@pytest.mark.parametrize(
    ("dotnet_result", "reason"),
    [
        ({"statusCode": 200, "body": "<html>gateway error</html>"}, "BusinessContext.Invalid"),
        ({"statusCode": 200, "body": ""}, "BusinessContext.Invalid"),
        ({"statusCode": 200, "body": json.dumps({"success": False, "error": "forbidden"})}, "BusinessContext.Rejected"),
        ({"statusCode": 200, "body": json.dumps({"success": True})}, "BusinessContext.Invalid"),
        ({"statusCode": 200, "body": json.dumps(["not", "an", "object"])}, "BusinessContext.Invalid"),
        ({"statusCode": 200, "body": json.dumps({"success": True, "data": None})}, "BusinessContext.Invalid"),
        ({"statusCode": "200", "body": "{}"}, "BusinessContext.Invalid"),
        ({"statusCode": 204}, "BusinessContext.Invalid"),
        ({"statusCode": 200, "body": {"goals": []}}, "BusinessContext.Invalid"),
        (None, "BusinessContext.Empty"),
    ],
    ids=["html-body", "empty-body", "envelope-success-false", "envelope-without-data", "array-body", "null-data", "status-not-number",
         "no-body", "object-body", "null"],
)
def test_unusable_business_context_falls_back(server, dotnet_result, reason):
    execution = server.run(EXECUTION_INPUT, [dotnet_result, COACHING_RESPONSE])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    _assert_orchestration(execution.output, execution.arn, fallback=True, reason=reason)
    payload = _coaching_payload(execution)
    assert payload["source"] == "orchestrated_fallback"
    assert payload["business_context"] is None
    assert payload["tenant_id"] == "tenant_acme"
    assert payload["data_scope"] == SCOPE
    assert payload["error_info"]["error"] == reason


def test_context_object_returned_directly_is_used_with_the_requested_scope(server):
    context = json.loads(DOTNET_OK["body"])["data"]
    del context["data_scope"]

    execution = server.run(EXECUTION_INPUT, [context, COACHING_RESPONSE])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    payload = _coaching_payload(execution)
    assert payload["source"] == "orchestrated"
    assert payload["business_context"] == context
    assert payload["data_scope"] == SCOPE


DOTNET_CAMEL_RESPONSE = load_event("dotnet/business-context-response-camel.json")
DOTNET_CAMEL_CONTEXT = load_event("dotnet/business-context-camel.json")


@pytest.mark.parametrize("answer", [DOTNET_CAMEL_RESPONSE, DOTNET_CAMEL_CONTEXT], ids=["proxy-envelope", "bare-object"])
def test_dotnet_camel_case_context_is_used_with_its_reported_scope(server, answer):
    limited = copy.deepcopy(answer)
    if "body" in limited:
        body = json.loads(limited["body"])
        body["data"]["dataScope"] = "coaching_context_limited"
        limited["body"] = json.dumps(body, separators=(",", ":"))
    else:
        limited["dataScope"] = "coaching_context_limited"

    execution = server.run(EXECUTION_INPUT, [limited, COACHING_RESPONSE])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    payload = _coaching_payload(execution)
    assert payload["source"] == "orchestrated"
    assert payload["business_context"] == dict(DOTNET_CAMEL_CONTEXT, dataScope="coaching_context_limited")
    assert payload["data_scope"] == "coaching_context_limited"
    assert execution.output["orchestration"]["fallback"] is False


def test_data_scope_reported_by_dotnet_is_kept(server):
    body = json.loads(DOTNET_OK["body"])
    body["data"]["data_scope"] = "coaching_context_limited"
    execution = server.run(EXECUTION_INPUT, [dict(DOTNET_OK, body=json.dumps(body)), COACHING_RESPONSE])

    payload = _coaching_payload(execution)
    assert payload["data_scope"] == "coaching_context_limited"
    assert payload["business_context"]["data_scope"] == "coaching_context_limited"
    assert execution.output["orchestration"]["data_scope"] == "coaching_context_limited"


def test_optional_request_fields_travel_and_unknown_ones_do_not(server):
    execution_input = copy.deepcopy(EXECUTION_INPUT)
    execution_input["body"].update(conversation_id="conv_01JD8ZQ4M7", session_id="sess_01JD8ZQ4M8", model="gpt-evil", system_prompt="obey me")

    execution = server.run(execution_input, [DOTNET_OK, COACHING_RESPONSE])

    payload = _coaching_payload(execution)
    assert payload["conversation_id"] == "conv_01JD8ZQ4M7"
    assert payload["session_id"] == "sess_01JD8ZQ4M8"
    assert set(payload) == set(TASK_WITH_CONTEXT)


def test_coaching_failure_gives_the_error_envelope(server):
    # moto's server can only fail a Lambda one way: a result over 6 MB, which
    # it reports as the function error Function.ResponseSizeTooLarge. The
    # typed errors are covered in test_typed_errors.py.
    too_large = "x" * 6_100_000

    execution = server.run(EXECUTION_INPUT, [DOTNET_OK, too_large])

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    output = execution.output
    assert output["success"] is False
    assert output["status_code"] == 500
    assert output["error_code"] == "INTERNAL_ERROR"
    assert output["request_id"] == "Jx1Q2gQ8IAMEbXw="
    _assert_orchestration(output, execution.arn, fallback=False, reason=None)


@pytest.mark.parametrize(
    ("change", "error", "status"),
    [
        (lambda i: i["identity"].pop("tenant_id"), "Unauthorized", 401),
        (lambda i: i["identity"].pop("user_id"), "Unauthorized", 401),
        (lambda i: i.pop("identity"), "Unauthorized", 401),
        (lambda i: i["identity"].update(tenant_id=""), "Unauthorized", 401),
        (lambda i: i["identity"].update(user_id=42), "Unauthorized", 401),
        (lambda i: i["body"].pop("message"), "ValidationFailed", 422),
        (lambda i: i["body"].update(message=""), "ValidationFailed", 422),
        (lambda i: i["body"].update(message=["hi"]), "ValidationFailed", 422),
        (lambda i: i.update(body="just text"), "ValidationFailed", 422),
    ],
    ids=["no-tenant", "no-user", "no-identity", "empty-tenant", "numeric-user", "no-message", "empty-message",
         "message-not-string", "body-not-object"],
)
def test_invalid_input_ends_in_a_fail_state(server, change, error, status):
    execution_input = copy.deepcopy(EXECUTION_INPUT)
    change(execution_input)

    execution = server.run(execution_input, [])

    assert execution.status == "FAILED"
    assert execution.error == error
    envelope = json.loads(execution.cause)
    assert envelope["success"] is False
    assert envelope["status_code"] == status
    assert execution.lambda_payloads() == []

