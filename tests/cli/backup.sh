#!/bin/sh
# backup.sh — `backup --encrypt` and `restore` as a user runs them: a
# restored database that checks and exports exactly as the original; an
# encrypted file with nothing of the database readable in it; a wrong
# passphrase, a file cut short, a file that is no backup, an existing
# database: refused with one line, exit 2, nothing written; plain backups;
# passphrase files and their modes.  (The terminal prompt is driven in
# tests/e2e/passphrase.sh.)  Argon2id runs at its real cost here, so each
# encrypted backup or restore takes most of a second.
. "$(dirname "$0")/lib.sh"
: "${PLANDESK_SHARE:?run through make check}" "${TESTS_DATA:?run through make check}"

db="$T_TMP/orig.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
S=$PLANDESK_SHARE/sample
KINDS="orgs people plans items actions updates meetings"
for k in $KINDS; do
	pd import "$k" "$S/$k.csv" >/dev/null 2>&1 || fail "import $k"
done
out=$T_TMP/files
mkdir -p "$out"
umask 022   # a passphrase file is made as a user's editor would make it

pw=$T_TMP/pw
printf 'correct horse battery staple\n' >"$pw"
chmod 600 "$pw"

# Nothing but the files named may be in $out: no temporary, no lock file.
only() {
	name=$1; shift
	extra=$(cd "$out" && ls -A | while read -r f; do
		keep=no
		for k in "$@"; do [ "$f" = "$k" ] && keep=yes; done
		[ $keep = no ] && echo "$f"
	done)
	if [ -z "$extra" ]; then ok "$name"; else fail "$name (left: $extra)"; fi
}

# --- an encrypted backup -----------------------------------------------------
expect_status 0 "backup --encrypt with a passphrase file" \
	pd backup --encrypt --passphrase-file "$pw" "$out/enc.pdb"
expect_mode "the encrypted backup is 0600" 600 "$out/enc.pdb"
only "only the backup is written" enc.pdb
# magic "\x89PDBK\r\n\x1a", format 1, Argon2id, chunks of 64 KiB; then
# 3 passes over 256 MiB
head=$(od -An -tx1 -N32 "$out/enc.pdb" | tr -d ' \n')
if [ "$(printf %s "$head" | cut -c1-32)" = 895044424b0d0a1a0101000000010000 ]; then
	ok "the header: magic, format 1, Argon2id, 64 KiB chunks"
else fail "the header: magic, format 1, Argon2id, 64 KiB chunks (got $head)"; fi
if [ "$(printf %s "$head" | cut -c33-64)" = 00000000000000030000000010000000 ]; then
	ok "the header records 3 passes over 256 MiB"
else fail "the header records 3 passes over 256 MiB (got $head)"; fi

