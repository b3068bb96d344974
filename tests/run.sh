#!/usr/bin/env bash
# The single test command of the project: `bash tests/run.sh` from anywhere.
#
# 1. installs the tools the tests need when they are missing (docker-compose for
#    the compose-file test, Node/npm for the local mail sink and the web assets,
#    PostgreSQL, Chromium and a Chinese font for the browser tests),
# 2. installs MailDev from tests/maildev/package-lock.json and starts it on free
#    loopback ports, exporting MAILDEV_SMTP_HOST, MAILDEV_SMTP_PORT and
#    MAILDEV_API_URL for the integration tests,
# 3. creates a throwaway PostgreSQL cluster in a temporary folder on a free
#    loopback port and exports MININGRIGHTS_TEST_POSTGRES (a connection string
#    without a database: each test service makes its own),
# 4. runs `dotnet test MiningRights.sln -c Release` (every test, the integration
#    tests on SQLite), then the integration tests again on PostgreSQL, and ends
#    with one line "N passed, M failed" (", K skipped" when tests were skipped).
#
# The cluster and MailDev are stopped on exit, also when tests fail.
# Exit status is non-zero when the build or any test fails, or when no test ran.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
maildev_dir="$repo_root/tests/maildev"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The summary lines parsed below are localised otherwise.
export DOTNET_CLI_UI_LANGUAGE=en
export NPM_CONFIG_UPDATE_NOTIFIER=false

log() { printf '==> %s\n' "$*"; }
die() { printf 'tests/run.sh: %s\n' "$*" >&2; exit 1; }

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/miningrights-tests.XXXXXX")"
maildev_pid=""
test_pid=""
pg_dir=""
pg_ctl=""

cleanup() {
    # dotnet test runs in its own process group (see below): stop all of it
    # (MSBuild, vstest.console, test hosts) when the script is interrupted.
    if [[ -n "$test_pid" ]] && kill -0 "$test_pid" 2>/dev/null; then
        kill -TERM -- "-$test_pid" 2>/dev/null || true
        wait "$test_pid" 2>/dev/null || true
    fi
    if [[ -n "$maildev_pid" ]] && kill -0 "$maildev_pid" 2>/dev/null; then
        kill "$maildev_pid" 2>/dev/null || true
        wait "$maildev_pid" 2>/dev/null || true
    fi
    if [[ -n "$pg_dir" && -f "$pg_dir/data/postmaster.pid" ]]; then
        as_pg "$pg_ctl" stop -D "$pg_dir/data" -m immediate -w >/dev/null 2>&1 || true
    fi
    [[ -n "$pg_dir" ]] && rm -rf "$pg_dir"
    rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. system tools ----------------------------------------------------------

apt_updated=0
apt_install() {
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: $*"
        sudo=(sudo)
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install manually: $*"
    if [[ $apt_updated -eq 0 ]]; then
        "${sudo[@]}" apt-get update -qq >"$work_dir/apt.log" 2>&1 || { cat "$work_dir/apt.log" >&2; die "apt-get update failed"; }
        apt_updated=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >"$work_dir/apt.log" 2>&1 \
        || { cat "$work_dir/apt.log" >&2; die "apt-get install $* failed"; }
}

if ! command -v docker-compose >/dev/null 2>&1; then
    log "installing docker-compose (Debian package)"
    apt_install docker-compose
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "installing nodejs and npm (Debian packages)"
    apt_install nodejs npm
fi

# The browser tests drive Debian's Chromium (never Playwright's own download); a CJK font makes the screenshots legible.
if [[ ! -x /usr/bin/chromium ]]; then
    log "installing chromium (Debian package) for the browser tests"
    apt_install chromium
fi
if ! fc-list 2>/dev/null | grep -qi -e "wenquanyi" -e "noto sans cjk"; then
    log "installing a Chinese font (Debian package) for the browser screenshots"
    apt_install fonts-wqy-microhei
fi

# Debian installs the server binaries under /usr/lib/postgresql/<major>/bin, not on PATH.
find_pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}
if ! pg_bin="$(find_pg_bin)"; then
    log "installing postgresql (Debian package)"
    apt_install postgresql
    pg_bin="$(find_pg_bin)" || die "postgresql installed, but no initdb under /usr/lib/postgresql/*/bin"
