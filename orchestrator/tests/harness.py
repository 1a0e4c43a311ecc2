"""Runs the coaching orchestrator in moto's Step Functions interpreter.

Two ways to host the interpreter, both real executions of the ASL file:

* ``ServerStepFunctions``: an external ``moto_server`` (started by
  scripts/test-orchestrator.sh, or by the ``moto_url`` fixture). Lambda tasks
  answer with canned results queued through ``/moto-api/static/lambda-simple``;
  what each task was sent is read back from ``GetExecutionHistory``
  (``TaskScheduled`` events carry the resolved ``Parameters``).
* ``InProcessStepFunctions``: moto in this process (``mock_aws``) with a
  recording Lambda backend. moto's server has no way to make a Lambda fail
  with a *function* error (its simple backend always answers 200), so the
  typed-error routing (``ConversationNotFound`` and friends) is exercised here:
  the backend records every invocation payload and can raise the errors our
  Swift function raises (``{"errorType": ...}`` with ``X-Amz-Function-Error``).
"""

from __future__ import annotations

import json
import pathlib
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable

import boto3

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFINITION = REPO / "orchestrator" / "coaching-orchestrator.asl.json"
EVENTS = REPO / "events"
ACCOUNT = "123456789012"
STATE_MACHINE_NAME = "purposepath-coaching-orchestrator"
SERVICE_NAME = "coaching"
SCOPE = "coaching_context"


def load_event(relative: str) -> Any:
    return json.loads((EVENTS / relative).read_text())


def function_arn(region: str, name: str) -> str:
    return f"arn:aws:lambda:{region}:{ACCOUNT}:function:{name}"


def definition_for(region: str) -> str:
    """The ASL text with the template's DefinitionSubstitutions applied."""
    text = DEFINITION.read_text()
    substitutions = {
        "BusinessContextFunctionArn": function_arn(region, "business-context"),
        "CoachingFunctionArn": function_arn(region, "coaching"),
        "BusinessContextScope": SCOPE,
        "ServiceName": SERVICE_NAME,
    }
    for key, value in substitutions.items():
        text = text.replace("${" + key + "}", value)
    if "${" in text:
        raise AssertionError("a substitution is missing: " + text[text.index("${"):][:60])
    return text


@dataclass
class Execution:
    arn: str
    status: str
    output: Any
    error: str | None
    cause: str | None
    history: list[dict] = field(default_factory=list)

    def lambda_payloads(self) -> list[tuple[str, Any]]:
        """(function name, payload) of every Lambda task scheduled, in order."""
        found = []
        for event in self.history:
            details = event.get("taskScheduledEventDetails")
            if event["type"] == "TaskScheduled" and details and details.get("resourceType") == "lambda":
                parameters = json.loads(details["parameters"])
                found.append((parameters["FunctionName"].rsplit(":", 1)[-1], parameters["Payload"]))
        return found

    def entered_states(self) -> list[str]:
        return [e["stateEnteredEventDetails"]["name"] for e in self.history if e["type"].endswith("StateEntered")]


