#!/bin/sh
# fault_sweep.sh — fail each write the database sees, one at a time, and
# show that every failure ends with one clear line and exit 2, the data
# unchanged and `check` clean.
#
# The shim (failio.c, LD_PRELOAD) counts the write, pwrite, writev, fsync,
# fdatasync and msync calls on the database file and its lock file, and
# fails the Nth with EIO or ENOSPC.  Two saves are swept:
#
#   a. a 10,000-person import (bench_gen_people) into a database holding
#      the sample data and a first import of 2,000 of the same people
#      (so the import adds some and finds others unchanged);
#   b. a meeting-mode save: fault_meeting records a note on item 1 of the
#      C3P meeting of 2009-06-26 as the client's Enter does
#      (pd_meeting_record, one committed write);
#   c. the same, then the same line saved again by the same process, as
#      the user presses Enter again in the client: saved once, whole;
#   d. a 2,000-person import into a new file (its creation is a write of
#      its own);
#   e. the 10,000-person import of a. with a 1 MiB write queue
#      (PLANDESK_SORT_BYTES), so its search index is sorted in runs on an
#      unnamed temporary file beside the database (store/queue_runs.c):
#      here the shim fails the writes of that file instead (FAILIO_TMP);
#   f. the 10k import of a. as a bulk write (store/bulk.c), built in an
#      unnamed copy of the database committed in pieces and renamed over
#      it: the shim fails the calls on the copy (FAILIO_TMP);
#   g. the same, failing the calls on the database file (after the
#      rename: the copy);
#   h. the import of e., failing instead the reads of its runs, which the
#      flush's read-ahead thread makes (store/queue_stream.c; FAILIO_READ).
#
# The shim goes into the program only (`timeout env LD_PRELOAD=...`), not
# into timeout, which would write its own count at exit.  For each, the
# calls are counted once, then for N = 1, 1 + FAULT_STRIDE,
# ... up to the count, the save runs with the Nth call failed, EIO and
# ENOSPC in turn.  After each: exit status 2 (not a signal, not 0), one
# line on stderr saying the save failed and nothing was changed (no crash,
# no sanitizer report); then, without the shim, `check` passes and the
# exports are byte for byte those of before (in c, of after).
#
# Which N may leave the new data: none.  On Debian 12's LMDB (0.9.24) a
# commit is writev of the dirty pages, fdatasync of the file, then one
# pwrite of the meta page on an O_DSYNC descriptor: that pwrite is the
# durable point and the last counted call, and when it fails LMDB writes
# the old meta back, so every failed save must leave the old database.  A
# run that exits 0 (a fault LMDB survived) must have the new one exactly.
#
# FAULT_STRIDE (default 1) steps N.  A 10k import makes about 40 calls
# and a meeting save a handful, so the full sweep fits in `make check`;
# if LMDB ever writes in smaller pieces, raise the stride for a quick run
# (FAULT_STRIDE=1 is always the full sweep).  Skipped in a sanitizer
# build: ASan must be the first library in the process and intercepts the
# same calls, so the shim cannot go in front of it.
. "$(dirname "$0")/../cli/lib.sh"
: "${PLANDESK_BIN:?run through make check}" "${PLANDESK_SHARE:?run through make check}" \
  "${PLANDESK_GEN_PEOPLE:?run through make check}"

build=$(dirname "$PLANDESK_BIN")
shim="$build/tests/reliability/failio.so"
meet="$build/tests/reliability/fault_meeting"
STRIDE=${FAULT_STRIDE:-1}
T=${T:-30}                  # seconds before a command counts as hung

if ldd "$PLANDESK_BIN" 2>/dev/null | grep -q libasan; then
	echo "# skipped: the program is built with the sanitizers (ASan and an LD_PRELOAD shim do not mix)"
	finish
	exit 77   # automake's SKIP
fi
if [ ! -f "$shim" ] || [ ! -x "$meet" ]; then
	fail "the shim and fault_meeting are built ($shim, $meet)"
	finish
	exit 1
fi

