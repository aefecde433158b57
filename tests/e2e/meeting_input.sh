#!/bin/sh
# meeting_input.sh — what a live meeting throws at meeting mode, at 80x24:
# a pasted e-mail of 50 lines (each line one note or action, in order,
# none merged, none setting a status), a bracketed paste with a tab and
# Windows line ends, a 10,000-character line, invalid
# UTF-8, an owner two people answer to, and a date that does not exist.
# Nothing is lost, nothing is changed but what was typed, and each case
# says what it did.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
# A second KP in the directory: "KP to …" could be either.
printf 'name,initials,role,email\nKen Platt,KP,Youth worker,ken.platt@example.org\n' >"$T_TMP/kp.csv"
"$PLANDESK" --db "$db" import people "$T_TMP/kp.csv" >/dev/null 2>&1 ||
	fail "a second KP imports"
run="exec env PLANDESK_TODAY=2009-09-18 $PLANDESK --db $db"

start 80 24 "$run"
expect "starts" "Plan / theme / item"
keys 3 s C3P Enter Enter Enter Enter
expect "meeting mode" "Attendance:"
keys Tab
expect "item 1" "1. All teaching and support staff"

# --- a pasted e-mail of 50 lines ----------------------------------------------
i=1
: >"$T_TMP/paste"
while [ $i -le 50 ]; do
	case $i in
	7)  printf 'DD to reply to line %d by Friday\n' $i ;;
	*)  printf '%d schools replied, pasted line %d\n' $i $i ;;
	esac >>"$T_TMP/paste"
	i=$((i + 1))
done
tm load-buffer -b mail "$T_TMP/paste"
tm paste-buffer -b mail -t 0
expect "the last pasted line is saved" "· 50 schools replied, pasted line 50"
"$PLANDESK" --db "$db" export updates -o "$T_TMP/u.csv" 2>"$T_TMP/err"
"$PLANDESK" --db "$db" export actions -o "$T_TMP/a.csv" 2>>"$T_TMP/err"
n=$(grep -c "schools replied, pasted line" "$T_TMP/u.csv")
[ "$n" = 49 ] && ok "49 pasted notes, one each" || fail "49 pasted notes, one each (got $n)"
grep -o "[0-9]* schools replied, pasted line [0-9]*" "$T_TMP/u.csv" |
	awk '{ if ($1 != $6) bad = 1; if ($1 <= last) bad = 1; last = $1 } END { exit bad }' &&
	ok "each whole, none merged, in the order pasted" || fail "each whole, none merged, in order"
grep -q "DD to reply to line 7 by Friday,DD,2009-09-25" "$T_TMP/a.csv" &&
	ok "the pasted action, with its due date" || { fail "the pasted action"; grep "line 7" "$T_TMP/a.csv" | sed 's/^/#   /'; }
"$PLANDESK" --db "$db" export items -o "$T_TMP/i.csv" 2>>"$T_TMP/err"
if grep '^C3P,,1,' "$T_TMP/i.csv" | grep -Eq ',[1-4],?[^,]*$'; then fail "no pasted digit set a status"
else ok "no pasted digit set a status"; fi

# --- 10,000 characters and invalid UTF-8 --------------------------------------
awk 'BEGIN { printf "Long \377 line "; for (i = 0; i < 1000; i++) printf "0123456789"; }' >"$T_TMP/long"
tm load-buffer -b long "$T_TMP/long"
tm paste-buffer -b long -t 0
keys Enter
# The line saved is the newest note: wait for it in the database.
i=0
while [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
	"$PLANDESK" --db "$db" export updates -o "$T_TMP/u.csv" 2>/dev/null
	grep -aq "Long � line" "$T_TMP/u.csv" && break
	sleep 0.1
	i=$((i + 1))
done
len=$(grep -ao "Long � line [0-9]*" "$T_TMP/u.csv" | sed 's/^Long � line //' | awk '{ print length($0) }')
[ "$len" = 10000 ] && ok "a 10,000-character line, whole, the bad byte as U+FFFD" ||
	fail "a 10,000-character line, whole (got '$len')"
iconv -f UTF-8 -t UTF-8 "$T_TMP/u.csv" >/dev/null 2>&1 && ok "stored as valid UTF-8" ||
	fail "stored as valid UTF-8"

# --- a bracketed paste: a tab, Windows line ends, an empty line ---------------
# The client asks for bracketed paste, so a real terminal (and tmux's
# paste-buffer -p) marks what is pasted.  Each line is still one note or
# action; a tab in it is a space, not Tab to the next item, and CR LF or an
# empty line is no second Enter.
printf 'Bracketed: the cluster agreed\r\n\r\nDD to run a joint session\twith the police by Friday\r\n' >"$T_TMP/bp"
tm load-buffer -b bp "$T_TMP/bp"
tm paste-buffer -p -b bp -t 0
expect "the pasted action is saved, the tab a space" "DD to run a joint session with the police by Friday"
expect "still on item 1" "item 1/"
"$PLANDESK" --db "$db" export updates -o "$T_TMP/u.csv" 2>/dev/null
"$PLANDESK" --db "$db" export actions -o "$T_TMP/a.csv" 2>/dev/null
[ "$(grep -c 'Bracketed: the cluster agreed' "$T_TMP/u.csv")" = 1 ] &&
	ok "the pasted note, once" || fail "the pasted note, once"
grep -q "^C3P,1,DD to run a joint session with the police by Friday,DD,2009-09-25" "$T_TMP/a.csv" &&
	ok "the action on item 1, with its owner and date" ||
	{ fail "the action on item 1, with its owner and date"; grep "joint session" "$T_TMP/a.csv" | sed 's/^/#   /'; }

# --- an owner two people answer to; a day that does not exist ------------------
keys -l "KP to send the leaflet to schools"
keys Enter
expect "two KPs: kept as typed, and said" "\"KP\" could be Karen Proctor or Ken Platt"
keys -l "KP to book the room by 31/02"
keys Enter
expect "31/02: kept as text, and said" "\"by 31/02\" is no day (February has at most 29 days)"
"$PLANDESK" --db "$db" export actions -o "$T_TMP/a.csv" 2>/dev/null
grep -q '"KP to send the leaflet to schools",KP,,' "$T_TMP/a.csv" ||
grep -q 'KP to send the leaflet to schools,KP,,' "$T_TMP/a.csv" &&
	ok "no KP picked silently, no due date" || { fail "no KP picked silently"; grep leaflet "$T_TMP/a.csv" | sed 's/^/#   /'; }
grep -q 'KP to book the room by 31/02,KP,,' "$T_TMP/a.csv" &&
	ok "the text as typed, no due date" || { fail "31/02 kept as text"; grep "31/02" "$T_TMP/a.csv" | sed 's/^/#   /'; }

keys Escape l
keys q y
expect_exit "quits" 0
expect_status 0 "check passes" "$PLANDESK" --db "$db" check
finish
