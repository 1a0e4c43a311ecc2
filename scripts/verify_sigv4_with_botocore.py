#!/usr/bin/env python3
"""Recomputes a received request's SigV4 signature with botocore's SigV4Auth.

The Swift tests capture a request our signer signed (as it arrived at a
loopback server) and hand it here as JSON:

    {"method": "POST", "url": "http://127.0.0.1:PORT/model/...%3A0/converse",
     "headers": [["Content-Type", "application/json"], ...],
     "body_base64": "...", "service": "bedrock", "region": "us-west-2",
     "access_key_id": "...", "secret_access_key": "...", "session_token": null}

botocore signs the same method, URL and body, with the headers the request
declared in SignedHeaders (botocore adds X-Amz-Date and the token itself and
takes Host from the URL), at the time in X-Amz-Date. Prints a JSON verdict;
exits 0 when botocore's Authorization equals the received one, 1 when not,
2 on bad input.

    python3 scripts/verify_sigv4_with_botocore.py request.json   (or - for stdin)
"""
import base64
import datetime
import json
import sys

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SUPPLIED_BY_BOTOCORE = {"authorization", "x-amz-date", "x-amz-security-token", "host"}


class RecordingSigV4Auth(SigV4Auth):
    """Keeps the canonical request add_auth builds, for the verdict."""

    def canonical_request(self, request):
        self.recorded_canonical = super().canonical_request(request)
        return self.recorded_canonical


def header(headers, name):
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def signed_header_names(authorization):
    for part in authorization.split(" ", 1)[1].split(","):
        key, _, value = part.strip().partition("=")
        if key == "SignedHeaders":
            return value.split(";")
    raise ValueError("no SignedHeaders in Authorization")


def verify(spec):
    headers = spec["headers"]
    received = header(headers, "authorization")
    amz_date = header(headers, "x-amz-date")
    if not received or not amz_date:
        raise ValueError("the request has no Authorization or X-Amz-Date header")
    when = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    signed = signed_header_names(received)
    to_sign = {}
    for name in signed:
        if name in SUPPLIED_BY_BOTOCORE:
            continue
        values = [value for key, value in headers if key.lower() == name]
        if not values:
            raise ValueError(f"signed header {name} is not in the request")
        to_sign[name] = ",".join(values)

    botocore.auth.get_current_datetime = lambda: when
    credentials = Credentials(spec["access_key_id"], spec["secret_access_key"], spec.get("session_token"))
    auth = RecordingSigV4Auth(credentials, spec["service"], spec["region"])
    request = AWSRequest(method=spec["method"], url=spec["url"], data=base64.b64decode(spec["body_base64"]),
                         headers=to_sign)
    auth.add_auth(request)
    expected = request.headers["Authorization"]
    return {
        "match": expected == received,
        "botocore": botocore.__version__,
        "botocore_authorization": expected,
        "received_authorization": received,
        "canonical_request": auth.recorded_canonical,
    }


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source = sys.stdin if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8")
    try:
        verdict = verify(json.load(source))
    except (KeyError, ValueError) as error:
        print(json.dumps({"match": False, "error": str(error)}))
        return 2
    print(json.dumps(verdict, indent=2))
    return 0 if verdict["match"] else 1


if __name__ == "__main__":
    sys.exit(main())
