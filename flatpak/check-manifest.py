#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest, which cannot be built here without the GNOME
# runtime: it parses, names the application and its command, builds this
# source tree with meson, and grants no network and no blanket file access
# (files come through the portals).
#
#   check-manifest.py MANIFEST APP-ID

import json
import sys


def fail(message):
    print(f"{sys.argv[1]}: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    if manifest.get("id") != app_id:
        fail(f"id is {manifest.get('id')!r}, expected {app_id!r}")
    if manifest.get("command") != "ssr-workbench":
        fail("command must be ssr-workbench")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if not str(manifest.get("runtime-version", "")).isdigit():
        fail("runtime-version must be a GNOME release number")

    for arg in manifest.get("finish-args", []):
        if arg.startswith("--share=network"):
            fail("the application must not ask for network access")
        if arg.startswith("--filesystem="):
            fail(f"{arg}: files are opened through the portals, not granted")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict):
        fail("the last module must be the application itself")
    ours = modules[-1]
    if ours.get("buildsystem") != "meson":
        fail("the application module must build with meson")
    if {"type": "dir", "path": ".."} not in ours.get("sources", []):
        fail("the application module must build this source tree")


if __name__ == "__main__":
    main()
