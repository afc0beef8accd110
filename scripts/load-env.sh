# Sourced by the load and crash scripts: a throw-away PostgreSQL cluster and chantierd on a Unix
# socket in $work, with a registry (a sector, 20 sites, Multiboulot) and $participants enrolled
# adults (ids 1…N) for scripts/load_client.py to log hours for. Needs $work, $participants and
# $mode (debug or release) set, and scripts/lib.sh sourced; $chantierd, if set, is the binary to
# migrate with and start (by default .build/$mode/chantierd).

bin=$(pg_bindir)
chantierd="${chantierd:-.build/$mode/chantierd}"
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work"
conninfo="host=$work user=postgres dbname=chantier"

start_cluster() {
    as_cluster_owner "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses='' \
        -c unix_socket_directories=$work -c shared_buffers=1GB -c max_connections=100 $*" start >/dev/null
}

stop_cluster() {
    as_cluster_owner "$bin/pg_ctl" -D "$work/pg" stop -m "${1:-fast}" >/dev/null 2>&1 || true
}

make_cluster() {
    as_cluster_owner "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    start_cluster "$@"
    psql "host=$work user=postgres dbname=postgres" -Xqc "CREATE DATABASE chantier"
    "$chantierd" migrate --database "$conninfo" >/dev/null
    cat >"$work/chantierd.yaml" <<YAML
database:
  url: "$conninfo"
api:
  socket: $work/chantierd.sock
  socket_group: ""
log:
  level: warning
YAML
}

# Starts chantierd (or, with arguments, that command line) in the background; sets $daemon.
start_daemon() {
    if [ $# -eq 0 ]; then set -- "$chantierd" serve --config "$work/chantierd.yaml"; fi
    "$@" >>"$work/chantierd.log" 2>&1 &
    daemon=$!
    wait_for_daemon
}

# Waits until the daemon answers on its socket ($1, by default $work/chantierd.sock).
wait_for_daemon() {
    for _ in $(seq 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --unix-socket "${1:-$work/chantierd.sock}" http://chantier/v1/sectors)" = 200 ] && return 0
        sleep 0.1
    done
    die "chantierd did not answer on ${1:-$work/chantierd.sock}; its log is in $work"
}

ctl() { CHANTIER_SOCKET="$work/chantierd.sock" ".build/$mode/chantierctl" "$@" >/dev/null; }

seed() {
    ctl sector add nord --name Nord
    ctl client add ville --name Ville --kind city
    for site in $(seq 20); do ctl site add "site-$site" --name "Site $site" --sector nord --client ville; done
    ctl program add --file Config/programs/multiboulot.yaml
    psql "$conninfo" -Xq >/dev/null <<SQL
BEGIN;
SELECT set_config('chantier.actor_name', 'load seed', true);
INSERT INTO participants (given_name, family_name, birth_date, sex, sector_id)
SELECT 'P' || n, 'Load', DATE '1985-01-01' + n % 5000, CASE n % 2 WHEN 0 THEN 'female' ELSE 'male' END,
       (SELECT id FROM sectors WHERE code = 'nord')
FROM generate_series(1, $participants) AS n;
INSERT INTO enrollments (participant_id, program_id, starts_on)
SELECT id, (SELECT id FROM programs WHERE code = 'multiboulot'), DATE '2026-01-05' FROM participants;
COMMIT;
SQL
}

# Holds the leader's advisory lock from a session of its own until the script ends, so that the
# daemons started on this cluster are followers; sets $leader (kill it in the cleanup).
hold_leader_lock() {
    psql "$conninfo" -Xqc "SELECT pg_advisory_lock($((0x63686C6561646572))); SELECT pg_sleep(86400)" >/dev/null 2>&1 &
    leader=$!
    until psql "$conninfo" -XAtc "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted" | grep -qx 1; do
        sleep 0.1
    done
}

# Prints an expression of the JSON object on standard input, `d` being the object: field 'd["next_slot"]'.
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