def _wait(client, execution_arn: str, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        description = client.describe_execution(executionArn=execution_arn)
        if description["status"] != "RUNNING":
            return description
        if time.monotonic() > deadline:
            raise AssertionError(f"execution still running after {timeout} s")
        time.sleep(0.05)


def _execution(client, arn: str, description: dict, history: bool) -> Execution:
    events = []
    if history:
        paginator_token = None
        while True:
            kwargs = {"executionArn": arn, "maxResults": 1000}
            if paginator_token:
                kwargs["nextToken"] = paginator_token
            page = client.get_execution_history(**kwargs)
            events.extend(page["events"])
            paginator_token = page.get("nextToken")
            if not paginator_token:
                break
    output = description.get("output")
    return Execution(
        arn=arn,
        status=description["status"],
        output=json.loads(output) if output else None,
        error=description.get("error"),
        cause=description.get("cause"),
        history=events,
    )


class ServerStepFunctions:
    """The orchestrator on an external moto server. One fresh state per run:
    moto fails a second execution in a region, so every run resets first."""

    def __init__(self, url: str, region: str = "us-east-1"):
        self.url = url.rstrip("/")
        self.region = region

    def _post(self, path: str, body: Any) -> None:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def client(self, service: str):
        return boto3.client(
            service, region_name=self.region, endpoint_url=self.url,
            aws_access_key_id="testing", aws_secret_access_key="testing",
        )

    def prepare(self, lambda_results: list[Any]) -> str:
        """A fresh moto with the state machine created and the Lambda results queued; its ARN."""
        self._post("/moto-api/reset", {})
        self._post("/moto-api/config", {"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}})
        results = [r if isinstance(r, str) else json.dumps(r) for r in lambda_results]
        if results:
            self._post("/moto-api/static/lambda-simple/response", {"results": results, "region": self.region})
        role = self.client("iam").create_role(RoleName="orchestrator", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        return self.client("stepfunctions").create_state_machine(
            name=STATE_MACHINE_NAME, definition=definition_for(self.region), roleArn=role, type="EXPRESS",
        )["stateMachineArn"]

    def executions(self, machine: str) -> list[Execution]:
        """Every execution of `machine`, finished, with its history."""
        sfn = self.client("stepfunctions")
        arns = [e["executionArn"] for e in sfn.list_executions(stateMachineArn=machine)["executions"]]
        return [_execution(sfn, arn, _wait(sfn, arn), history=True) for arn in arns]

    def run(self, execution_input: Any, lambda_results: list[Any], name: str = "Jx1Q2gQ8IAMEbXw=") -> Execution:
        machine = self.prepare(lambda_results)
        sfn = self.client("stepfunctions")
        arn = sfn.start_execution(stateMachineArn=machine, name=name, input=json.dumps(execution_input))["executionArn"]
        return _execution(sfn, arn, _wait(sfn, arn), history=True)


@dataclass
class FunctionError(Exception):
    """Raised by a scripted Lambda to fail the invocation the way our Swift
    runtime does: POST /error with this errorType."""

    error_type: str
    message: str = "scripted failure"


@dataclass
class ServiceError(Exception):
    """Raised by a scripted Lambda to make the Invoke API itself fail
    (becomes Lambda.<code> in Step Functions)."""

    code: str
    status: int = 500


Script = Callable[[str, Any], Any]


class InProcessStepFunctions:
    """The orchestrator on moto in this process, with a recording Lambda:
    ``script(function_name, payload)`` returns the result or raises."""

    def __init__(self, region: str = "us-east-1"):
        self.region = region
        self.invocations: list[tuple[str, Any]] = []

    def run(self, execution_input: Any, script: Script, name: str = "Jx1Q2gQ8IAMEbXw=") -> Execution:
        from unittest import mock

        from moto import mock_aws
        from moto.awslambda_simple.models import LambdaSimpleBackend
        from moto.core.exceptions import JsonRESTError

        invocations = self.invocations

        def invoke(backend, function_name, qualifier, body, headers, response_headers):
            name_only = function_name.rsplit(":", 1)[-1]
            payload = json.loads(body) if body else None
            invocations.append((name_only, payload))
            try:
                result = script(name_only, payload)
            except FunctionError as failure:
                response_headers["x-amz-function-error"] = "Unhandled"
                return json.dumps({"errorType": failure.error_type, "errorMessage": failure.message, "stackTrace": []}).encode()
            except ServiceError as failure:
                error = JsonRESTError(failure.code, "scripted service failure")
                error.code = failure.status
                raise error from None
            return json.dumps(result).encode()

        config = {"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}}
        with mock_aws(config=config), mock.patch.object(LambdaSimpleBackend, "invoke", invoke):
            session = dict(region_name=self.region, aws_access_key_id="testing", aws_secret_access_key="testing")
            sfn = boto3.client("stepfunctions", **session)
            role = boto3.client("iam", **session).create_role(RoleName="orchestrator", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
            machine = sfn.create_state_machine(
                name=STATE_MACHINE_NAME, definition=definition_for(self.region), roleArn=role, type="EXPRESS",
            )["stateMachineArn"]
            arn = sfn.start_execution(stateMachineArn=machine, name=name, input=json.dumps(execution_input))["executionArn"]
            return _execution(sfn, arn, _wait(sfn, arn), history=True)
