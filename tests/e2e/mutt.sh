#!/bin/sh
# mutt.sh — the manual's mutt lines in real mutt: query_command (Q, and
# Ctrl-T in the To: prompt) finds the right people and a query holding
# ; $() backquotes and quotes runs nothing; the A macro (pipe-message to
# add-email) adds the sender.  The lines are taken from the manual as
# written, so the test is of what a user copies.
. "$(dirname "$0")/tmux.sh"

command -v mutt >/dev/null 2>&1 || { fail "mutt is installed (apt-get install mutt)"; finish; exit; }
man="$PLANDESK_SHARE/man/plandesk.1"
query=$(sed 's/\\-/-/g' "$man" | grep -m1 '^set query_command = ')
macro=$(sed 's/\\-/-/g' "$man" | grep -m1 '^macro index,pager A ')
[ -n "$query" ] && ok "the manual has a query_command line" || fail "the manual has a query_command line"
[ -n "$macro" ] && ok "the manual has the add-email macro" || fail "the manual has the add-email macro"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
mkdir "$T_TMP/bin" "$T_TMP/mail"
ln -s "$PLANDESK" "$T_TMP/bin/plandesk"   # the lines say "plandesk"
cat >"$T_TMP/muttrc" <<MUTTRC
set folder=$T_TMP/mail
set spoolfile=$T_TMP/mail/inbox
set record=/dev/null
set postponed=$T_TMP/mail/postponed
set wait_key=yes
$query
$macro
MUTTRC
printf '%s\n' 'From zoe@youth.example.org Thu Oct  1 10:00:00 2009' \
	'From: =?UTF-8?Q?Zo=C3=AB?= =?UTF-8?Q?_N=C3=AD_Bhriain?= <zoe.nibhriain@youth.example.org>' \
	'To: officer@cluster3.example.org' 'Subject: Tuesday drop-in' \
	'Date: Thu, 01 Oct 2009 10:00:00 +0100' '' 'See you on Tuesday.' '' >"$T_TMP/mail/inbox"

start 120 30 "env PATH=$T_TMP/bin:$PATH PLANDESK_DB=$db mutt -n -F $T_TMP/muttrc"
expect "mutt shows the message" "Tuesday drop-in"

keys Q
expect "Q asks for a query" "Query:"
keys -l "o'brien"
keys Enter
expect "Q o'brien finds Siobhán O'Brien" "Siobhán O'Brien"
expect "with her address" "siobhan.obrien@homestart"
keys q

keys m
expect "m asks for the recipient" "To:"
keys -l zoe
keys C-t
expect "Ctrl-T on zoe finds Zoë Ashworth" "Zoë Ashworth"
expect "and Zoe Churton" "Zoe Churton"
keys Enter
expect "Enter puts her address in To:" "To: Zoë Ashworth <zoe.ashworth@pct.example.net>"
keys C-g
expect_not "Ctrl-G leaves the prompt" "To: Zoë"

keys Q
expect "a second query" "Query:"
keys -l "x;touch $T_TMP/ran1;\$(touch $T_TMP/ran2)\`touch $T_TMP/ran3\`'touch $T_TMP/ran4"
keys Enter
expect "a query with ; \$() \` and ' is only a query" "no matches"
if ls "$T_TMP"/ran* >/dev/null 2>&1; then fail "the query ran nothing"; else ok "the query ran nothing"; fi

keys A
expect "A pipes the message to add-email" "added: Zoë Ní Bhriain <zoe.nibhriain@youth.example.org>"
# The program has ended once mutt asks for a key (wait_key); keys typed
# before that are thrown away when mutt takes the screen back.
expect "mutt waits for a key once it has ended" "Press any key to continue"
keys Enter
expect_not "and takes the screen back" "Press any key to continue"
keys Q
expect "a third query" "Query:"
keys -l nibhriain
keys Enter
expect "the sender is in the directory now" "zoe.nibhriain@youth.examp Zoë Ní Bhriain"
keys q q
expect_exit "mutt quits" 0

finish