# The database in the test's folder by its full path: the shim compares
# /proc/self/fd links with it.
T_TMP=$(cd "$T_TMP" && pwd -P)
db0="$T_TMP/before.db"
db="$T_TMP/f.db"
for k in orgs people plans items meetings actions updates; do
	"$PLANDESK_BIN" --db "$db0" import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1 ||
		{ fail "import sample $k"; finish; exit 1; }
done
"$PLANDESK_GEN_PEOPLE" 2000 >"$T_TMP/first.csv" &&
	"$PLANDESK_GEN_PEOPLE" 10000 >"$T_TMP/p10k.csv" &&
	"$PLANDESK_BIN" --db "$db0" import people "$T_TMP/first.csv" >/dev/null 2>&1 ||
	{ fail "the first import"; finish; exit 1; }

# fresh : f.db as before.db (or, with from=none, no f.db), no lock file.
from=$db0
fresh() {
	rm -f "$db" "$db-lock"
	[ "$from" = none ] || cp "$from" "$db"
}

# exports DB OUT KIND... : each KIND exported from a copy of DB (an export
# adds to the disclosure record) into OUT, one after the other.
exports() {
	src=$1 out=$2; shift 2
	cp "$src" "$T_TMP/x.db" && rm -f "$T_TMP/x.db-lock"
	: >"$out"
	for k in "$@"; do
		timeout "$T" "$PLANDESK_BIN" --db "$T_TMP/x.db" export "$k" >>"$out" 2>/dev/null ||
			echo "export $k failed" >>"$out"
	done
}

# count NAME CMD... : how many calls CMD makes on f.db (fresh), in $calls.
count() {
	name=$1; shift
	fresh
	rm -f "$T_TMP/n"
	timeout "$T" env FAILIO_PATH="$db" FAILIO_COUNT=1 FAILIO_REPORT="$T_TMP/n" \
		LD_PRELOAD="$shim" "$@" >/dev/null 2>"$T_TMP/err"
	st=$?
	calls=$(cat "$T_TMP/n" 2>/dev/null)
	if [ "$st" -eq 0 ] && [ "${calls:-0}" -gt 0 ]; then
		ok "$name: counted ${calls} calls the shim can fail"
	else
		fail "$name: counted the calls (exit $st, ${calls:-no} count)"
		sed 's/^/#   /' "$T_TMP/err"
		calls=0
	fi
}

# sweep NAME MESSAGE_RE KINDS WANT CMD... : run CMD with each Nth call
# failed; MESSAGE_RE is what its one line of stderr must match.  KINDS are
# the exports compared, when CMD exits 2, with WANT.out (before: nothing
# was changed; after: CMD saved once more after the fault), and when it
# exits 0 with after.out.
sweep() {
	name=$1 re=$2 kinds=$3 want=$4; shift 4
	n=1 runs=0 bad=0 old=0 new=0
	started=$(date +%s)
	while [ "$n" -le "$calls" ]; do
		case $((runs % 2)) in 0) e=EIO ;; *) e=ENOSPC ;; esac
		fresh
		timeout "$T" env FAILIO_PATH="$db" FAILIO_N=$n FAILIO_ERRNO=$e \
			LD_PRELOAD="$shim" "$@" >/dev/null 2>"$T_TMP/err"
		st=$?
		runs=$((runs + 1))
		what="$name: call $n failed with $e"
		lines=$(wc -l <"$T_TMP/err")
		if [ "$st" -eq 2 ]; then
			if [ "$lines" -ne 1 ] || ! grep -Eq -- "$re" "$T_TMP/err"; then
				bad=$((bad + 1))
				fail "$what: one clear line on stderr"
				sed 's/^/#   /' "$T_TMP/err"
			fi
		elif [ "$st" -ne 0 ]; then
			bad=$((bad + 1))
			fail "$what: exit $st (3: the second save failed; over 128 or 124: a crash, a signal or a hang), wanted 2"
			sed 's/^/#   /' "$T_TMP/err"
		fi
		if ! out=$(timeout "$T" "$PLANDESK_BIN" --db "$db" check 2>&1); then
			bad=$((bad + 1))
			fail "$what: check is clean after it"
			echo "$out" | sed 's/^/#   /'
		fi
		# shellcheck disable=SC2086
		exports "$db" "$T_TMP/got" $kinds
		expect=after
		[ "$st" -eq 2 ] && expect=$want
		if ! cmp -s "$T_TMP/got" "$T_TMP/$expect.out"; then
			bad=$((bad + 1))
			fail "$what: the data is exactly the $expect.out one"
			diff "$T_TMP/$expect.out" "$T_TMP/got" | head -5 | sed 's/^/#   /'
		elif [ "$expect" = before ]; then
			old=$((old + 1))
		else
			new=$((new + 1))
		fi
		n=$((n + STRIDE))
	done
	secs=$(($(date +%s) - started))
	if [ "$bad" -eq 0 ] && [ "$runs" -gt 0 ]; then
		ok "$name: $runs faults, each a clear error, check clean, the data unchanged"
	fi
	echo "# $name: $runs runs (stride $STRIDE) in $secs s: old data $old, new data $new, problems $bad"
}

