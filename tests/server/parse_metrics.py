#!/usr/bin/python3
"""Parses a Prometheus text exposition from stdin with the official Python
client's parser and prints every family as JSON:
{"family": {"type": ..., "samples": [[sample name, {labels}, value], ...]}}.
Exits 1 with the parser's message when the text does not parse."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    families = {}
    for family in text_string_to_metric_families(sys.stdin.read()):
        if family.name in families:
            raise ValueError("family %s appears twice" % family.name)
        families[family.name] = {
            "type": family.type,
            "samples": [[s.name, s.labels, s.value] for s in family.samples],
        }
except Exception as error:  # the parser raises ValueError and others
    print("unparseable exposition: %s" % error, file=sys.stderr)
    sys.exit(1)
json.dump(families, sys.stdout)
