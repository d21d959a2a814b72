#!/bin/sh
# Installs barrier (@SOURCE@) and checks the records: formatting first, then every rule.
# .github/workflows/barrier.yml and .gitlab-ci.yml run this; it runs the same on any CI or by hand.
#   BARRIER_FORMAT   text (the default), github (annotations), json, gitlab or junit
#   BARRIER_BASE     a commit (the pull request's base): keep the audit trail since its merge base
#   BARRIER_REPORTS  a folder: also write gl-code-quality-report.json and junit.xml into it
#   PYTHON           the interpreter to install into (default: python3)
set -eu
# The records' day (barrier.yaml 'timezone'): a runner on UTC is a day behind at 01:00.
TZ="${TZ:-@TIMEZONE@}"
export TZ
"${PYTHON:-python3}" -m pip install --quiet --disable-pip-version-check @PIP_ARGS@
barrier fmt --check
set --
if [ -n "${BARRIER_BASE:-}" ] && git cat-file -e "${BARRIER_BASE}^{commit}" 2>/dev/null; then
  set -- --against "$(git merge-base "$BARRIER_BASE" HEAD)"
fi
if [ -n "${BARRIER_REPORTS:-}" ]; then
  mkdir -p "$BARRIER_REPORTS"
  # Findings exit 1 and fail the run below; anything else (a broken install) stops here.
  barrier check --format gitlab "$@" >"$BARRIER_REPORTS/gl-code-quality-report.json" || [ "$?" -eq 1 ]
  barrier check --format junit "$@" >"$BARRIER_REPORTS/junit.xml" || [ "$?" -eq 1 ]
fi
exec barrier check --format "${BARRIER_FORMAT:-text}" "$@"
