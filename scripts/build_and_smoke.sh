#!/usr/bin/env bash
# Build the workshop edition with build_exe.spec and smoke-test the result.
#
#   scripts/build_and_smoke.sh            (Linux; macOS alike; Windows: see README)
#
# Makes build/venv with the CPU-only TensorFlow wheel and tfdesk's other
# dependencies, builds dist/tfdesk/, runs `tfdesk --self-test` in it, and prints
# the build time, the folder's and its .tar.gz's sizes, the time to the self-test's
# OK and, where Xvfb and xdotool are installed, the time until the window is up.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-build/venv}
PY=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
# tfdesk's own dependencies from pyproject.toml. On Linux, tensorflow becomes the
# CPU-only tensorflow-cpu; the macOS and Windows tensorflow wheels are CPU-only already.
DEPS=$("$VENV/bin/python" - <<'PYEOF'
import re, sys, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
if sys.platform == "linux":
    deps = [re.sub(r"^tensorflow(?=[<>=!~ ]|$)", "tensorflow-cpu", d) for d in deps]
print(" ".join(deps))
PYEOF
)
# shellcheck disable=SC2086
"$VENV/bin/pip" install -q $DEPS "pyinstaller>=6.10" "pyinstaller-hooks-contrib>=2024.8"

start=$(date +%s.%N)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN build_exe.spec
built=$(date +%s.%N)

APP=dist/tfdesk/tfdesk
start_test=$(date +%s.%N)
"$APP" --self-test
tested=$(date +%s.%N)

tar -C dist -czf dist/tfdesk.tar.gz tfdesk
folder_mb=$(du -sm dist/tfdesk | cut -f1)
tar_mb=$(du -sm dist/tfdesk.tar.gz | cut -f1)

window="(needs xvfb-run and xdotool)"
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
    window=$(xvfb-run -a bash -c '
        t0=$(date +%s.%N)
        "$0" & pid=$!
        for _ in $(seq 600); do
            if xdotool search --onlyvisible --name "tfdesk" >/dev/null 2>&1; then break; fi
            sleep 0.02
        done
        t1=$(date +%s.%N)
        kill $pid; wait $pid 2>/dev/null
        echo "$t1 - $t0" | bc' "$APP")
    window=$(printf "%.2f s" "$window")
fi

printf 'build: %.0f s\nfolder: %s MB\ntar.gz: %s MB\nself-test: %.1f s\nwindow up: %s\n' \
    "$(echo "$built - $start" | bc)" "$folder_mb" "$tar_mb" "$(echo "$tested - $start_test" | bc)" "$window"
