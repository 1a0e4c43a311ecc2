"""The deployed API's CORS, as API Gateway will get it: template.yaml rendered
with the SAM translator (the transform CloudFormation runs), not as written.
With `AllowOrigins: !Ref ...` in `CorsConfiguration`, aws-sam-translator 1.110
and 1.115 emit `x-amazon-apigateway-cors` as just that reference, losing the
methods, headers and max-age; cfn-lint and `sam validate --lint` pass it. The
header lists must also be the ones CORSPolicy.swift answers with locally."""

from __future__ import annotations

import copy
import os
import pathlib
import re

import pytest
from cfnlint.decode.cfn_yaml import load as load_template
from samtranslator.translator.transform import transform

REPO = pathlib.Path(__file__).resolve().parents[2]
FRONTEND_HEADERS = ["authorization", "content-type", "x-tenant-id", "idempotency-key"]
FRONTEND_ORIGIN = "https://app.purposepath.example"


class _NoManagedPolicies:
    """The translator asks IAM for managed policy ARNs only for policy templates; the template uses none."""

    def load(self):
        return {}


def _swift_list(name: str) -> list[str]:
    source = (REPO / "Sources/CoachingHandlers/Configuration/CORSPolicy.swift").read_text()
    match = re.search(rf"static let {name} = \[([^\]]*)\]", source)
    assert match, f"CORSPolicy.{name} not found"
    return re.findall(r'"([^"]+)"', match.group(1))


@pytest.fixture(scope="module")
def rendered():
    template = load_template(str(REPO / "template.yaml"))
    template = copy.deepcopy(template)
    # What `sam package` does before the transform: local paths become S3 locations.
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if "CodeUri" in properties:
            properties["CodeUri"] = "s3://artifacts/coaching-lambda.zip"
        if "DefinitionUri" in properties:
            properties["DefinitionUri"] = "s3://artifacts/coaching-orchestrator.asl.json"
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    return transform(template, {}, _NoManagedPolicies())


def _apis(rendered):
    return {name: r for name, r in rendered["Resources"].items() if r["Type"] == "AWS::ApiGatewayV2::Api"}


def _cors(api) -> dict:
    cors = api["Properties"]["Body"].get("x-amazon-apigateway-cors")
    assert isinstance(cors, dict), f"no CORS settings: {cors!r}"
    return cors


def _preflight(cors: dict, origins: list[str], origin: str, method: str, headers: list[str]) -> dict[str, str]:
    """API Gateway HTTP API's answer to a preflight, per its documented rules: the
    origin must be allowed, the method allowed and every requested header allowed
    (case-insensitively); otherwise the answer carries no CORS headers."""
    allowed_headers = {h.lower() for h in cors["allowHeaders"]}
    if origin not in origins or method not in cors["allowMethods"] or not {h.lower() for h in headers} <= allowed_headers:
        return {}
    return {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": ",".join(cors["allowMethods"]),
        "access-control-allow-headers": ",".join(cors["allowHeaders"]),
        "access-control-max-age": str(cors["maxAge"]),
    }


def test_every_http_api_keeps_its_cors_through_the_transform(rendered):
    apis = _apis(rendered)
    assert "CoachingHttpApi" in apis
    for name, api in apis.items():
        cors = _cors(api)
        assert cors["allowOrigins"] == {"Ref": "CorsAllowedOrigins"}, name
        assert set(cors["allowMethods"]) == {"GET", "POST", "DELETE", "OPTIONS"}, name
        assert cors["maxAge"] == 600, name
        assert "allowCredentials" not in cors, name


def test_rendered_header_lists_are_the_ones_the_function_answers_with(rendered):
    cors = _cors(_apis(rendered)["CoachingHttpApi"])
    assert cors["allowHeaders"] == _swift_list("allowedHeaders")
    assert cors["exposeHeaders"] == _swift_list("exposedHeaders")
    assert set(FRONTEND_HEADERS) <= set(cors["allowHeaders"])
    assert {"retry-after", "idempotent-replayed", "apigw-requestid"} <= set(cors["exposeHeaders"])


def test_preflight_for_the_frontends_real_headers(rendered):
    cors = _cors(_apis(rendered)["CoachingHttpApi"])
    request = {"origin": FRONTEND_ORIGIN, "access-control-request-method": "POST",
               "access-control-request-headers": ",".join(FRONTEND_HEADERS)}
    answer = _preflight(cors, [FRONTEND_ORIGIN], FRONTEND_ORIGIN, "POST", FRONTEND_HEADERS)
    print("\nOPTIONS /api/v1/conversations/initiate (rendered template)")
    for name, value in request.items():
        print(f"> {name}: {value}")
    for name, value in answer.items():
        print(f"< {name}: {value}")
    assert answer["access-control-allow-origin"] == FRONTEND_ORIGIN
    assert _preflight(cors, [FRONTEND_ORIGIN], "https://evil.example", "POST", FRONTEND_HEADERS) == {}
