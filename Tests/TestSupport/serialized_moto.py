"""moto's server, with DynamoDB requests applied the way DynamoDB applies them.

MotoServer.swift starts moto through this script. Tests write the same tables
from several threads and processes at once, and stock moto 5.2 is not safe for
that:

- TransactWriteItems deep-copies every table it touches before starting, and
  on cancellation puts those copies back: writes other clients committed in
  between are undone (acknowledged turns were lost), the copy races with them
  ("dictionary changed size during iteration", answered 500), and each
  transaction costs time in proportion to the whole table. (Seen: the
  concurrent-turn test lost a turn; the 1,000-turn load test lost 20.)
- ClientRequestToken is ignored, so a retry of a transaction whose answer was
  lost applies it twice; DynamoDB answers such a retry from the first attempt.

Here each DynamoDB request runs alone (DynamoDB applies each atomically), a
cancelled transaction restores only the items it touched, and a repeated
ClientRequestToken gets the first answer. For speed, a table Query looks only
at its partition (stock moto sorts the whole table for each Query); results
are the same. Nothing else about moto changes.

Run as: python3 serialized_moto.py -H 127.0.0.1 -p PORT
"""
import copy
import ctypes
import signal
import sys
import threading
import types

import moto.dynamodb.models as models
from moto.dynamodb.models.table import Table
from moto.dynamodb.responses import DynamoHandler
from moto.server import main

# Die with the test process that started us.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
ctypes.CDLL(None).prctl(1, signal.SIGTERM)

_lock = threading.RLock()
_call_action = DynamoHandler.call_action


def call_action(self):
    with _lock:
        return _call_action(self)


DynamoHandler.call_action = call_action

# The transaction's own table snapshots become no-ops; touched items are saved instead.
models.copy = types.SimpleNamespace(
    deepcopy=lambda value, memo=None: value if isinstance(value, Table) else copy.deepcopy(value, memo)
)
_transact = models.DynamoDBBackend.transact_write_items


def transact_write_items(self, transact_items):
    saved = []
    for entry in transact_items:
        operation = next(iter(entry.values()))
        table = self.get_table(operation["TableName"])
        source = operation.get("Item") or operation.get("Key") or {}
        key = {name: source[name] for name in (table.hash_key_attr, table.range_key_attr) if name and name in source}
        item = self.get_item(operation["TableName"], key)
        saved.append((table, key, copy.deepcopy(item.to_json()["Attributes"]) if item else None))
    try:
        _transact(self, transact_items)
    except Exception:
        for table, key, attributes in reversed(saved):
            if attributes is None:
                hash_value, range_value = self.get_keys_value(table, key)
                table.delete_item(hash_value, range_value)
            else:
                table.put_item(attributes, overwrite=True)
        raise


models.DynamoDBBackend.transact_write_items = transact_write_items

_partition = threading.local()
_all_items = Table.all_items
_query = Table.query


def all_items(self):
    key = getattr(_partition, "key", None)
    if key is None or not self.range_key_attr:
        return _all_items(self)
    return sorted(self.items.get(key, {}).values(), key=lambda item: (item.hash_key, item.range_key))


def query(self, hash_key, *args, **kwargs):
    index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
    _partition.key = hash_key if index_name is None else None
    try:
        return _query(self, hash_key, *args, **kwargs)
    finally:
        _partition.key = None


Table.all_items = all_items
Table.query = query

_answers_by_token = {}
_handle_transact = DynamoHandler.transact_write_items


def handle_transact(self):
    token = self.body.get("ClientRequestToken")
    if token in _answers_by_token:
        return _answers_by_token[token]
    answer = _handle_transact(self)
    if token:
        _answers_by_token[token] = answer
    return answer


DynamoHandler.transact_write_items = handle_transact

if __name__ == "__main__":
    main(sys.argv[1:])
