#!/bin/sh
# faults.sh — the program against what the machine can do to it: each
# fault must give a clear message and exit 2, never a crash, a hang or a
# damaged database, and must lose nothing that was saved before it.
#
#   a. the file-size limit (ulimit -f) reached during an import, an
#      export -o, a backup, and an :import in the client
#   b. a full filesystem (a 2 MiB tmpfs; skipped where mount is refused)
#   c. a read-only database file, a read-only folder, both; and the client
#      on one (run as user nobody when we are root, who ignores modes):
#      read, never changed, and nothing leaves it (an export or minutes
#      could not be recorded in its disclosure record)
#   d. a database from a newer plandesk, one with a damaged schema
#      version, and another program's LMDB file: refused, not a byte changed
#   e. stale locks: a writer killed -9 mid-import (alone, and while another
#      process has the database open) and a reader killed -9 mid-read:
#      the next open clears the reader slot and writes go through
#   f. two writers at once: the client saving while a CLI import writes
#      (both land, the client shows the imported rows by itself), and two
#      CLI imports at once (both land)
#
# The client parts need tmux and are skipped without it; (d) and the reader
# table checks of (e) need mdb_load/mdb_stat (lmdb-utils).  Every command
# that could hang runs under `timeout`; every wait polls with a timeout.
here=$(dirname "$0")
if command -v tmux >/dev/null 2>&1; then
	. "$here/../e2e/tmux.sh"
	have_tmux=yes
else
	. "$here/../cli/lib.sh"
	have_tmux=no
fi
: "${PLANDESK_SHARE:?run through make check}" "${PLANDESK_GEN_PEOPLE:?run through make check}" \
  "${TESTS_DATA:?run through make check}"

mnt="$T_TMP/small"
holders=""
cleanup() {
	for p in $holders; do kill -9 "$p" 2>/dev/null; done
	mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
	[ $have_tmux = yes ] && tm kill-server >/dev/null 2>&1
	chmod -R u+rwx "$T_TMP" 2>/dev/null
	rm -rf "$T_TMP"
}
trap cleanup EXIT

skip() { echo "# skipped: $1"; }
T=${T:-30}                  # seconds before a command counts as hung
to() { timeout "$T" "$@"; }
records() { awk '{ q += gsub(/"/, "") } q % 2 == 0 { n++ } END { print n - 1 }'; }
count() { to "$PLANDESK" --db "$1" export "$2" 2>/dev/null | records; }
sum() { sha256sum <"$1" | cut -d' ' -f1; }
# A copy in the test's folder: nobody reads it in part c.
small_csv="$T_TMP/orgs_tricky.csv"
cp "$TESTS_DATA/orgs_tricky.csv" "$small_csv" && chmod 644 "$small_csv"

# until CMD... : run CMD every 20 ms until it succeeds (10 s at most).
until_ok() {
	i=0
	while [ $i -lt 500 ]; do
		"$@" && return 0
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}
has_open() { ls -l "/proc/$1/fd" 2>/dev/null | grep -Fq -- "$2"; }

# opened PID FILE : until process PID has FILE open (polled every 10 ms);
# false once it has ended, or after 10 s.
opened() {
	i=0
	while [ $i -lt 1000 ]; do
		has_open "$1" "$2" && return 0
		case $(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) in
		Z|X|"") return 1 ;;
		esac
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

# sample_db FILE : the sample data, imported with the CLI.
sample_db() {
	for k in orgs people plans items meetings actions updates; do
		"$PLANDESK" --db "$1" import "$k" "$PLANDESK_SHARE/sample/$k.csv" \
			>/dev/null 2>&1 || { fail "import sample $k into $1"; return 1; }
	done
}

# check_db NAME DB : `plandesk check` passes on DB.
check_db() {
	if out=$(to "$PLANDESK" --db "$2" check 2>&1); then ok "$1"; else
		fail "$1"; echo "$out" | sed 's/^/#   /'; fi
}

# same NAME A B : A equals B.
same() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 ($2, wanted $3)"; fi; }

# no_kill_by_signal : the last expect_status's command was not ended by
# SIGXFSZ (the shell says "File size limit exceeded").
no_xfsz() {
	if grep -q "File size limit exceeded" "$T_TMP/err"; then fail "$1"; else ok "$1"; fi
}

