#!/usr/bin/env python3
"""The Python floor this service replaces: a custom-runtime loop in Python that
imports what the Python coaching service imported at start-up (Pydantic v2,
boto3 with a DynamoDB resource) and defines the seed's contract models, then
echoes each event back through the Lambda Runtime API.

It is what a Python Lambda pays before its first `next`, without any of the
service's own logic: the floor, not the full cost.
"""
import http.client
import json
import os
from datetime import date, datetime
from enum import Enum
from typing import List, Literal, Optional

import boto3
from pydantic import BaseModel, Field


class UserContext(BaseModel):
    id: str
    name: str
    email: str
    role: Optional[str] = None


class TenantContext(BaseModel):
    id: str
    company: str
    industry: Optional[str] = None
    size: Optional[str] = None


class GoalContext(BaseModel):
    id: str
    title: str
    description: Optional[str] = None
    status: str
    target_value: Optional[float] = None
    current_value: Optional[float] = None
    due_date: Optional[date] = None


class ActionContext(BaseModel):
    id: str
    title: str
    description: Optional[str] = None
    status: str
    due_date: Optional[date] = None
    goal_id: Optional[str] = None


class KpiContext(BaseModel):
    id: str
    name: str
    current_value: Optional[float] = None
    target_value: Optional[float] = None
    unit: Optional[str] = None


class BusinessContext(BaseModel):
    user: Optional[UserContext] = None
    tenant: Optional[TenantContext] = None
    goals: List[GoalContext] = Field(default_factory=list)
    recent_actions: List[ActionContext] = Field(default_factory=list)
    kpis: List[KpiContext] = Field(default_factory=list)
    data_scope: Optional[str] = None
    retrieved_at: Optional[datetime] = None


class CoachingTopic(str, Enum):
    core_values = "core_values"
    purpose = "purpose"
    vision = "vision"
    goals = "goals"


class CoachingRequest(BaseModel):
    message: str = Field(min_length=1, max_length=4000)
    conversation_id: Optional[str] = None
    session_id: Optional[str] = None
    topic: Optional[CoachingTopic] = None
    business_context: Optional[BusinessContext] = None
    source: Literal["direct", "orchestrated", "orchestrated_fallback"] = "direct"


class CoachingResponse(BaseModel):
    message: str
    conversation_id: str
    session_id: Optional[str] = None
    business_context_used: bool
    follow_up_suggestions: List[str] = Field(default_factory=list)


# The Python service created its DynamoDB resource at import time.
dynamodb = boto3.resource("dynamodb", region_name=os.environ.get("AWS_REGION", "us-east-1"))


def main() -> None:
    host, _, port = os.environ["AWS_LAMBDA_RUNTIME_API"].rpartition(":")
    connection = http.client.HTTPConnection(host, int(port))
    while True:
        connection.request("GET", "/2018-06-01/runtime/invocation/next")
        response = connection.getresponse()
        event = response.read()
        if response.status != 200:
            return
        request_id = response.getheader("Lambda-Runtime-Aws-Request-Id")
        connection.request(
            "POST",
            f"/2018-06-01/runtime/invocation/{request_id}/response",
            body=event,
            headers={"Content-Type": "application/json"},
        )
        connection.getresponse().read()


if __name__ == "__main__":
    main()