# --- nothing of the database in it ---------------------------------------------
# Every name and e-mail address in the sample, notes, titles, and LMDB's
# magic number with the format version after it (as each meta page has it).
# Each must be in a plain backup, or the search proves nothing.
words=$T_TMP/words
{
	cut -d, -f1 "$S/people.csv" "$S/orgs.csv" | grep -v '^"\|^name$'
	cat "$S"/*.csv | grep -Eo '[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]+' | sort -u
	printf '%s\n' "Takes the minutes" "Fitter Families" "Lets get cooking" \
		"Cluster 3 Business Plan" "Edensor High School" "Zoë Ashworth"
	printf '\336\300\357\276\001\000\000\000\n'
} >"$words"
expect_status 0 "a plain backup to compare with" pd backup "$out/plain.db"
missing=0 found=0 total=0
while IFS= read -r w; do
	total=$((total + 1))
	LC_ALL=C grep -aqF -- "$w" "$out/plain.db" || missing=$((missing + 1))
	LC_ALL=C grep -aqF -- "$w" "$out/enc.pdb" && { found=$((found + 1)); printf "# in it: %s\n" "$w" | cat -v; }
done <"$words"
if [ "$total" -gt 60 ] && [ "$missing" -eq 0 ]; then
	ok "all $total words and LMDB's magic are in the plain backup"
else fail "the words are in the plain backup ($missing of $total missing)"; fi
if [ "$found" -eq 0 ]; then ok "none of them is in the encrypted backup"
else fail "none of them is in the encrypted backup ($found are)"; fi
if LC_ALL=C grep -aqF "correct horse" "$out/enc.pdb"; then
	fail "the passphrase is not in it"; else ok "the passphrase is not in it"; fi

# --- restore: the same database ----------------------------------------------
expect_status 0 "restore --passphrase-file FILE --db NEW" \
	"$PLANDESK" restore --passphrase-file "$pw" "$out/enc.pdb" --db "$out/new.db"
expect_out "it says what it did" "new\.db: restored from .*enc\.pdb \(an encrypted backup\), checked: no problems found"
expect_mode "the restored database is 0600" 600 "$out/new.db"
only "no temporary or lock file is left" enc.pdb plain.db new.db
expect_status 0 "check passes on it" "$PLANDESK" --db "$out/new.db" check
same_exports() {
	name=$1 other=$2 diff=
	for k in $KINDS; do
		pd export "$k" >"$T_TMP/a.csv" 2>/dev/null
		"$PLANDESK" --db "$other" export "$k" >"$T_TMP/b.csv" 2>/dev/null
		[ -s "$T_TMP/a.csv" ] && cmp -s "$T_TMP/a.csv" "$T_TMP/b.csv" || diff="$diff $k"
	done
	if [ -z "$diff" ]; then ok "$name"; else fail "$name (differ:$diff)"; fi
}
same_exports "every kind exports byte for byte as the original" "$out/new.db"
pd check >"$T_TMP/check.a" 2>&1
"$PLANDESK" --db "$out/new.db" check >"$T_TMP/check.b" 2>&1
if [ "$(sed 's/^[^:]*://' "$T_TMP/check.a")" = "$(sed 's/^[^:]*://' "$T_TMP/check.b")" ]; then
	ok "check says the same of both"; else fail "check says the same of both"; fi

# --- refused, writing nothing ---------------------------------------------------
bad=$T_TMP/bad
printf 'correct horse battery stapler\n' >"$bad"
chmod 600 "$bad"
rm -f "$out/new.db-lock"
expect_status 2 "a wrong passphrase is refused" \
	"$PLANDESK" restore --passphrase-file "$bad" "$out/enc.pdb" --db "$out/wrong.db"
expect_err "in one line" '^plandesk: wrong passphrase for .*enc\.pdb; nothing was written$'
only "a wrong passphrase writes nothing" enc.pdb plain.db new.db

size=$(wc -c <"$out/enc.pdb")
head -c $((size - 1000)) "$out/enc.pdb" >"$T_TMP/cut.pdb"
expect_status 2 "a file cut short is refused" \
	"$PLANDESK" restore --passphrase-file "$pw" "$T_TMP/cut.pdb" --db "$out/cut.db"
expect_err "as cut short" 'cut\.pdb is truncated'
head -c 60 "$out/enc.pdb" >"$T_TMP/cut.pdb"
expect_status 2 "a file cut in its header is refused" \
	"$PLANDESK" restore "$T_TMP/cut.pdb" --db "$out/cut.db"
expect_err "before a passphrase is asked for" 'cut short in its header'
cp "$out/enc.pdb" "$T_TMP/flip.pdb"
printf '\001' | dd of="$T_TMP/flip.pdb" bs=1 seek=100000 conv=notrunc 2>/dev/null
expect_status 2 "a changed byte is refused" \
	"$PLANDESK" restore --passphrase-file "$pw" "$T_TMP/flip.pdb" --db "$out/flip.db"
expect_err "as damaged" 'flip\.pdb is damaged or was altered: chunk 2 does not verify'
expect_status 2 "a CSV file is no backup" \
	"$PLANDESK" restore "$S/people.csv" --db "$out/csv.db"
expect_err "and is called so" 'people\.csv: not a plandesk backup'
only "none of them wrote anything" enc.pdb plain.db new.db

expect_status 2 "an existing database is not replaced" \
	"$PLANDESK" restore "$out/plain.db" --db "$out/new.db"
expect_err "without --force" 'new\.db already exists: restore into a new file, or replace it with --force'
expect_status 2 "restore needs --db" "$PLANDESK" restore "$out/plain.db"
expect_err "and says so" 'restore needs --db NEW'
export PLANDESK_DB="$out/env.db"
expect_status 2 "\$PLANDESK_DB is not a place to restore to" \
	"$PLANDESK" restore "$out/plain.db"
unset PLANDESK_DB
only "nor anything written for those" enc.pdb plain.db new.db

# No terminal (a new session has none) and no passphrase file.
if command -v setsid >/dev/null 2>&1; then
	expect_status 2 "an encrypted backup without a terminal or a passphrase file" \
		setsid -w "$PLANDESK" restore "$out/enc.pdb" --db "$out/tty.db"
	expect_err "asks for --passphrase-file" 'no terminal to ask for the passphrase: give --passphrase-file FILE'
	expect_status 2 "backup --encrypt likewise" \
		setsid -w "$PLANDESK" --db "$db" backup --encrypt "$out/tty.pdb"
	only "neither wrote anything" enc.pdb plain.db new.db
fi

# A write that fails half-way (the file-size limit stands in for a full
# disk): the copy into the pipe stops, and the temporary is removed.
limited() { ( ulimit -f "$1"; shift; exec "$@" ); }
expect_status 2 "an encrypted backup that cannot be written fails" \
	limited 100 "$PLANDESK" --db "$db" backup --encrypt --passphrase-file "$pw" "$out/big.pdb"
expect_err "saying why" 'cannot write .*big\.pdb: File too large'
expect_status 2 "so does a restore" \
	limited 100 "$PLANDESK" restore --passphrase-file "$pw" "$out/enc.pdb" --db "$out/big.db"
only "neither leaves anything" enc.pdb plain.db new.db

# --- plain backups, --force, the global --db --------------------------------
expect_status 0 "a plain backup restores" "$PLANDESK" restore "$out/plain.db" --db "$out/p.db"
expect_out "as a plain one" '\(a plain backup\), checked: no problems found'
same_exports "and exports as the original" "$out/p.db"
rm -f "$out/p.db-lock"
printf 'correct horse battery staple\r\n' >"$T_TMP/pw-crlf"
chmod 640 "$T_TMP/pw-crlf"
"$PLANDESK" --db "$out/p.db" import people "$TESTS_DATA/people_tab.tsv" >/dev/null 2>&1
expect_status 0 "--force replaces a changed database (a passphrase file of CR LF)" \
	"$PLANDESK" --db "$out/p.db" restore --force --passphrase-file "$T_TMP/pw-crlf" \
	"$out/enc.pdb"
expect_err "a file its group may read is noted" 'note: .*pw-crlf can be read by its group \(mode 0640\)'
same_exports "it is the original again" "$out/p.db"
rm -f "$out/p.db-lock"
only "--force leaves no temporary" enc.pdb plain.db new.db p.db

# --- passphrase files ----------------------------------------------------------
# From a password manager, down a pipe: no mode to judge.
mkfifo "$T_TMP/pass.fifo" "$T_TMP/backup.fifo"
printf 'correct horse battery staple\n' >"$T_TMP/pass.fifo" &
expect_status 0 "a passphrase down a pipe (--passphrase-file /dev/stdin)" \
	"$PLANDESK" restore --passphrase-file "$T_TMP/pass.fifo" "$out/enc.pdb" \
	--db "$out/fifo.db"
wait
rm -f "$out/fifo.db"
# A backup down a pipe would be read twice (what it is, then the restore).
cat "$out/plain.db" >"$T_TMP/backup.fifo" &
writer=$!
expect_status 2 "a backup down a pipe is refused, not misread" \
	"$PLANDESK" restore "$T_TMP/backup.fifo" --db "$out/pipe.db"
expect_err "saying so" 'backup\.fifo is not a file \(a pipe\?\)'
kill $writer 2>/dev/null
wait
chmod 644 "$pw"
expect_status 2 "a passphrase file others may read is refused" \
	pd backup --encrypt --passphrase-file "$pw" "$out/x.pdb"
expect_err "with what to do" 'pw can be read by others \(mode 0644\): chmod 600 .*pw'
chmod 620 "$pw"
expect_status 2 "one its group may change is refused" \
	"$PLANDESK" restore --passphrase-file "$pw" "$out/enc.pdb" --db "$out/x.db"
expect_err "as changeable" 'can be changed by others \(mode 0620\)'
chmod 600 "$pw"
: >"$T_TMP/empty"
chmod 600 "$T_TMP/empty"
expect_status 2 "an empty passphrase file is refused" \
	pd backup --encrypt --passphrase-file "$T_TMP/empty" "$out/x.pdb"
printf 'short\n' >"$T_TMP/short"
chmod 600 "$T_TMP/short"
expect_status 2 "a short new passphrase is refused" \
	pd backup --encrypt --passphrase-file "$T_TMP/short" "$out/x.pdb"
expect_err "with the reason" 'too short: it needs at least 8 characters'
expect_status 2 "--passphrase-file needs --encrypt" \
	pd backup --passphrase-file "$pw" "$out/x.pdb"
only "none of them wrote a backup" enc.pdb plain.db new.db p.db

finish
