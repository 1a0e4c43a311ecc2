"""moto's server (``moto.server.main``, same arguments as ``moto_server``)
with the JSONPath parsers memoized (fast_jsonpath.py), StartSyncExecution and
scripted Lambda function errors (moto_extensions.py)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fast_jsonpath  # noqa: E402

fast_jsonpath.install()

import moto_extensions  # noqa: E402

moto_extensions.install()

from moto.server import main  # noqa: E402

if __name__ == "__main__":
    main()
