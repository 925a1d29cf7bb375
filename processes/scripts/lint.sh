#!/usr/bin/env bash
# Lints every BPMN model (bpmnlint + camunda-compat for Camunda 8.8, the clusters, and for the local
# broker's 8.6: .bpmnlintrc-local-broker) and validates every element
# template. Run by the Maven build; needs Node.js and npm, and says so when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "Model lint skipped: npm not found (install Node.js 18+ and npm to lint the models)"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run --silent lint