"$PLANDESK_GEN_PEOPLE" 4000 >"$T_TMP/big.csv" && "$PLANDESK_GEN_PEOPLE" 20000 >"$T_TMP/b20.csv" ||
	{ fail "generate people"; finish; exit 1; }
big="$T_TMP/big.csv" b20="$T_TMP/b20.csv"
sample_db "$T_TMP/sample.db" || { finish; exit 1; }
base_people=$(count "$T_TMP/sample.db" people)
base_orgs=$(count "$T_TMP/sample.db" orgs)

# --- a. the file-size limit -----------------------------------------------------
echo "# a. the file-size limit"
# limited BYTES CMD... : CMD with `ulimit -f` at about BYTES.  The units of
# ulimit -f are the shell's (512 or 1024 bytes): measured first.
blk=$(cd "$T_TMP" && sh -c 'ulimit -f 1; exec dd if=/dev/zero of=blk bs=4096 count=1' >/dev/null 2>&1
      stat -c %s "$T_TMP/blk")
limited_sh() { lim=$(($1 / blk)); shift; sh -c 'ulimit -f "$0" && exec "$@"' "$lim" "$@"; }
db="$T_TMP/a.db"
cp "$T_TMP/sample.db" "$db"
size=$(stat -c %s "$db")
expect_status 2 "an import past ulimit -f fails with exit 2" \
	limited_sh $((size + 65536)) "$PLANDESK" --db "$db" import people "$big"
expect_err "it says the file-size limit was reached" "cannot save to $db: the file has reached the file-size limit \(ulimit -f\); nothing was changed"
no_xfsz "it is not killed by SIGXFSZ"
check_db "the database checks clean after it" "$db"
same "the people from before are all there, none added" "$(count "$db" people)" "$base_people"
expect_status 0 "without the limit the same import works" to "$PLANDESK" --db "$db" import people "$big"
same "and adds every row" "$(count "$db" people)" $((base_people + 4000))
check_db "the database checks clean" "$db"
mkdir "$T_TMP/outdir"
expect_status 2 "export -o past ulimit -f fails" limited_sh 32768 "$PLANDESK" --db "$db" export people -o "$T_TMP/outdir/p.csv"
expect_err "with the reason" "cannot write $T_TMP/outdir/p.csv: File too large"
expect_status 2 "backup past ulimit -f fails" limited_sh 32768 "$PLANDESK" --db "$db" backup "$T_TMP/outdir/b.db"
expect_err "with the reason" "backup to $T_TMP/outdir/b.db failed: File too large"
left=$(ls -A "$T_TMP/outdir")
if [ -z "$left" ]; then ok "no half-written file is left"; else fail "no half-written file is left ($left)"; fi
if [ $have_tmux = yes ]; then
	cp "$T_TMP/sample.db" "$db"
	start 100 30 "exec sh -c 'ulimit -f $(((size + 65536) / blk)) && exec $PLANDESK --db $db'"
	expect "the client starts under ulimit -f" "Plan / theme / item"
	keys :
	keys -l "import people $big"
	keys Enter
	expect "its :import says the limit was reached" "Nothing imported: cannot save to $db: the file has"
	keys : q Enter
	expect_exit "and it carries on (and quits normally)" 0
	check_db "the database checks clean after the client" "$db"
	same "nothing from the import" "$(count "$db" people)" "$base_people"
else
	skip "the client under ulimit -f (no tmux)"
fi

# --- b. a full filesystem ------------------------------------------------------
echo "# b. a full filesystem"
mkdir -p "$mnt"
if mount -t tmpfs -o size=2m,mode=0700 plandesk-test "$mnt" 2>"$T_TMP/err"; then
	db="$mnt/p.db"
	cp "$T_TMP/sample.db" "$db"
	expect_status 2 "an import that fills the filesystem fails with exit 2" \
		to "$PLANDESK" --db "$db" import people "$big"
	expect_err "it says the disk is full" "cannot save to $db: no space left on the disk; nothing was changed"
	check_db "the database checks clean on the full disk" "$db"
	same "the people from before are all there, none added" "$(count "$db" people)" "$base_people"
	expect_status 0 "a small change still saves there" to "$PLANDESK" --db "$db" import orgs "$small_csv"
	same "and is there" "$(count "$db" orgs)" $((base_orgs + 2))
	check_db "the database checks clean" "$db"
	umount "$mnt"
else
	skip "a full filesystem: mount -t tmpfs is not permitted here ($(cat "$T_TMP/err"))"
