#!/bin/sh
# needs: npm i -g docsify-cli
cd "$(dirname "$0")" && docsify serve . --port 3030 --open
