"""Memoizes the JSONPath parsers moto's Step Functions interpreter uses.

moto builds a new jsonpath_ng parser, LALR tables included, for every path it
evaluates: about 30 ms each, some 80 per execution of our state machine. The
parse result depends on the path text alone, so caching it changes nothing
but the time (a run of the suite goes from about two minutes to well under one).
"""

from __future__ import annotations

import functools


def install() -> None:
    from moto.stepfunctions.parser.asl.component.common.path import result_path
    from moto.stepfunctions.parser.asl.utils import json_path

    for module in (json_path, result_path):
        if not hasattr(module.parse, "cache_info"):
            module.parse = functools.lru_cache(maxsize=None)(module.parse)
