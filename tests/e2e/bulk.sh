#!/bin/sh
# bulk.sh — bulk writes seen from the client at 80x24.  With
# PLANDESK_BULK_BYTES=1 every import is one (store/bulk.c: the database
# copied, the import committed there, the copy renamed over the file): the
# client's own `:import`, after which it goes on with the new file, and
# one by `plandesk import` in another process, which shows up by itself
# and after which what the client writes lands in the new file, not in
# the old one the rename left behind.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/bulk.db"
export PLANDESK_BULK_BYTES=1 PLANDESK_CHECKPOINT=2
cat >"$T_TMP/orgs.csv" <<'CSV'
name,services,phone
Homestart,Home visiting,01632 960110
Youth Service,Youth clubs,01632 960150
CSV
cat >"$T_TMP/people.csv" <<'CSV'
name,role,organisation,email
Karen Proctor,Cluster Support Officer,Homestart,karen.proctor@example.org
Joe Bloggs,Youth Worker,Youth Service,joe.bloggs@example.org
Siân Jones,Family Worker,Homestart,
CSV
cat >"$T_TMP/late.csv" <<'CSV'
name,services,phone
Late Night Project,Detached youth work,01632 960777
CSV
inode() { stat -c %i "$db"; }

start 80 24 "$PLANDESK --db $db"
expect "an empty database opens on the welcome screen" "Welcome to plandesk"
keys :
keys -l "import orgs $T_TMP/orgs.csv"
keys Enter
expect ":import as a bulk write reports what it did" "Imported orgs.csv: 2 rows"
keys 4
expect "the client reads the file its import put in place" "Youth Service"
before=$(inode)
"$PLANDESK" --db "$db" import people "$T_TMP/people.csv" >/dev/null 2>&1 ||
	fail "the bulk import in another process"
[ "$(inode)" != "$before" ] && ok "that import put a new file in place" ||
	fail "that import put a new file in place"
expect "and what it added shows up by itself" "Karen Proctor"
expect "all of it" "Siân Jones"
keys :
keys -l "import orgs $T_TMP/late.csv"
keys Enter
expect "the client imports again after the other's" "Imported late.csv: 1 row"
if "$PLANDESK" --db "$db" lookup "late night" | grep -q "Late Night Project"; then
	ok "the client's import is in the file the path names"
else
	fail "the client's import is in the file the path names"
fi
if "$PLANDESK" --db "$db" lookup karen | grep -q "Karen Proctor"; then
	ok "and the other process's import is still there"
else
	fail "and the other process's import is still there"
fi
problems=$("$PLANDESK" --db "$db" check 2>&1) && ok "check is clean" ||
	{ fail "check is clean"; echo "$problems" | sed 's/^/#   /'; }
n=$(ls -A "$T_TMP" | grep -c '^\.bulk.db.bulk$')
[ "$n" -eq 0 ] && ok "no copy is left beside the file" || fail "no copy is left beside the file"
keys : q Enter
expect_exit ":q quits" 0
finish
