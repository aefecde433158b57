#!/bin/sh
# badinput.sh — what a live meeting throws at the client: a 10x4
# terminal, invalid UTF-8 typed and pasted, a pasted 10,000-character
# line, a 1 MB field.  Nothing crashes, nothing is lost, and what is
# stored is valid UTF-8 (U+FFFD where the bytes were not).
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1

# --- a 10x4 terminal, then a usable one ------------------------------------
start 10 4 "$PLANDESK --db $db"
expect "at 10x4 it says the terminal is too small" "Terminal"
tm resize-window -t 0 -x 100 -y 30
expect "grown to 100x30 it draws the plans" "Plan / theme / item"

# --- invalid UTF-8 typed into a form ---------------------------------------
keys j Enter j Enter
expect "an item opens" "Item 1 "
keys a a
expect "a new action form" "New action"
keys -l "Bad "
tm send-keys -t 0 -H ff fe c3
keys -l " bytes"
keys Tab KP Tab
keys F10
expect "it is saved, the bytes shown as U+FFFD" "Bad ��� bytes"

# --- invalid UTF-8 and a 10,000-character line, pasted ---------------------
awk 'BEGIN { printf "Pasted \377"; for (i = 0; i < 1000; i++) printf "0123456789"; }' \
	>"$T_TMP/paste"
tm load-buffer -b big "$T_TMP/paste"
# The new action is selected, so a alone adds another.
keys a
expect "another new action form" "New action"
tm paste-buffer -b big -t 0
keys Tab KP Tab
keys F10
expect "the pasted line is saved" "Saved: add action “Pasted �0123"
keys q q
expect_exit "quits" 0

"$PLANDESK" --db "$db" export actions -o "$T_TMP/a.csv" 2>"$T_TMP/err"
if grep -q "^.*,Bad ��� bytes," "$T_TMP/a.csv"; then ok "typed: stored with U+FFFD"; else
	fail "typed: stored with U+FFFD"; grep -a "Bad" "$T_TMP/a.csv" | sed 's/^/#   /'; fi
len=$(grep -ao "Pasted �[0-9]*" "$T_TMP/a.csv" | sed 's/^Pasted �//' | awk '{ print length($0) }')
if [ "$len" = 10000 ]; then ok "pasted: all 10,000 digits stored"; else
	fail "pasted: all 10,000 digits stored (got '$len')"; fi
if iconv -f UTF-8 -t UTF-8 "$T_TMP/a.csv" >/dev/null 2>&1; then ok "the export is valid UTF-8"; else
	fail "the export is valid UTF-8"; fi
expect_status 0 "check passes" "$PLANDESK" --db "$db" check

# --- a 1 MB field ------------------------------------------------------------
awk 'BEGIN { printf "name,email,notes\nMeg Abyte,meg@example.org,\"";
	for (i = 0; i < 16384; i++) printf "line %05d of the notes, sixty-four bytes long, more or less..\n", i;
	printf "\"\n" }' >"$T_TMP/big.csv"
expect_status 0 "a person with 1 MB of notes imports" "$PLANDESK" --db "$db" import people "$T_TMP/big.csv"
start 100 30 "$PLANDESK --db $db"
expect "the client starts" "Plan / theme / item"
keys 4 /
keys -l "abyte"
keys Enter
expect "the person is found" "Meg Abyte"
keys Enter
expect "the detail card opens" "meg@example.org"
keys q q q
expect_exit "quits" 0
"$PLANDESK" --db "$db" export people -o "$T_TMP/p.csv" 2>/dev/null
"$PLANDESK" --db "$T_TMP/again.db" import people "$T_TMP/p.csv" >/dev/null 2>&1
"$PLANDESK" --db "$T_TMP/again.db" export people -o "$T_TMP/p2.csv" 2>/dev/null
if [ "$(grep -c 'of the notes, sixty-four' "$T_TMP/p.csv")" = 16384 ] &&
   cmp -s "$T_TMP/p.csv" "$T_TMP/p2.csv"; then ok "the 1 MB field round-trips whole"; else
	fail "the 1 MB field round-trips whole"; fi
# --- an error longer than the status line, at 80x24 --------------------------
# The reason comes last ("... : No such file or directory"); cut at the
# screen's edge it was lost.  It wraps over the view's bottom rows until
# the next key.
long=$T_TMP/no-such-folder/partnership-board/2026/december/minutes-of-the-partnership-meeting.docx
start 80 24 "$PLANDESK --db $db"
expect "the client starts at 80x24" "Plan / theme / item"
keys 3
expect "the meetings" "Meetings"
keys Enter
keys -l ":minutes $long"
keys Enter
expect "the whole error is on screen, its reason too" "No such file or directory"
if screen | tr -d '\n' | grep -qF "minutes-of-the-partnership-meeting.docx"; then
	ok "the long path is shown whole"; else fail "the long path is shown whole"; screen | sed 's/^/#   /'; fi
keys j
expect_not "the next key clears it" "No such file or directory"
keys q q q
expect_exit "quits" 0
finish
