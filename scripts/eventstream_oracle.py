#!/usr/bin/env python3
"""Event-stream frames and what botocore's decoder makes of them.

Prints a JSON list of cases: the bytes (base64), the messages botocore's
`EventStreamBuffer` decoded, in order, the exception that stopped it (class
name, or null) and whether bytes were left over. The Swift decoder must agree
on every case, whatever the split points (Tests/LanguageModelsTests/Streaming).
Frames are written here by hand from the format; botocore is the judge.
"""
import base64
import binascii
import json
import random
import struct
import sys

from botocore.eventstream import EventStreamBuffer


def crc(data):
    return binascii.crc32(data) & 0xFFFFFFFF


def header(name, kind, value):
    raw = name.encode() if isinstance(name, str) else name
    out = struct.pack(">B", len(raw)) + raw + struct.pack(">B", kind)
    if kind in (0, 1):
        return out
    if kind == 2:
        return out + struct.pack(">b", value)
    if kind == 3:
        return out + struct.pack(">h", value)
    if kind == 4:
        return out + struct.pack(">i", value)
    if kind in (5, 8):
        return out + struct.pack(">q", value)
    if kind in (6, 7):
        data = value.encode() if isinstance(value, str) else value
        return out + struct.pack(">H", len(data)) + data
    if kind == 9:
        return out + value
    return out + value  # unknown types: raw bytes after the type


def frame(headers, payload, total_delta=0, headers_length=None, prelude_crc_delta=0, message_crc_delta=0):
    length = len(headers) if headers_length is None else headers_length
    total = 16 + len(headers) + len(payload) + total_delta
    prelude = struct.pack(">II", total, length)
    prelude += struct.pack(">I", (crc(prelude) + prelude_crc_delta) & 0xFFFFFFFF)
    body = prelude + headers + payload
    return body + struct.pack(">I", (crc(body) + message_crc_delta) & 0xFFFFFFFF)


def random_headers(rng):
    out = b""
    for index in range(rng.randint(0, 6)):
        kind = rng.randint(0, 9)
        name = rng.choice([":event-type", ":message-type", ":content-type", ":exception-type", "x-é-ü"]) + str(index)
        value = {
            0: None, 1: None,
            2: rng.randint(-128, 127),
            3: rng.randint(-32768, 32767),
            4: rng.randint(-2**31, 2**31 - 1),
            5: rng.randint(-2**63, 2**63 - 1),
            6: bytes(rng.randrange(256) for _ in range(rng.randint(0, 20))),
            7: rng.choice(["contentBlockDelta", "event", "application/json", "héllo ✓ 😀", ""]),
            8: rng.randint(0, 2**41),
            9: bytes(rng.randrange(256) for _ in range(16)),
        }[kind]
        out += header(name, kind, value)
    return out


def cases():
    rng = random.Random(15)
    for index in range(12):
        payload = json.dumps({"delta": {"text": "word %d é😀" % index}}).encode()
        yield "valid-%d" % index, frame(random_headers(rng), payload)
    stream = b"".join(frame(random_headers(rng), b'{"n":%d}' % n) for n in range(4))
    yield "four-messages", stream
    yield "empty-message", frame(b"", b"")
    converse = header(":event-type", 7, "contentBlockDelta") + header(":content-type", 7, "application/json") + header(":message-type", 7, "event")
    good = frame(converse, b'{"contentBlockIndex":0,"delta":{"text":"Hi"}}')
    yield "converse-delta", good
    exception = header(":exception-type", 7, "throttlingException") + header(":message-type", 7, "exception")
    yield "modelled-exception", frame(exception, b'{"message":"slow down"}')
    yield "prelude-crc-wrong", frame(converse, b"{}", prelude_crc_delta=1)
    yield "message-crc-wrong", frame(converse, b"{}", message_crc_delta=1)
    flipped = bytearray(good)
    flipped[len(good) - 10] ^= 0x01
    yield "payload-bit-flipped", bytes(flipped)
    yield "good-then-bad-crc", good + frame(converse, b"{}", message_crc_delta=7)
    yield "truncated-in-prelude", good[:7]
    yield "truncated-in-payload", good[:-5]
    yield "good-then-truncated", good + good[:20]
    yield "headers-too-long", frame(b"", b"", headers_length=128 * 1024 + 1)
    yield "payload-too-long", frame(b"", b"", total_delta=24 * 1024 * 1024 + 1)[:12]
    yield "unknown-header-type", frame(header("x", 10, b""), b"{}")
    yield "duplicate-header", frame(header("a", 7, "1") + header("a", 7, "2"), b"{}")
    yield "header-name-not-utf8", frame(header(b"\xff\xfe", 0, None), b"{}")
    yield "header-value-truncated", frame(header("x", 4, 5)[:-2], b"")


def decoded(value):
    if isinstance(value, bool):
        return {"kind": "bool", "value": value}
    if isinstance(value, int):
        return {"kind": "int", "value": str(value)}
    if isinstance(value, (bytes, bytearray)):
        return {"kind": "bytes", "value": base64.b64encode(bytes(value)).decode()}
    return {"kind": "string", "value": value}


def judge(data):
    buffer = EventStreamBuffer()
    buffer.add_data(data)
    messages, error = [], None
    try:
        for message in buffer:
            messages.append({
                "headers": [[name, decoded(value)] for name, value in message.headers.items()],
                "payload": base64.b64encode(message.payload).decode(),
            })
    except Exception as exception:  # the class name is the verdict
        error = type(exception).__name__
    return messages, error, len(buffer._data) > 0


out = []
for name, data in cases():
    messages, error, leftover = judge(data)
    out.append({"name": name, "bytes": base64.b64encode(data).decode(), "messages": messages, "error": error, "leftover": leftover})
json.dump(out, sys.stdout)