save_re() { echo "^cannot save to $db: (Input/output error|no space left on the disk); nothing was changed$"; }

# --- a. a 10k import ---------------------------------------------------------------
echo "# a. a 10,000-person import"
exports "$db0" "$T_TMP/before.out" people orgs
fresh
"$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv" >/dev/null 2>&1 || fail "the import without faults"
exports "$db" "$T_TMP/after.out" people orgs
cmp -s "$T_TMP/before.out" "$T_TMP/after.out" && fail "the import changes the exports"
count "import" "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
sweep "import" "$(save_re)" "people orgs" before "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"

# --- b. a meeting-mode save ----------------------------------------------------------
echo "# b. a meeting-mode save"
line="Fault sweep: the note is there whole or not at all"
exports "$db0" "$T_TMP/before.out" updates
fresh
"$meet" "$db" C3P 2009-06-26 1 "$line" 2>"$T_TMP/err" || { fail "the meeting save without faults"; cat "$T_TMP/err"; }
exports "$db" "$T_TMP/after.out" updates
if [ "$(grep -Fc -- "$line" "$T_TMP/after.out")" -eq 1 ]; then ok "the note is saved once without faults"; else
	fail "the note is saved once without faults"; fi
count "meeting save" "$meet" "$db" C3P 2009-06-26 1 "$line"
meeting_re="^fault_meeting: $(save_re | sed 's/^\^//')"
sweep "meeting save" "$meeting_re" updates before "$meet" "$db" C3P 2009-06-26 1 "$line"

# --- c. the same save, then Enter again -----------------------------------------------
# The client carries on after a failed save: the same line saved again by
# the same process, once the fault has passed, must be saved once, whole.
# (A failed write of the meta page, the last call, used to leave LMDB's
# environment failed, and every later save with "MDB_PANIC".)
echo "# c. a meeting-mode save that fails, then Enter again"
sweep "meeting save, then again" "$meeting_re" updates after \
	"$meet" -a "$db" C3P 2009-06-26 1 "$line"

# --- d. the first import, into a new file ---------------------------------------------
# The file is created and its tables made (a write of their own) before
# the import's: a fault there must say so too, and leave a file that
# opens, checks clean and is empty.
echo "# d. the first import, into a new file"
from=none
fresh
"$PLANDESK_BIN" --db "$db" check >/dev/null 2>&1 || fail "a new, empty database checks clean"
exports "$db" "$T_TMP/before.out" people orgs
fresh
"$PLANDESK_BIN" --db "$db" import people "$T_TMP/first.csv" >/dev/null 2>&1 || fail "the first import without faults"
exports "$db" "$T_TMP/after.out" people orgs
count "first import" "$PLANDESK_BIN" --db "$db" import people "$T_TMP/first.csv"
sweep "first import" "^(plandesk: )?cannot (open|save to) $db: (Input/output error|no space left on the disk|No space left on device)(; nothing was changed)?$" \
	"people orgs" before "$PLANDESK_BIN" --db "$db" import people "$T_TMP/first.csv"

