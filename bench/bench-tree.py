#!/usr/bin/env python3
"""Writes the benchmark tree: one root unit with N direct children, each with one secretary (password DanVan@2026)."""
import json, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
out = sys.argv[2] if len(sys.argv) > 2 else "/dev/stdout"
pw = "DanVan@2026"
people = [{"userName": "bench.root", "fullName": "Bí thư đơn vị gốc", "email": "bench.root@bench.vn", "password": pw}]
tenants = [{"code": "bench-root", "name": "Tỉnh ủy đo hiệu năng", "kind": "PartyCommittee", "level": "Tỉnh",
            "members": [{"user": "bench.root", "roles": ["Secretary"], "position": "Bí thư"}]}]
for i in range(1, n + 1):
    user = f"bench.sec{i:03}"
    people.append({"userName": user, "fullName": f"Bí thư xã {i:03}", "email": f"{user}@bench.vn", "password": pw})
    tenants.append({"code": f"bench-xa-{i:03}", "name": f"Đảng ủy xã đo hiệu năng {i:03}", "kind": "GrassrootsCommittee",
                    "level": "Xã", "parent": "bench-root",
                    "members": [{"user": user, "roles": ["Secretary"], "position": "Bí thư"}]})
with open(out, "w", encoding="utf-8") as f:
    json.dump({"people": people, "tenants": tenants}, f, ensure_ascii=False, indent=1)
