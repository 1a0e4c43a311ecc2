"""Retry and catch routing on our typed Lambda errors, executed by moto's
Step Functions interpreter in this process with a recording Lambda backend
(moto's server cannot make a Lambda fail with a function error)."""

from __future__ import annotations

import json

import pytest

from harness import FunctionError, InProcessStepFunctions, ServiceError, load_event

EXECUTION_INPUT = load_event("stepfunctions/execution-input.json")
DOTNET_OK = load_event("stepfunctions/business-context-response.json")
COACHING_RESPONSE = load_event("stepfunctions/coaching-response.json")


def scripted(coaching_outcomes, dotnet_outcomes=None):
    """A Lambda script: each function answers its outcomes in order (an
    exception is raised, anything else returned)."""
    queues = {"coaching": list(coaching_outcomes), "business-context": list(dotnet_outcomes or [DOTNET_OK])}

    def script(function_name, payload):
        outcome = queues[function_name].pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return script


def coaching_calls(runner):
    return [payload for name, payload in runner.invocations if name == "coaching"]


@pytest.mark.parametrize(
    ("error_type", "status", "code"),
    [
        ("ConversationNotFound", 404, "CONVERSATION_NOT_FOUND"),
        ("ConversationNotActive", 409, "CONVERSATION_NOT_ACTIVE"),
        ("ModelUnavailable", 503, "MODEL_UNAVAILABLE"),
        ("SomethingUnexpected", 500, "INTERNAL_ERROR"),
    ],
)
def test_typed_coaching_error_becomes_its_envelope_without_retry(error_type, status, code):
    runner = InProcessStepFunctions()
    execution = runner.run(EXECUTION_INPUT, scripted([FunctionError(error_type)]))

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is False
    assert execution.output["status_code"] == status
    assert execution.output["error_code"] == code
    assert execution.output["orchestration"]["fallback"] is False
    assert len(coaching_calls(runner)) == 1


@pytest.mark.parametrize("error_type", ["StoreUnavailable", "Conflict"])
def test_transient_typed_error_is_retried_once_with_the_same_idempotency_key(error_type):
    runner = InProcessStepFunctions()
    execution = runner.run(EXECUTION_INPUT, scripted([FunctionError(error_type), COACHING_RESPONSE]))

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is True
    first, second = coaching_calls(runner)
    assert first == second
    assert first["idempotency_key"] == f"{execution.arn}#CoachWithContext"


def test_transient_typed_error_twice_gives_its_envelope():
    runner = InProcessStepFunctions()
    failures = [FunctionError("StoreUnavailable"), FunctionError("StoreUnavailable")]
    execution = runner.run(EXECUTION_INPUT, scripted(failures))

    assert execution.output["status_code"] == 503
    assert execution.output["error_code"] == "STORE_UNAVAILABLE"
    assert len(coaching_calls(runner)) == 2


def test_lambda_service_errors_are_retried():
    runner = InProcessStepFunctions()
    outcomes = [ServiceError("TooManyRequestsException", 429), ServiceError("ServiceException", 500), COACHING_RESPONSE]
    execution = runner.run(EXECUTION_INPUT, scripted(outcomes))

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is True
    assert len(coaching_calls(runner)) == 3


def test_validation_failure_with_context_retries_without_it():
    runner = InProcessStepFunctions()
    outcomes = [FunctionError("ValidationFailed", "business_context.goals[0].title: missing"), COACHING_RESPONSE]
    execution = runner.run(EXECUTION_INPUT, scripted(outcomes))

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is True
    assert execution.output["orchestration"]["fallback"] is True
    assert execution.output["orchestration"]["fallback_reason"] == "ValidationFailed"
    with_context, fallback = coaching_calls(runner)
    assert with_context["source"] == "orchestrated"
    assert fallback["source"] == "orchestrated_fallback"
    assert fallback["business_context"] is None
    assert fallback["tenant_id"] == "tenant_acme"
    assert fallback["error_info"]["error"] == "ValidationFailed"
    assert json.loads(fallback["error_info"]["cause"])["errorMessage"] == "business_context.goals[0].title: missing"
    assert fallback["idempotency_key"] == f"{execution.arn}#CoachWithoutContext"


def test_validation_failure_without_context_is_a_422():
    runner = InProcessStepFunctions()
    outcomes = [FunctionError("ValidationFailed"), FunctionError("ValidationFailed")]
    execution = runner.run(EXECUTION_INPUT, scripted(outcomes))

    assert execution.output["success"] is False
    assert execution.output["status_code"] == 422
    assert execution.output["error_code"] == "VALIDATION_ERROR"
    assert execution.output["orchestration"]["fallback"] is True


def test_fallback_path_retries_too():
    runner = InProcessStepFunctions()
    dotnet = [FunctionError("InternalServerError", "the .NET API failed")]
    coaching = [ServiceError("ServiceException", 500), FunctionError("StoreUnavailable"), COACHING_RESPONSE]
    execution = runner.run(EXECUTION_INPUT, scripted(coaching, dotnet))

    assert execution.status == "SUCCEEDED", (execution.error, execution.cause)
    assert execution.output["success"] is True
    assert execution.output["orchestration"]["fallback_reason"] == "InternalServerError"
    calls = coaching_calls(runner)
    assert [c["source"] for c in calls] == ["orchestrated_fallback"] * 3
    assert all(c["tenant_id"] == "tenant_acme" for c in calls)


def test_dotnet_service_errors_are_retried_before_falling_back():
    runner = InProcessStepFunctions()
    dotnet = [ServiceError("ServiceException", 500), ServiceError("ServiceException", 500), ServiceError("ServiceException", 500)]
    execution = runner.run(EXECUTION_INPUT, scripted([COACHING_RESPONSE], dotnet))

    assert execution.output["orchestration"]["fallback"] is True
    assert execution.output["orchestration"]["fallback_reason"] == "Lambda.ServiceException"
    assert len([name for name, _ in runner.invocations if name == "business-context"]) == 3
