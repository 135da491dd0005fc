#!/usr/bin/env bash
. "$(dirname "$0")/lib.sh"
ensure_node_modules
build_server
build_portal
