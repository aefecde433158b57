#!/bin/sh
# mail.sh — add-email (abook's --add-email, from mutt's pipe-message) and
# the per-owner digest (report actions --format mail), whose messages
# Python's email parser reads as sendmail -t and mutt -H would.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/m.db"
P() { "$PLANDESK" --db "$db" "$@"; }
py=/usr/bin/python3
msg() { printf '%b' "$1" >"$T_TMP/msg"; }
add() {   # add NAME: add-email on $T_TMP/msg, as mutt's pipe-message runs it
	expect_status "${2:-0}" "$1" sh -c '"$PLANDESK" --db "$0" add-email <"$1"' "$db" "$T_TMP/msg"
}

P import people "$PLANDESK_SHARE/sample/people.csv" >/dev/null 2>&1

# --- add-email ---------------------------------------------------------------
msg 'Return-Path: <zoe@youth.example.org>\nReceived: from mx.example.org\n\tby mail.example.org; Mon, 5 Oct 2009 10:00:00 +0100\nFrom: =?UTF-8?Q?Zo=C3=AB?=\n =?UTF-8?Q?_N=C3=AD_Bhriain?= <zoe.nibhriain@youth.example.org>\nTo: officer@cluster3.example.org\nSubject: Tuesday drop-in\nContent-Type: text/plain; charset=UTF-8\n\nFrom: not.this@example.org\n'
add "a folded From with encoded words"
expect_out "says who was added" '^added: Zoë Ní Bhriain <zoe.nibhriain@youth.example.org>$'
P lookup --mutt zoe >"$T_TMP/out" 2>&1
expect_out "lookup finds her as mutt would" '^zoe.nibhriain@youth.example.org	Zoë Ní Bhriain'
add "the same sender again"
expect_out "is already there, unchanged" '^Zoë Ní Bhriain <zoe.nibhriain@youth.example.org>: already in the directory$'
msg 'From: "=?ISO-8859-1?Q?Siobh=E1n?= O'"'"'Brien" <SIOBHAN.OBRIEN@homestart.example.org>\n\nhi\n'
add "an address already known, in capitals"
expect_out "is the same person" "^Siobhán O'Brien <SIOBHAN.OBRIEN@homestart.example.org>: already in the directory$"
msg 'From: =?iso-8859-1?B?SWZ0aWhhcg==?= <iftihar@cluster3.example.org>\n\n'
add "a person of that name with no address"
expect_out "gets the address" '^updated: Iftihar <iftihar@cluster3.example.org> \(the address added\)$'
msg 'From: "Price, Kate (Fire Service)" <kate.price@fire.example.org>\n\n'
add "Outlook's Last, First"
expect_out "is turned round" '^added: Kate Price \(Fire Service\) <kate.price@fire.example.org>$'
msg 'From: mark.lewis@police.example.org (Mark Lewis)\n\n'
add "an address with its name in a comment"
expect_out "takes the comment's name" '^added: Mark Lewis <mark.lewis@police.example.org>$'
msg 'From: dee.harper@school.example.org\n\n'
add "a bare address"
expect_out "names the person from the address" '^added: Dee Harper <dee.harper@school.example.org>$'
expect_status 0 "the database checks clean" P check

msg 'To: officer@cluster3.example.org\nSubject: no sender\n\nFrom: x@example.org\n'
add "a message with no From" 2
expect_err "says so" 'add-email: the message has no From: header'
msg 'From: Kate Price\nSubject: x\n\n'
add "a From with no address" 2
expect_err "says so and quotes it" 'add-email: the From: header has no e-mail address: "Kate Price"'
msg 'From: Kate Price <kate.price>\n\n'
add "an address without a domain" 2
: >"$T_TMP/msg"
add "an empty message" 2
expect_status 2 "add-email takes no arguments" P add-email extra

# --- the digest ----------------------------------------------------------------
for k in orgs plans items meetings actions; do
	P import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1 || fail "sample $k imports"
