#!/usr/bin/env python3
"""Runs a command against a private moto server with signature checking on.

    python3 bench/dynamodb/with_moto.py [--boto3-iterations N] -- COMMAND [ARGS...]

Starts moto_server on a free loopback port with INITIAL_NO_AUTH_ACTION_COUNT,
creates an IAM user with a dynamodb:* policy and an access key (after that,
moto checks every signature and policy), optionally times boto3's get_item on
the same server, runs COMMAND with AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION and
the user's key in its environment, then stops moto. The same set-up as the
Swift tests' MotoServer.
"""
import ctypes
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import boto3

REGION = "us-east-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def die_with_parent():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_moto(port):
    env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="3")
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        if server.poll() is not None:
            sys.exit("moto_server exited during start-up")
        try:
            urllib.request.urlopen(url + "/moto-api/data.json", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.05)
    server.terminate()
    sys.exit("moto_server did not answer within 30 s")


def create_user(url):
    iam = boto3.client("iam", endpoint_url=url, region_name=REGION,
                       aws_access_key_id="AKIASETUP", aws_secret_access_key="setup")
    iam.create_user(UserName="bench")
    key = iam.create_access_key(UserName="bench")["AccessKey"]
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}
    iam.put_user_policy(UserName="bench", PolicyName="dynamodb", PolicyDocument=json.dumps(policy))
    return key["AccessKeyId"], key["SecretAccessKey"]


def boto3_getitem_median_us(url, key_id, secret, iterations):
    client = boto3.client("dynamodb", endpoint_url=url, region_name=REGION,
                          aws_access_key_id=key_id, aws_secret_access_key=secret)
    table = "bench-boto3"
    client.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                              {"AttributeName": "sk", "AttributeType": "S"}])
    key = {"pk": {"S": "TENANT#bench#CONV#c1"}, "sk": {"S": "META"}}
    client.put_item(TableName=table, Item=dict(key, status={"S": "active"}, version={"N": "7"}))
    samples = []
    for index in range(iterations + 10):
        start = time.perf_counter_ns()
        client.get_item(TableName=table, Key=key, ConsistentRead=True)
        if index >= 10:
            samples.append((time.perf_counter_ns() - start) / 1000)
    client.delete_table(TableName=table)
    return statistics.median(samples)


def main():
    arguments = sys.argv[1:]
    boto3_iterations = 0
    if arguments[:1] == ["--boto3-iterations"]:
        boto3_iterations = int(arguments[1])
        arguments = arguments[2:]
    if arguments[:1] == ["--"]:
        arguments = arguments[1:]
    if not arguments:
        sys.exit(__doc__)
    server, url = start_moto(free_port())
    try:
        key_id, secret = create_user(url)
        env = dict(os.environ, AWS_ENDPOINT_URL_DYNAMODB=url, AWS_REGION=REGION,
                   AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret)
        env.pop("AWS_SESSION_TOKEN", None)
        if boto3_iterations:
            env["BENCH_BOTO3_GETITEM_MEDIAN_US"] = f"{boto3_getitem_median_us(url, key_id, secret, boto3_iterations):.1f}"
        return subprocess.call(arguments, env=env)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