fi

# --- c. read-only file, read-only folder --------------------------------------
echo "# c. read-only database file and folder"
# As root every mode is ignored: run the program as nobody, in a folder
# nobody owns.
if [ "$(id -u)" -ne 0 ]; then
	as_nobody=""
elif command -v setpriv >/dev/null 2>&1; then
	as_nobody="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
else
	as_nobody="runuser -u nobody --"
fi
as() { $as_nobody "$@"; }
ro="$T_TMP/ro"
db="$ro/p.db"
mkdir "$ro"
cp "$T_TMP/sample.db" "$db"
rbin=$PLANDESK
if [ "$(id -u)" -eq 0 ]; then
	chmod 711 "$T_TMP"
	chown -R nobody "$ro"
	# The build may sit where nobody cannot reach it (a clone under
	# /root): nobody runs a copy of the program from the test's folder.
	rbin="$T_TMP/plandesk-as-nobody"
	cp "${PLANDESK_BIN:-$PLANDESK}" "$rbin" && chmod 755 "$rbin"
fi
if ! as timeout "$T" "$rbin" --version >/dev/null 2>&1 || ! as test -r "$db"; then
	skip "read-only: cannot run $rbin as nobody on $ro"
else
	rpd() { as timeout "$T" "$rbin" --db "$db" "$@"; }
	readers() {
		expect_status 0 "$1: check works" rpd check
		expect_err "$1: and says why it is read-only" "$2: opened read-only, changes cannot be saved"
		# Nothing leaves a database that cannot record it leaving.
		expect_status 2 "$1: an export is refused" rpd export people
		expect_err "$1: since it cannot be recorded" "cannot be recorded in the disclosure record, and nothing was written"
		same "$1: and nothing is printed" "$(wc -c <"$T_TMP/out")" 0
		expect_status 0 "$1: lookup works" rpd lookup karen
		expect_out "$1: and finds her" "Karen Proctor"
		expect_status 2 "$1: minutes are refused" rpd minutes 2009-06-26
		expect_err "$1: for the same reason" "cannot be recorded in the disclosure record"
		expect_status 0 "$1: the record can be read" rpd log
		expect_status 2 "$1: an import is refused" rpd import orgs "$small_csv"
		expect_err "$1: clearly" "^cannot save: $2; nothing was changed$"
	}
	chmod 400 "$db"
	before=$(sum "$db")
	readers "read-only file" "$db is not writable"
	same "read-only file: not a byte changed" "$(sum "$db")" "$before"

	chmod 600 "$db"
	rm -f "$db-lock"
	chmod 500 "$ro"
	readers "read-only folder" "$db cannot be locked \(its folder is not writable, so $db-lock cannot be created\)"
	same "read-only folder: not a byte changed" "$(sum "$db")" "$before"
	if [ -e "$db-lock" ]; then fail "read-only folder: no lock file"; else ok "read-only folder: no lock file"; fi

	chmod 400 "$db"
	readers "both read-only" "$db is not writable"
	same "both read-only: not a byte changed" "$(sum "$db")" "$before"

	chmod 700 "$ro"
	if [ $have_tmux = yes ]; then
		start 100 30 "exec $as_nobody $rbin --db $db"
		expect "the client opens a read-only file, saying so" "Plans (read-only)"
		keys 4 a o
		expect "its form opens" "New organisation"
		keys -l "Not to be saved"
		keys F10
		expect "saving is refused clearly" "Not saved: cannot save: $db is not writable; nothing"
		expect "and the form stays, with what was typed" "Not to be saved"
		keys Escape
		keys q
		same "not a byte changed by the client" "$(sum "$db")" "$before"
	else
		skip "the client on a read-only file (no tmux)"
	fi
	chmod 600 "$db"
fi

