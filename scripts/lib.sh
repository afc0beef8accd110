# Shell helpers shared by scripts/run and scripts/test. Source this file; do not run it.

# Debian packages Chantier builds, runs and tests with.
CHANTIER_PACKAGES=(libpq-dev libsystemd-dev postgresql postgresql-contrib pkg-config curl systemd)
# What the tests need beyond them: a headless browser to open the annual report in.
CHANTIER_TEST_PACKAGES=(chromium)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs whichever of CHANTIER_PACKAGES and the packages given is missing (one apt-get update
# first), as root or via sudo.
ensure_system_packages() {
    local missing=() package
    for package in "${CHANTIER_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "missing Debian packages: ${missing[*]}; install them as root"
        sudo=(sudo)
    fi
    say "installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The directory of initdb, pg_ctl and postgres.
pg_bindir() {
    local dir
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "PostgreSQL's server programs are not installed (package postgresql)"
    echo "$dir"
}

# Runs a PostgreSQL server program as the cluster's owner: initdb and pg_ctl refuse root, so as
# root the cluster belongs to the postgres user.
as_cluster_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Starts the project-local cluster in .local/pg (created on first use, reused afterwards),
# listening only on a Unix socket in that directory. Sets LOCAL_PG.
start_local_postgres() {
    local bin
    bin=$(pg_bindir)
    LOCAL_PG="$PWD/.local/pg"
    mkdir -p "$PWD/.local"
    if [ ! -e "$LOCAL_PG" ]; then
        if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$PWD/.local"; then
            # The postgres user cannot reach this checkout: keep the cluster where it can, linked from here.
            local elsewhere
            elsewhere="/var/tmp/chantier-pg-$(printf '%s' "$PWD" | sha1sum | cut -c1-12)"
            mkdir -p "$elsewhere"
            ln -s "$elsewhere" "$LOCAL_PG"
        else
            mkdir -p "$LOCAL_PG"
        fi
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$(readlink -f "$LOCAL_PG")"
    fi
    if [ ! -f "$LOCAL_PG/data/PG_VERSION" ]; then
        say "creating a PostgreSQL cluster in .local/pg"
        as_cluster_owner "$bin/initdb" -D "$LOCAL_PG/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    fi
    if ! as_cluster_owner "$bin/pg_ctl" -D "$LOCAL_PG/data" status >/dev/null 2>&1; then
        say "starting PostgreSQL (socket in .local/pg, log in .local/pg/server.log)"
        as_cluster_owner "$bin/pg_ctl" -D "$LOCAL_PG/data" -l "$LOCAL_PG/server.log" -w \
            -o "-c listen_addresses='' -c unix_socket_directories='$LOCAL_PG'" start >/dev/null
    fi
}