# --- e. the 10k import, its index sorted in runs on a temporary file ------------------
echo "# e. a 10,000-person import whose index goes through sorted runs"
# in_runs: the import of a. with a 1 MiB write queue, made once without
# faults onto the database of a., its exports before and after kept.
in_runs() {
	from=$db0
	exports "$db0" "$T_TMP/before.out" people orgs
	fresh
	env PLANDESK_SORT_BYTES=1048576 "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv" >/dev/null 2>&1 ||
		fail "the import in runs without faults"
	exports "$db" "$T_TMP/after.out" people orgs
}
in_runs
export FAILIO_TMP=1
count "import in runs" env PLANDESK_SORT_BYTES=1048576 "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
[ "${calls:-0}" -ge 4 ] && ok "the runs' file is written more than once (${calls} calls)" ||
	fail "the runs' file is written more than once (${calls:-no} calls)"
sweep "import in runs" "$(save_re)" "people orgs" before \
	env PLANDESK_SORT_BYTES=1048576 "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
unset FAILIO_TMP

# --- f. the 10k import as a bulk write, faults on its copy -----------------------------
# PLANDESK_BULK_BYTES=1 makes it a bulk write (store/bulk.c): the database
# copied into an unnamed file beside it, the import committed there every
# 2,500 rows (PLANDESK_CHECKPOINT), its index sorted in runs on another, and
# the copy renamed over the file at the end.  The shim fails the calls on
# those unnamed files: the copy's writes, each checkpoint's commit, the
# syncs before the rename.  Each must leave the database as it was.
echo "# f. a 10,000-person import as a bulk write: faults on its copy"
bulk="PLANDESK_BULK_BYTES=1 PLANDESK_CHECKPOINT=2500 PLANDESK_SORT_BYTES=1048576"
exports "$db0" "$T_TMP/before.out" people orgs
fresh
# shellcheck disable=SC2086
env $bulk "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv" >/dev/null 2>&1 ||
	fail "the bulk import without faults"
exports "$db" "$T_TMP/after.out" people orgs
export FAILIO_TMP=1
# shellcheck disable=SC2086
count "bulk import" env $bulk "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
[ "${calls:-0}" -ge 20 ] && ok "the copy is committed many times (${calls} calls)" ||
	fail "the copy is committed many times (${calls:-no} calls)"
# shellcheck disable=SC2086
sweep "bulk import" "$(save_re)" "people orgs" before \
	env $bulk "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
unset FAILIO_TMP

# --- g. the same, faults on the database file -----------------------------------------
# After the rename the file is the copy; the one write to it then (which
# puts the lock file's transaction id in step) may fail without loss:
# the import is in place, so such a run exits 0 with the new data.
echo "# g. a 10,000-person import as a bulk write: faults on the database file"
# shellcheck disable=SC2086
count "bulk import, the file" env $bulk "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
# shellcheck disable=SC2086
sweep "bulk import, the file" "$(save_re)" "people orgs" before \
	env $bulk "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"

# --- h. the import in runs of e., faults reading the runs back ---------------------------
# The flush merges the runs in a second thread, a chunk ahead of the
# puts; a failed read there must end the save as a failed write does.
echo "# h. a 10,000-person import in runs: faults reading them back"
in_runs
export FAILIO_TMP=1 FAILIO_READ=1
count "runs read back" env PLANDESK_SORT_BYTES=1048576 "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
[ "${calls:-0}" -ge 4 ] && ok "the runs are read in several pieces (${calls} calls)" ||
	fail "the runs are read in several pieces (${calls:-no} calls)"
sweep "runs read back" "$(save_re)" "people orgs" before \
	env PLANDESK_SORT_BYTES=1048576 "$PLANDESK_BIN" --db "$db" import people "$T_TMP/p10k.csv"
unset FAILIO_TMP FAILIO_READ
finish