done
printf 'plan,item,text,owner,due,state\nC3P,1,Siobhán to send the leaflet to all Cluster schools,Siobhán O'"'"'Brien,2009-10-09,open\n' >"$T_TMP/a.csv"
P import actions "$T_TMP/a.csv" >/dev/null 2>&1 || fail "an action for Siobhán"
export PLANDESK_TODAY=2009-10-01

expect_status 0 "report actions --format mail --owner KP" P report actions C3P --format mail --owner KP
cp "$T_TMP/out" "$T_TMP/kp.eml"
head -1 "$T_TMP/kp.eml" | grep -q '^To: ' && ok "one owner: a bare message, To: first" || fail "one owner: a bare message, To: first"
"$py" - "$T_TMP/kp.eml" >"$T_TMP/out" 2>&1 <<'PY' || fail "python's email parser reads it"
import sys, email, email.policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
print('To=' + str(m['To']))
print('Subject=' + str(m['Subject']))
print('Type=' + m.get_content_type() + ';' + m.get_content_charset())
print('Body=' + m.get_content().replace('\n', ' '))
PY
expect_out "To: Karen Proctor's address from the directory" '^To=Karen Proctor <karen.proctor@cluster3.example.org>$'
expect_out "a Subject: with the plan and the counts" '^Subject=Your open actions: Cluster 3 partnership projects 2009 \(5, 5 overdue\)$'
expect_out "plain text in UTF-8" '^Type=text/plain;utf-8$'
expect_out "the actions, overdue marked" 'KP to adjust and e-mail organisation .*Due 25th +September 2009 \(OVERDUE\)'

expect_status 0 "report digest C3P: every owner" P report digest C3P
cp "$T_TMP/out" "$T_TMP/all.mbox"
expect_err "owners with no address are named" 'note: Schools: no e-mail address in the directory'
"$py" - "$T_TMP/all.mbox" >"$T_TMP/out" 2>&1 <<'PY' || fail "python's mailbox reads the mbox"
import sys, mailbox, email.header
for m in mailbox.mbox(sys.argv[1]):
    print('To=' + str(email.header.make_header(email.header.decode_header(m['To']))))
PY
expect_out "an mbox: Karen Proctor's message" '^To=Karen Proctor <karen.proctor@cluster3.example.org>$'
expect_out "an mbox: Siobhán's, her name encoded and decoded" "^To=Siobhán O'Brien <siobhan.obrien@homestart.example.org>$"
if [ "$(grep -c '^To=' "$T_TMP/out")" = "$(grep -c '^From plandesk ' "$T_TMP/all.mbox")" ] &&
   [ "$(grep -c '^To=' "$T_TMP/out")" -ge 5 ]
then ok "one message per owner with an address"; else fail "one message per owner with an address"; fi
grep -q '^To: =?UTF-8?Q?Siobh=C3=A1n_O' "$T_TMP/all.mbox" && ok "a non-ASCII name is an encoded word" || fail "a non-ASCII name is an encoded word"

expect_status 0 "--due-within 14" P report digest C3P --due-within 14 --today 2009-09-30
"$py" -c 'import sys, mailbox; print(len(mailbox.mbox(sys.argv[1])))' "$T_TMP/out" >"$T_TMP/n" 2>&1
P report actions C3P --format mail --due-within 14 --today 2009-09-30 --owner Siobhán >"$T_TMP/out" 2>&1
expect_out "Siobhán's action due on 9 October is within 14 days" 'Siobhán to send the leaflet'
expect_status 1 "not within 7 days of 1 October... of 30 September: no message" \
	P report actions C3P --format mail --due-within 7 --today 2009-09-30 --owner Siobhán
expect_err "says there is none" 'no open actions due so soon'
expect_status 1 "an owner with no address: no message" P report digest C3P --owner Schools
expect_err "says why" 'no owner of these open actions has an e-mail address'
expect_status 2 "mail is for the actions report" P report progress C3P --format mail
expect_status 2 "--due-within wants days" P report digest C3P --due-within soon

finish
