"""What cfn-lint cannot see in template.yaml: the storage layout, the
least-privilege boundaries, the orchestrated route served by the function,
and that the template and the state machine agree."""

from __future__ import annotations

import json
import pathlib
import re

from cfnlint.decode.cfn_yaml import load as load_template

REPO = pathlib.Path(__file__).resolve().parents[2]
TEMPLATE = load_template(str(REPO / "template.yaml"))
RESOURCES = TEMPLATE["Resources"]
ASL_TEXT = (REPO / "orchestrator/coaching-orchestrator.asl.json").read_text()


# The orchestrator's ARN built from its name: a !Ref would make a cycle (it invokes the function).
ORCHESTRATOR_ARN = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${AWS::StackName}-coaching-orchestrator"


def _statements(role: str):
    for policy in RESOURCES[role]["Properties"]["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            if isinstance(statement, dict) and "Fn::If" in statement:
                statement = statement["Fn::If"][1]
            yield statement


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_both_tables_follow_the_storage_layout():
    for name in ("ConversationsTable", "CoachingSessionsTable"):
        table = RESOURCES[name]
        properties = table["Properties"]
        assert table["DeletionPolicy"] == "Retain"
        assert properties["BillingMode"] == "PAY_PER_REQUEST"
        assert properties["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
        (index,) = properties["GlobalSecondaryIndexes"]
        assert index["IndexName"] == "gsi1"
        assert index["KeySchema"] == [{"AttributeName": "gsi1pk", "KeyType": "HASH"}, {"AttributeName": "gsi1sk", "KeyType": "RANGE"}]
        assert {a["AttributeName"]: a["AttributeType"] for a in properties["AttributeDefinitions"]} == {
            "pk": "S", "sk": "S", "gsi1pk": "S", "gsi1sk": "S"}
        assert properties["TimeToLiveSpecification"] == {"AttributeName": "ttl", "Enabled": True}
        assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
        assert properties["SSESpecification"] == {"SSEEnabled": True}


def test_function_is_a_custom_runtime_with_the_configured_environment():
    globals_ = TEMPLATE["Globals"]["Function"]
    function = RESOURCES["CoachingFunction"]["Properties"]
    assert globals_["Runtime"] == "provided.al2023" and globals_["Handler"] == "bootstrap"
    # sam deploy zips dist/lambda/; sam build takes dist/coaching-lambda.zip through the Makefile.
    assert function["CodeUri"] == "dist/lambda/"
    assert RESOURCES["CoachingFunction"]["Metadata"] == {"BuildMethod": "makefile", "ContextPath": "."}
    assert TEMPLATE["Parameters"]["Architecture"]["Default"] == "x86_64"
    assert function["Architectures"] == [{"Ref": "Architecture"}]
    assert function["LoggingConfig"]["LogFormat"] == "JSON"
    assert set(function["Environment"]["Variables"]) == {
        "POWERTOOLS_SERVICE_NAME", "CONVERSATIONS_TABLE", "COACHING_SESSIONS_TABLE", "LLM_PROVIDER",
        "BEDROCK_MODEL_ID", "BEDROCK_REGION", "LLM_TIMEOUT_MS", "LLM_MAX_TOKENS", "LLM_TEMPERATURE",
        "OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_API_KEY_ARN",
        "JWT_SECRET_ARN", "JWT_ISSUER", "JWT_AUDIENCE", "CORS_ALLOWED_ORIGINS", "COACHING_ORCHESTRATOR_ARN"}
    assert function["Environment"]["Variables"]["COACHING_ORCHESTRATOR_ARN"] == {"Fn::Sub": ORCHESTRATOR_ARN}


def test_openai_settings_reach_the_function_only_when_it_is_the_provider():
    variables = RESOURCES["CoachingFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["OPENAI_BASE_URL"] == {"Fn::If": ["UsesOpenAI", {"Ref": "OpenAIBaseUrl"}, {"Ref": "AWS::NoValue"}]}
    assert variables["OPENAI_MODEL"] == {"Fn::If": ["UsesOpenAI", {"Ref": "OpenAIModel"}, {"Ref": "AWS::NoValue"}]}
    assert variables["OPENAI_API_KEY_ARN"] == {"Fn::If": ["HasOpenAIKeySecret", {"Ref": "OpenAIApiKeySecretArn"}, {"Ref": "AWS::NoValue"}]}
    assert TEMPLATE["Conditions"]["UsesOpenAI"] == {"Fn::Equals": [{"Ref": "LLMProvider"}, "openai"]}
    rule = TEMPLATE["Rules"]["OpenAISettings"]
    assert rule["RuleCondition"] == {"Fn::Equals": [{"Ref": "LLMProvider"}, "openai"]}
    asserted = json.dumps(rule["Assertions"])
    assert "OpenAIBaseUrl" in asserted and "OpenAIModel" in asserted


def test_reserved_concurrency_is_a_parameter_off_by_default():
    parameter = TEMPLATE["Parameters"]["ReservedConcurrency"]
    assert parameter["Default"] == -1 and parameter["MinValue"] == -1
    assert RESOURCES["CoachingFunction"]["Properties"]["ReservedConcurrentExecutions"] == {
        "Fn::If": ["HasReservedConcurrency", {"Ref": "ReservedConcurrency"}, {"Ref": "AWS::NoValue"}]}


def test_function_role_reaches_only_its_tables_one_model_and_the_secret():
    allowed_resources = {
        "dynamodb": ["ConversationsTable", "CoachingSessionsTable"],
    }
    services = set()
    for statement in _statements("CoachingFunctionRole"):
        assert statement["Effect"] == "Allow"
        actions = _as_list(statement["Action"])
        assert "*" not in json.dumps(actions)
        service = {a.split(":")[0] for a in actions}
        assert len(service) == 1
        service = service.pop()
        services.add(service)
        resources = json.dumps(statement["Resource"])
        assert resources != '"*"'
        if service == "dynamodb":
            referenced = set(re.findall(r"(ConversationsTable|CoachingSessionsTable)", resources))
            assert referenced == set(allowed_resources["dynamodb"])
            # What the store sends: Query, GetItem, and TransactWriteItems made of Put actions
            # (which IAM authorises as dynamodb:PutItem).
            assert sorted(actions) == ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
        if service == "bedrock":
            assert actions == ["bedrock:InvokeModel"]
            assert "BedrockModelId" in resources
        if service == "states":
            assert actions == ["states:StartSyncExecution"] and statement["Resource"] == {"Fn::Sub": ORCHESTRATOR_ARN}
        if service == "secretsmanager":
            assert actions == ["secretsmanager:GetSecretValue"]
            assert statement["Resource"] in ({"Ref": "JwtSecretArn"}, {"Ref": "OpenAIApiKeySecretArn"})
    assert services == {"logs", "dynamodb", "bedrock", "secretsmanager", "kms", "states"}
    assert "Lambda" not in json.dumps(list(_statements("CoachingFunctionRole")))


def test_health_routes_are_public_and_every_other_route_is_authorized():
    api = RESOURCES["CoachingHttpApi"]["Properties"]
    authorizer = api["Auth"]["Authorizers"][api["Auth"]["DefaultAuthorizer"]]
    assert authorizer["FunctionArn"] == {"Fn::GetAtt": ["CoachingFunction", "Arn"]}
    assert authorizer["EnableSimpleResponses"] is True
    assert authorizer["AuthorizerPayloadFormatVersion"] == "2.0"
    assert authorizer["Identity"]["Headers"] == ["Authorization"]
    for name, event in RESOURCES["CoachingFunction"]["Properties"]["Events"].items():
        auth = event["Properties"].get("Auth")
        if event["Properties"]["Path"].startswith("/api/v1/health"):
            assert auth == {"Authorizer": "NONE"}, name
        else:
            assert auth is None, name


def test_orchestrated_route_is_served_by_the_function_and_nothing_splices_identity():
    events = RESOURCES["CoachingFunction"]["Properties"]["Events"]
    assert events["CoachingOrchestrated"]["Properties"] == {
        "ApiId": {"Ref": "CoachingHttpApi"}, "Method": "POST", "Path": "/api/v1/coaching/orchestrated", "PayloadFormatVersion": "2.0"}
    # No API Gateway service integration builds an execution input from text any more: the
    # OpenAPI body carries only the CORS settings (test_template_cors.py), SAM adds the events' paths.
    body = RESOURCES["CoachingHttpApi"]["Properties"]["DefinitionBody"]
    assert body["paths"] == {} and set(body) == {"openapi", "info", "x-amazon-apigateway-cors", "paths"}
    text = (REPO / "template.yaml").read_text()
    assert "StepFunctions-StartSyncExecution" not in text and "requestParameters" not in text
    assert not [name for name, r in RESOURCES.items() if r["Type"] == "AWS::IAM::Role"
                and "apigateway.amazonaws.com" in json.dumps(r["Properties"]["AssumeRolePolicyDocument"])]
    # The ARN the function is given is the machine's own.
    machine_name = RESOURCES["CoachingOrchestrator"]["Properties"]["Name"]["Fn::Sub"]
    assert ORCHESTRATOR_ARN.endswith(":stateMachine:" + machine_name)


def test_definition_substitutions_match_the_state_machine_placeholders():
    placeholders = set(re.findall(r"\$\{([A-Za-z]+)\}", ASL_TEXT))
    machine = RESOURCES["CoachingOrchestrator"]["Properties"]
    assert machine["Type"] == "EXPRESS"
    assert machine["DefinitionUri"] == "orchestrator/coaching-orchestrator.asl.json"
    assert set(machine["DefinitionSubstitutions"]) == placeholders
    assert machine["Logging"]["IncludeExecutionData"] is False


def test_orchestrator_role_invokes_exactly_the_two_functions():
    (invoke,) = [s for s in _statements("OrchestratorRole") if s["Action"] == "lambda:InvokeFunction"]
    assert invoke["Resource"] == [{"Fn::GetAtt": ["CoachingFunction", "Arn"]}, {"Ref": "BusinessContextFunctionArn"}]


def test_every_log_group_has_a_retention():
    groups = [r for r in RESOURCES.values() if r["Type"] == "AWS::Logs::LogGroup"]
    assert len(groups) == 3
    assert all(g["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"} for g in groups)


def _dashboard_metrics():
    """(namespace, metric) pairs of the dashboard, with CloudWatch's "." and
    "..." shorthands resolved."""
    body = RESOURCES["CoachingDashboard"]["Properties"]["DashboardBody"]["Fn::Sub"][0]
    widgets = json.loads(re.sub(r"\$\{[A-Za-z:.]+\}", "x", body.replace("${Namespace}", "PurposePath/Coaching")))["widgets"]
    pairs = set()
    for widget in widgets:
        previous = []
        for row in widget["properties"]["metrics"]:
            names = [v for v in row if isinstance(v, str)]
            if not names:
                continue
            if names[0] == "...":
                names = previous[: len(previous) - len(names) + 1] + names[1:]
            names = [previous[i] if v == "." else v for i, v in enumerate(names)]
            pairs.add((names[0], names[1]))
            previous = names
    return pairs


def test_alarms_and_dashboard_use_the_metric_names_the_function_emits():
    emitted = {"ColdStart", "RequestLatency", "ModelLatency", "ModelInputTokens", "ModelOutputTokens",
               "ModelFallback", "DynamoDBRetries", "OrchestrationFallback"}
    used = {metric for namespace, metric in _dashboard_metrics() if namespace == "PurposePath/Coaching"}
    for resource in RESOURCES.values():
        if resource["Type"] != "AWS::CloudWatch::Alarm":
            continue
        for query in resource["Properties"].get("Metrics", []):
            metric = query.get("MetricStat", {}).get("Metric", {})
            if metric.get("Namespace") == "PurposePath/Coaching":
                used.add(metric["MetricName"])
                assert {"Name": "service", "Value": {"Ref": "ServiceName"}} in metric["Dimensions"]
    assert used == emitted


def test_the_sam_translator_accepts_the_template():
    # What `sam deploy` sends after `sam package`: CodeUri and DefinitionUri as S3 locations.
    import copy

    import boto3
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator

    template = copy.deepcopy(TEMPLATE)
    template["Resources"]["CoachingFunction"]["Properties"]["CodeUri"] = "s3://bucket/coaching-lambda.zip"
    template["Resources"]["CoachingOrchestrator"]["Properties"]["DefinitionUri"] = "s3://bucket/coaching-orchestrator.asl.json"
    translator = Translator(managed_policy_map={}, sam_parser=Parser(), boto_session=boto3.session.Session(region_name="us-east-1"))
    try:
        translated = translator.translate(template, parameter_values={})
    except InvalidDocumentException as error:
        raise AssertionError([str(cause) for cause in error.causes]) from error
    function = translated["Resources"]["CoachingFunction"]["Properties"]
    assert function["Architectures"] == [{"Ref": "Architecture"}]
    assert function["ReservedConcurrentExecutions"]["Fn::If"][0] == "HasReservedConcurrency"
    assert "OpenAISettings" in translated["Rules"]
