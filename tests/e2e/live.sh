#!/bin/sh
# live.sh — `:import` inside the client, and a CLI import in another
# process showing up on screen by itself, keeping the selection.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/live.db"
cat >"$T_TMP/orgs.csv" <<'CSV'
name,services,phone
Homestart,Home visiting,01632 960110
Youth Service,Youth clubs,01632 960150
CSV
cat >"$T_TMP/more.csv" <<'CSV'
name,services,phone
Alpha Project,Mentoring,01632 960999
CSV
cat >"$T_TMP/people.csv" <<'CSV'
name,role,organisation
Karen Proctor,Cluster Support Officer,Homestart
CSV
start 100 30 "$PLANDESK --db $db"
expect "an empty database opens on the welcome screen" "Welcome to plandesk"
keys :
keys -l "import orgs $T_TMP/orgs.csv"
keys Enter
expect ":import reports what it did" "Imported orgs.csv: 2 rows"
expect "and the data shows" "Plan / theme / item"
keys 4
expect "the organisations are in the directory" "Youth Service"
keys j
"$PLANDESK" --db "$db" import people "$T_TMP/people.csv" >/dev/null 2>&1
expect "a CLI import in another process shows up by itself" "Karen Proctor"
"$PLANDESK" --db "$db" import orgs "$T_TMP/more.csv" >/dev/null 2>&1
expect "and another" "Alpha Project"
keys Enter
expect "the selection stayed on Youth Service" "Youth clubs"
keys q :
keys -l "import orgs $T_TMP/nope.csv"
keys Enter
expect "a failed import says so" "Nothing imported"
keys :
keys -l "export orgs $T_TMP/out.csv"
keys Enter
expect ":export reports" "Exported 3 orgs"
if grep -q "Alpha Project" "$T_TMP/out.csv"; then ok "the export has the rows"; else fail "the export has the rows"; fi
keys :
keys -l "backup $T_TMP/b.db"
keys Enter
expect ":backup reports" "Backup written"
expect_mode "the backup is 0600" 600 "$T_TMP/b.db"
keys : q Enter
expect_exit ":q quits" 0
finish