# --- d. a newer schema, a damaged one, another program's file ---------------------
echo "# d. newer and foreign databases"
# put DB NAME HEXKEY HEXVALUE : a key in the named database NAME of the
# LMDB file DB, behind plandesk's back (mdb_load creates what is missing).
put() {
	printf 'VERSION=3\nformat=bytevalue\ntype=btree\nHEADER=END\n %s\n %s\nDATA=END\n' "$3" "$4" |
		mdb_load -n -s "$2" "$1"
}
if command -v mdb_load >/dev/null 2>&1; then
	db="$T_TMP/d.db"
	cp "$T_TMP/sample.db" "$db"
	put "$db" meta 736368656d61 00000000000003e7     # schema = 999
	before=$(sum "$db")
	for c in "check" "export people" "lookup karen" "import orgs $small_csv" \
		 "backup $T_TMP/d-backup.db" "minutes 2009-06-26" "report progress C3P"; do
		expect_status 2 "newer schema: ${c%% *} is refused" to "$PLANDESK" --db "$db" $c
		expect_err "newer schema: ${c%% *} says so" "plandesk: $db was written by a newer plandesk \(schema 999; this one reads up to [0-9]+\); nothing was changed"
	done
	same "newer schema: not a byte changed" "$(sum "$db")" "$before"
	if [ -e "$T_TMP/d-backup.db" ]; then fail "newer schema: no backup made"; else ok "newer schema: no backup made"; fi
	if [ $have_tmux = yes ]; then
		# (Its message comes before the screen is set up; tmux does not
		# always keep what a pane printed just before it died: a file.)
		start 100 30 "exec $PLANDESK --db $db 2>$T_TMP/client.err"
		expect_exit "newer schema: the client exits 2" 2
		if grep -q "was written by a newer plandesk (schema 999" "$T_TMP/client.err"; then
			ok "newer schema: the client says so"; else
			fail "newer schema: the client says so"; sed 's/^/#   /' "$T_TMP/client.err"; fi
		same "newer schema: not a byte changed by the client" "$(sum "$db")" "$before"
	fi
	put "$db" meta 736368656d61 00000001             # 4 bytes
	before=$(sum "$db")
	expect_status 2 "damaged schema: refused" to "$PLANDESK" --db "$db" check
	expect_err "damaged schema: says so" "$db is damaged: its schema version is 4 bytes long, not 8; nothing was changed"
	expect_status 2 "damaged schema: an import is refused" to "$PLANDESK" --db "$db" import orgs "$small_csv"
	same "damaged schema: not a byte changed" "$(sum "$db")" "$before"
	db="$T_TMP/other.mdb"
	put "$db" settings 636f6c6f7572 626c7565          # colour = blue
	before=$(sum "$db")
	expect_status 2 "another program's LMDB file: refused" to "$PLANDESK" --db "$db" import orgs "$small_csv"
	expect_err "another program's LMDB file: says so" "$db is not a plandesk database \(an LMDB file without plandesk's schema version\); nothing was changed"
	expect_status 2 "another program's LMDB file: check refuses it too" to "$PLANDESK" --db "$db" check
	same "another program's LMDB file: not a byte changed" "$(sum "$db")" "$before"
else
	skip "newer and foreign databases: mdb_load not found (lmdb-utils)"
fi

# --- e. stale locks ---------------------------------------------------------------
echo "# e. stale locks"
db="$T_TMP/e.db"
cp "$T_TMP/sample.db" "$db"
to "$PLANDESK" --db "$db" import people "$big" >/dev/null 2>&1 || fail "import $big"
people=$(count "$db" people)

