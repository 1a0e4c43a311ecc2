"""docs/openapi.yaml generates typed clients: openapi-python-client builds a
client without a warning (each warning is a response or schema it dropped),
datamodel-code-generator builds pydantic models, and a short conversation runs
through the generated client against `coaching-dev serve`, every answer parsed
into its typed model (the old frontend's names included)."""

from __future__ import annotations

import importlib
import os
import pathlib
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SPEC = REPO / "docs" / "openapi.yaml"
COACHING_DEV = pathlib.Path(os.environ.get("COACHING_DEV", REPO / ".build" / "debug" / "coaching-dev"))


def _run(arguments: list[str], cwd: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(arguments, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workspace():
    with tempfile.TemporaryDirectory(prefix="generated-client-") as directory:
        yield pathlib.Path(directory)


@pytest.fixture(scope="module")
def client_package(workspace):
    result = _run(["openapi-python-client", "generate", "--path", str(SPEC), "--meta", "none",
                   "--output-path", "coaching_client"], workspace)
    output = result.stdout + result.stderr
    print(f"\nopenapi-python-client: exit {result.returncode}, {output.count('WARNING')} warnings\n{output.strip()}")
    assert result.returncode == 0, output
    assert "WARNING" not in output and "omitted" not in output, output
    sys.path.insert(0, str(workspace))
    yield importlib.import_module("coaching_client")
    sys.path.remove(str(workspace))


def test_datamodel_code_generator_builds_models_for_every_schema(workspace):
    target = workspace / "coaching_models.py"
    result = _run(["datamodel-codegen", "--input", str(SPEC), "--input-file-type", "openapi", "--output", str(target),
                   "--output-model-type", "pydantic_v2.BaseModel", "--formatters", "black", "isort"], workspace)
    output = result.stdout + result.stderr
    # The tool's own packaging notices (FutureWarning) say nothing about the spec; anything else would.
    problems = [line for line in output.splitlines() if re.search(r"warn|error", line, re.I)
                and "FutureWarning" not in line and "warnings.warn(" not in line]
    print(f"\ndatamodel-codegen: exit {result.returncode}, {len(problems)} warnings about the spec")
    assert result.returncode == 0, output
    assert problems == [], output
    sys.path.insert(0, str(workspace))
    try:
        models = importlib.import_module("coaching_models")
    finally:
        sys.path.remove(str(workspace))
    detail = models.ConversationDetail.model_validate({
        "conversation_id": "c-1", "title": "Core values", "topic": "core_values", "status": "active",
        "phase": "exploration", "progress": 0.3, "message_count": 1, "created_at": "2026-11-21T23:14:41.123Z",
        "updated_at": "2026-11-21T23:14:41.123Z", "last_activity_at": "2026-11-21T23:14:41.123Z",
        "messages": [{"seq": 1, "role": "assistant", "content": "Hi", "created_at": "2026-11-21T23:14:41.123Z",
                      "phase": "introduction", "suggestions": ["Honesty"]}],
    })
    assert detail.messages[0].suggestions == ["Honesty"]
    assert {"reply", "completed", "value"} <= set(models.SendMessageResponse.model_fields)


class _Server:
    """`coaching-dev serve` on a free loopback port with a fresh file store."""

    def __init__(self, data: pathlib.Path):
        self.secret = "generated-client-" + secrets.token_hex(16)
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("CONVERSATIONS_TABLE", "COACHING_SESSIONS_TABLE", "JWT_SECRET_ARN", "JWT_ISSUER",
                                    "JWT_AUDIENCE", "CORS_ALLOWED_ORIGINS")}
        environment.update(JWT_SECRET=self.secret, COACHING_DATA_DIR=str(data), LLM_PROVIDER="offline",
                           AWS_LAMBDA_LOG_LEVEL="INFO")
        self.environment = environment
        self.process = subprocess.Popen([str(COACHING_DEV), "serve", "--port", "0"], env=environment,
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.port = None
        deadline = time.monotonic() + 30
        while self.port is None and time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            match = re.search(r'"port":(\d+)', line)
            if match:
                self.port = int(match.group(1))
        assert self.port, "coaching-dev serve did not report its port"
        # Keep reading its log, so that a full pipe never blocks the server.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def token(self, user: str, tenant: str) -> str:
        result = subprocess.run([str(COACHING_DEV), "token", "--user", user, "--tenant", tenant], env=self.environment,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip()

    def stop(self) -> int:
        self.process.send_signal(2)
        return self.process.wait(timeout=30)


def test_a_scripted_conversation_through_the_generated_client(client_package, workspace):
    if not COACHING_DEV.exists():
        pytest.fail(f"{COACHING_DEV} is missing: build it first (swift build)")
    from coaching_client import AuthenticatedClient
    from coaching_client.api.conversations import (complete_conversation, get_conversation, initiate_conversation,
                                                   list_conversations, send_message)
    from coaching_client.models import (ConversationDetailEnvelope, ConversationPageEnvelope, ConversationStateEnvelope,
                                        InitiateConversationEnvelope, InitiateConversationRequest, SendMessageEnvelope,
                                        SendMessageRequest, TenantMismatchError, ValidationFailedError)
    from coaching_client.models.coaching_topic import CoachingTopic
    from coaching_client.models.get_conversation_order import GetConversationOrder

    server = _Server(workspace / "data")
    try:
        client = AuthenticatedClient(base_url=f"http://127.0.0.1:{server.port}", token=server.token("dana", "acme"),
                                     headers={"X-Tenant-Id": "acme"}, raise_on_unexpected_status=True)
        started = initiate_conversation.sync(client=client, body=InitiateConversationRequest(topic=CoachingTopic.CORE_VALUES),
                                             idempotency_key="start-1")
        assert isinstance(started, InitiateConversationEnvelope), started
        conversation = started.data.conversation_id
        assert started.data.id == conversation
        retried = initiate_conversation.sync_detailed(client=client, body=InitiateConversationRequest(topic=CoachingTopic.CORE_VALUES),
                                                      idempotency_key="start-1")
        assert retried.status_code == 201 and retried.headers.get("idempotent-replayed") == "true"
        assert retried.parsed.data.conversation_id == conversation

        for text in ["Honesty with customers matters most", "We never cut corners on safety", "Looking after the team"]:
            reply = send_message.sync(id=conversation, client=client, body=SendMessageRequest(user_message=text))
            assert isinstance(reply, SendMessageEnvelope), reply
            assert reply.data.reply == reply.data.message and reply.data.completed == reply.data.is_complete
            assert reply.data.value is None

        reused = send_message.sync(id=conversation, client=client, body=SendMessageRequest(user_message="one"),
                                   idempotency_key="k-1")
        assert isinstance(reused, SendMessageEnvelope)
        refused = send_message.sync(id=conversation, client=client, body=SendMessageRequest(user_message="two"),
                                    idempotency_key="k-1")
        assert isinstance(refused, ValidationFailedError) and refused.error_code.value == "IDEMPOTENCY_KEY_REUSED"

        history = get_conversation.sync(id=conversation, client=client, order=GetConversationOrder.DESC, limit=2)
        assert isinstance(history, ConversationDetailEnvelope), history
        assert [m.seq for m in history.data.messages] == [9, 8]
        assert history.data.messages[0].suggestions is not None and history.data.title == "Core values"

        listing = list_conversations.sync(client=client)
        assert isinstance(listing, ConversationPageEnvelope), listing
        assert [item.conversation_id for item in listing.data.items] == [conversation]
        assert listing.data.items[0].last_message_preview

        done = complete_conversation.sync(id=conversation, client=client)
        assert isinstance(done, ConversationStateEnvelope) and done.data.status.value == "completed"

        other_tenant = AuthenticatedClient(base_url=client._base_url, token=client.token, headers={"X-Tenant-Id": "globex"})
        mismatch = list_conversations.sync(client=other_tenant)
        assert isinstance(mismatch, TenantMismatchError) and mismatch.error_code == "TENANT_MISMATCH"
    finally:
        assert server.stop() == 0
