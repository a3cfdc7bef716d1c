#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline <script type="module"> loader into a file of its
own (content-hashed, like the other assets), so the page runs under a strict Content-Security-
Policy with no 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval')."""
import hashlib
import os
import pathlib
import re
import sys

stage = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1])
index = stage / "index.html"
html = index.read_text(encoding="utf-8")
inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
found = inline.findall(html)
if len(found) != 1:
    sys.exit(f"csp-loader: expected one inline module script in {index}, found {len(found)}")
code = found[0].strip() + "\n"
name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(stage / name).write_text(code, encoding="utf-8")
html = inline.sub(f'<script type="module" src="./{name}"></script>', html, count=1)
index.write_text(html, encoding="utf-8")
print(f"csp-loader: loader moved to {name}")