fi
pg_ctl="$pg_bin/pg_ctl"

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is required; see https://dot.net"

# --- 2. MailDev ---------------------------------------------------------------

# npm ci takes several seconds even with a warm cache, so it is skipped when
# node_modules was installed from this exact lockfile by this Node version.
stamp_file="$maildev_dir/node_modules/.miningrights-install-stamp"
wanted_stamp="$(node --version) $(sha256sum "$maildev_dir/package-lock.json" | cut -d' ' -f1)"
if [[ -x "$maildev_dir/node_modules/.bin/maildev" && -f "$stamp_file" && "$(cat "$stamp_file")" == "$wanted_stamp" ]]; then
    log "maildev already installed from package-lock.json"
else
    log "npm ci (tests/maildev)"
    (cd "$maildev_dir" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$wanted_stamp" >"$stamp_file"
fi

# Exit 0 when 127.0.0.1:$1 can be bound.
port_is_free() {
    node -e '
        const s = require("net").createServer();
        s.once("error", () => process.exit(1));
        s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
    ' "$1"
}

# Print a port the kernel considers free on 127.0.0.1.
any_free_port() {
    node -e '
        const s = require("net").createServer();
        s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
    '
}

pick_port() { # preferred port, port to avoid
    local port="$1"
    if [[ "$port" == "$2" ]] || ! port_is_free "$port"; then
        port="$(any_free_port)"
        while [[ "$port" == "$2" ]]; do port="$(any_free_port)"; done
    fi
    printf '%s\n' "$port"
}

# Exit 0 when the REST API answers 200 and the SMTP port accepts connections.
maildev_ready() { # web port, smtp port
    node -e '
        const [web, smtp] = process.argv.slice(1).map(Number);
        const fail = () => process.exit(1);
        setTimeout(fail, 2000);
        require("http").get({ host: "127.0.0.1", port: web, path: "/email" }, res => {
            res.resume();
            if (res.statusCode !== 200) { fail(); }
            const c = require("net").connect(smtp, "127.0.0.1", () => { c.destroy(); process.exit(0); });
            c.on("error", fail);
        }).on("error", fail);
    ' "$1" "$2"
}

start_maildev() { # smtp port, web port; returns 0 once ready
    local smtp_port="$1" web_port="$2" deadline=$((SECONDS + 30))
    mkdir -p "$work_dir/mail"
    (
        # MailDev reads MAILDEV_* variables as defaults for its options (relay
        # host, mail directory, ...): start it from a clean slate.
        while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^MAILDEV_' || true)
        # Loopback only, no outgoing/relay options, and the .eml copies it
        # always writes go to a scratch directory removed on exit.
        exec "$maildev_dir/node_modules/.bin/maildev" \
            --ip 127.0.0.1 --web-ip 127.0.0.1 \
            --smtp "$smtp_port" --web "$web_port" \
            --mail-directory "$work_dir/mail"
    ) >"$work_dir/maildev.log" 2>&1 &
    maildev_pid=$!
    while ((SECONDS < deadline)); do
        if ! kill -0 "$maildev_pid" 2>/dev/null; then
            wait "$maildev_pid" 2>/dev/null || true
            maildev_pid=""
            return 1
        fi
        if maildev_ready "$web_port" "$smtp_port"; then
            return 0
        fi
        sleep 0.2
    done
    kill "$maildev_pid" 2>/dev/null || true
    wait "$maildev_pid" 2>/dev/null || true
    maildev_pid=""
    return 1
}

started=0
for attempt in 1 2 3; do
    smtp_port="$(pick_port 1025 "")"
    web_port="$(pick_port 1080 "$smtp_port")"
    log "starting maildev (SMTP 127.0.0.1:$smtp_port, API http://127.0.0.1:$web_port), attempt $attempt"
    if start_maildev "$smtp_port" "$web_port"; then
        started=1
        break
    fi
    sed 's/^/    maildev: /' "$work_dir/maildev.log" >&2 || true
done
((started)) || die "maildev did not start"

export MAILDEV_SMTP_HOST=127.0.0.1
export MAILDEV_SMTP_PORT="$smtp_port"
export MAILDEV_API_URL="http://127.0.0.1:$web_port"
# Each test service keeps its SQLite file and uploads under here; removed with the rest on exit.
export MININGRIGHTS_TEST_DATA="$work_dir/data"

# --- 3. PostgreSQL -------------------------------------------------------------

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres
# user that Debian's package creates.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/miningrights-pg.XXXXXX")"
[[ $EUID -eq 0 ]] && chown postgres: "$pg_dir"
log "creating a PostgreSQL cluster in $pg_dir ($("$pg_bin/postgres" --version))"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work_dir/initdb.log" 2>&1 \
    || { cat "$work_dir/initdb.log" >&2; die "initdb failed"; }
pg_started=0
for attempt in 1 2 3; do
    pg_port="$(pick_port 5432 "")"
    # A throwaway cluster: durability off (fsync, synchronous commit) for speed;
    # enough connections for two service nodes and parallel test classes.
    if as_pg "$pg_ctl" start -D "$pg_dir/data" -w -t 60 -l "$pg_dir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
        >"$work_dir/pg_ctl.log" 2>&1; then
        pg_started=1
        break
    fi
    cat "$pg_dir/server.log" >&2 2>/dev/null || true
done
((pg_started)) || die "PostgreSQL did not start"
log "PostgreSQL on 127.0.0.1:$pg_port"
export MININGRIGHTS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=20"

# --- 4. dotnet test -----------------------------------------------------------

test_log="$work_dir/dotnet-test.log"
: >"$test_log"
test_status=0

# Runs dotnet test in the background in a session of its own so that INT/TERM
# reach the traps above at once (bash defers traps while a foreground job runs);
# its output is appended to one log for the summary and echoed by tail meanwhile.
run_dotnet_test() { # environment assignments..., then -- and dotnet test arguments
    local env=()
    while [[ "$1" != "--" ]]; do env+=("$1"); shift; done
    shift
    local part_log="$work_dir/dotnet-test.part.log"
    (cd "$repo_root" && exec env "${env[@]}" setsid -w dotnet test "$@" -c Release --nologo -tl:off) \
        </dev/null >"$part_log" 2>&1 &
    test_pid=$!
    tail -n +1 -s 0.2 -f --pid="$test_pid" "$part_log" &
    local tail_pid=$!
    local status=0
    wait "$test_pid" || status=$?
    test_pid=""
    wait "$tail_pid" || true
    cat "$part_log" >>"$test_log"
    return "$status"
}

log "dotnet test MiningRights.sln -c Release (integration tests on SQLite)"
run_dotnet_test MININGRIGHTS_TEST_PROVIDER=Sqlite -- MiningRights.sln || test_status=$?

if ((test_status == 0)) || grep -q "MiningRights.IntegrationTests.dll" "$test_log"; then
    # Tests that name their database themselves ([Trait("Database", "Explicit")], e.g.
    # each provider's migrations) ran in the first pass already.
    log "dotnet test tests/MiningRights.IntegrationTests -c Release (on PostgreSQL)"
    pg_status=0
    run_dotnet_test MININGRIGHTS_TEST_PROVIDER=Postgres -- tests/MiningRights.IntegrationTests --no-build --filter "Database!=Explicit" || pg_status=$?
    ((test_status != 0)) || test_status=$pg_status
fi

# Sum VSTest's per-assembly summary lines, e.g.
#   Passed!  - Failed:     0, Passed:    12, Skipped:     1, Total:    13, Duration: 2 s - X.dll (net10.0)
read -r passed failed skipped assemblies < <(
    sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$test_log" | awk '
        match($0, /[A-Za-z]+! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+, +Total: +[0-9]+/) {
            line = substr($0, RSTART, RLENGTH)
            gsub(/[^0-9]+/, " ", line)
            split(line, n, " ")
            f += n[1]; p += n[2]; s += n[3]; a += 1
        }
        END { printf "%d %d %d %d\n", p, f, s, a }
    '
)

summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi
echo
echo "$summary"

if ((test_status != 0)); then
    echo "tests/run.sh: dotnet test exited with status $test_status" >&2
    exit "$test_status"
fi
if ((failed > 0)); then
    exit 1
fi
if ((passed + failed == 0)); then
    echo "tests/run.sh: no tests ran ($assemblies test assemblies reported)" >&2
    exit 1
fi