# kill_mid_import NAME : start importing b20.csv, kill -9 it once it is
# reading the file (inside its write transaction), and show the next
# writer is not blocked and nothing of the import was kept.
kill_mid_import() {
	"$PLANDESK" --db "$db" import people "$b20" >/dev/null 2>&1 &
	pid=$!
	if opened $pid "$b20" && kill -9 $pid 2>/dev/null; then
		wait $pid 2>/dev/null
		ok "$1: kill -9 an import mid-way"
	else
		wait $pid 2>/dev/null
		fail "$1: kill -9 an import mid-way (it ended first)"
	fi
	expect_status 0 "$1: the next write is not blocked" to "$PLANDESK" --db "$db" import orgs "$small_csv"
	check_db "$1: the database checks clean" "$db"
	same "$1: nothing of the killed import was kept" "$(count "$db" people)" "$people"
}
kill_mid_import "writer alone"
# Now with another process holding the database open (an export stuck on
# a full pipe, inside its read transaction), so the lock file is not
# re-initialised by the next opener: the dead writer's mutex is recovered.
if command -v mdb_stat >/dev/null 2>&1; then
	readers_of() { mdb_stat -nr "$db" 2>/dev/null | awk -v p="$1" '$1 == p { print $3 }'; }
	reading() { [ -n "$(readers_of "$1")" ]; }
	mkfifo "$T_TMP/fa" "$T_TMP/fb"
	exec 7<>"$T_TMP/fa" 8<>"$T_TMP/fb"
	"$PLANDESK" --db "$db" export people >"$T_TMP/fa" 2>/dev/null &
	holder=$!
	holders="$holders $holder"
	if until_ok reading $holder; then ok "a reader holds the database open"; else
		fail "a reader holds the database open"; fi
	kill_mid_import "writer killed while a reader is open"
	"$PLANDESK" --db "$db" export people >"$T_TMP/fb" 2>/dev/null &
	victim=$!
	until_ok reading $victim || fail "a second reader starts"
	kill -9 $victim
	wait $victim 2>/dev/null
	if reading $victim; then ok "a reader killed -9 leaves its slot behind"; else
		fail "a reader killed -9 leaves its slot behind"; fi
	printf 'name,email\nStale One,stale1@example.net\nStale Two,stale2@example.net\nStale Three,stale3@example.net\n' >"$T_TMP/three.csv"
	expect_status 0 "the next open works, and writes" to "$PLANDESK" --db "$db" import people "$T_TMP/three.csv"
	if reading $victim; then fail "and clears the dead reader's slot"; else ok "and clears the dead reader's slot"; fi
	if reading $holder; then ok "but not the live reader's"; else fail "but not the live reader's"; fi
	kill -9 $holder
	wait $holder 2>/dev/null
	exec 7>&- 8>&-
	check_db "the database checks clean" "$db"
	same "the people are there" "$(count "$db" people)" $((people + 3))
else
	skip "the reader table (mdb_stat not found: lmdb-utils)"
fi

# --- f. two writers at once -------------------------------------------------------
echo "# f. two writers at once"
db="$T_TMP/f.db"
cp "$T_TMP/sample.db" "$db"
for f in one two three; do
	sed "s/@example\.org,/@$f.example.org,/" "$big" >"$T_TMP/$f.csv"
done
if [ $have_tmux = yes ]; then
	start 100 30 "exec $PLANDESK --db $db"
	expect "the client starts" "Plan / theme / item"
	keys 4 /
	keys -l "coyney 322"
	keys Enter
	expect "the directory, filtered on people still to come" "Nothing here"
	expect_status 0 "a CLI import while the client is open" to "$PLANDESK" --db "$db" import people "$b20"
	expect "the client shows the imported people by itself" "Alistair Taylor"
	keys a o
	expect "a new organisation form" "New organisation"
	keys -l "Coyney 322 Drop-in"
	"$PLANDESK" --db "$db" import people "$T_TMP/one.csv" >"$T_TMP/f.out" 2>&1 &
	pid=$!
	opened $pid "$T_TMP/one.csv" && running=yes || running=no
	keys F10       # the client writes while the import is writing
	wait $pid
	same "a CLI import while the client saves: the import succeeds" "$?" 0
	expect "and the client's save too" "Saved: add organisation “Coyney 322 Drop-in”"
	echo "# the import was still writing when the client saved: $running"
	check_db "the database checks clean" "$db"
	same "every imported person is there" "$(count "$db" people)" $((base_people + 24000))
	if to "$PLANDESK" --db "$db" export orgs | grep -q "^Coyney 322 Drop-in,"; then
		ok "the client's organisation is there"; else fail "the client's organisation is there"; fi
else
	skip "the client during an import (no tmux)"
fi
before=$(count "$db" people)
to "$PLANDESK" --db "$db" import people "$T_TMP/two.csv" >"$T_TMP/two.out" 2>&1 &
p1=$!
to "$PLANDESK" --db "$db" import people "$T_TMP/three.csv" >"$T_TMP/three.out" 2>&1 &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
same "two imports at once: the first succeeds" "$s1" 0
[ "$s1" -eq 0 ] || sed 's/^/#   /' "$T_TMP/two.out"
same "two imports at once: the second succeeds" "$s2" 0
[ "$s2" -eq 0 ] || sed 's/^/#   /' "$T_TMP/three.out"
check_db "two imports at once: the database checks clean" "$db"
same "two imports at once: both land" "$(count "$db" people)" $((before + 8000))
for f in two three; do
	expect_status 0 "two imports at once: $f.csv again" to "$PLANDESK" --db "$db" import people --dry-run "$T_TMP/$f.csv"
	expect_out "two imports at once: $f.csv is all there" ": 0 added, 0 updated, 4000 unchanged"
done
finish
