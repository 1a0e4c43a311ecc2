"""Two things moto 5.2's server lacks for the orchestrated-route tests, added to it.

* ``StartSyncExecution``: moto implements ``StartExecution`` only. Here the sync call
  starts the execution with moto's own interpreter (the real ASL, as for every other
  test), waits until it ends and answers in the shape of the AWS API reference for
  StartSyncExecution: ``executionArn``, ``stateMachineArn``, ``name``, ``startDate``,
  ``stopDate``, ``status`` (SUCCEEDED | FAILED | TIMED_OUT), ``output``, ``error``,
  ``cause``, ``input``. The coaching function's client is what is under test; this
  stands in for the service.
* Function errors: moto's simple Lambda backend always answers 200. A queued canned
  result ``{"moto_function_error": {"errorType": ..., "errorMessage": ...}}`` is
  answered the way our runtime reports a typed error (``X-Amz-Function-Error:
  Unhandled`` and the ``{errorType, errorMessage}`` body), so the state machine's
  Retry/Catch on ``ConversationNotFound`` and friends runs on the server too.
"""

from __future__ import annotations

import json
import time

FUNCTION_ERROR_KEY = "moto_function_error"
SYNC_WAIT_SECONDS = 60


def _value(status):
    return getattr(status, "value", status)


def _start_sync_execution(self):
    from moto.core.responses import ActionResult

    backend = self.stepfunction_backend
    execution = backend.start_execution(
        self._get_param("stateMachineArn"), self._get_param("name"), self._get_param("input", if_none="{}")
    )
    arn = execution.execution_arn
    deadline = time.monotonic() + SYNC_WAIT_SECONDS
    while _value(execution.status) == "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.02)
        execution = backend.describe_execution(arn)
    status = _value(execution.status)
    response = {
        "executionArn": arn,
        "stateMachineArn": execution.state_machine_arn,
        "name": execution.name,
        "startDate": execution.start_date,
        "status": status if status in ("SUCCEEDED", "FAILED", "TIMED_OUT") else "FAILED",
        "input": execution.execution_input,
        "inputDetails": {"included": True},
    }
    if execution.stop_date is not None:
        response["stopDate"] = execution.stop_date
    if status == "SUCCEEDED":
        output = execution.output
        response["output"] = output if isinstance(output, str) else json.dumps(output)
        response["outputDetails"] = {"included": True}
    if execution.error is not None:
        response["error"] = execution.error
    if execution.cause is not None:
        response["cause"] = execution.cause
    return ActionResult(response)


def _invoke_with_function_errors(original):
    def invoke(self, function_name, qualifier, body, headers, response_headers):
        result = original(self, function_name, qualifier, body, headers, response_headers)
        try:
            parsed = json.loads(result)
        except ValueError:
            return result
        if isinstance(parsed, dict) and set(parsed) == {FUNCTION_ERROR_KEY}:
            response_headers["x-amz-function-error"] = "Unhandled"
            return json.dumps(dict(parsed[FUNCTION_ERROR_KEY], stackTrace=[])).encode()
        return result

    return invoke


def install() -> None:
    from moto.awslambda_simple.models import LambdaSimpleBackend
    from moto.stepfunctions.responses import StepFunctionResponse

    StepFunctionResponse.start_sync_execution = _start_sync_execution
    LambdaSimpleBackend.invoke = _invoke_with_function_errors(LambdaSimpleBackend.invoke)
