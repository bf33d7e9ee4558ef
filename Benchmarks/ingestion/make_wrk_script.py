#!/usr/bin/env python3
"""A wrk Lua script that POSTs realistic Dutch signals (from a labelled set) in rotation.

usage: make_wrk_script.py LABELLED.jsonl OUT.lua
"""
import json
import sys

bodies = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        row = json.loads(line)
        bodies.append(json.dumps({
            "description": row["text"], "postcode": row["postcode"], "target_group": row["target_group"][:200],
            "policy_level": row["policy_level"], "observed_on": row["observed_on"],
        }, ensure_ascii=False))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {\n')
    for body in bodies:
        out.write("  " + json.dumps(body, ensure_ascii=False).replace("\\u", "\\\\u") + ",\n")
    out.write("}\nlocal counter = 0\nrequest = function()\n  counter = counter + 1\n"
              "  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])\nend\n")
