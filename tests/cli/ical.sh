#!/bin/sh
# ical.sh — meetings and actions as iCalendar, read back by two real
# consumers: Python's icalendar parser and calcurse's import.  Checks the
# dates, the next planned meeting, attendees, stable UIDs, CRLF, folding.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/c.db"
P() { "$PLANDESK" --db "$db" "$@"; }
for k in orgs people plans items meetings actions updates; do
	P import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1 || fail "sample $k imports"
done
export PLANDESK_NOW=1254355200   # 2009-10-01T00:00:00Z, the DTSTAMP
py=/usr/bin/python3

shape() {   # shape NAME FILE: CRLF lines of at most 75 octets, valid UTF-8
	if [ "$(grep -c "$(printf '\r')\$" "$2")" = "$(wc -l <"$2")" ]; then ok "$1: every line ends CRLF"
	else fail "$1: every line ends CRLF"; fi
	if LC_ALL=C awk '{ sub(/\r$/, "") } length($0) > 75 { bad = 1 } END { exit bad }' "$2"
	then ok "$1: folded at 75 octets"; else fail "$1: folded at 75 octets"; fi
	if iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then ok "$1: valid UTF-8"
	else fail "$1: valid UTF-8"; fi
}

# --- meetings ----------------------------------------------------------------
expect_status 0 "export meetings -o FILE.ics" P export meetings -o "$T_TMP/m.ics"
expect_err "it counts the events" 'm.ics: 4 events exported'
expect_mode "the .ics is 0600" 600 "$T_TMP/m.ics"
shape meetings "$T_TMP/m.ics"
grep -q '^DTSTAMP:20091001T000000Z' "$T_TMP/m.ics" && ok "DTSTAMP is the export's time" || fail "DTSTAMP is the export's time"

events() {   # events FILE: one line per VEVENT, fields joined by |
	"$py" - "$1" >"$T_TMP/out" 2>&1 <<'PY' || fail "python's icalendar reads $1"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    att = e.get('attendee') or []
    if not isinstance(att, list):
        att = [att]
    print('|'.join([e['dtstart'].dt.isoformat(), e['dtend'].dt.isoformat(), str(e['status']),
                    str(e.get('location', '')), str(e['summary']), str(len(att)),
                    ','.join(sorted(a.params.get('PARTSTAT', '') for a in att)),
                    str(e['uid']), str(e['description']).replace('\n', ' / ')]))
PY
}
events "$T_TMP/m.ics"
expect_out "first meeting on 15 May 2009, at Edensor High School, nine came (eight have e-mail)" \
	'^2009-05-15\|2009-05-16\|CONFIRMED\|Edensor High School\|Cluster 3 partnership meeting\|8\|(ACCEPTED,){7}ACCEPTED\|'
expect_out "second on 26 June 2009, with who sent apologies" \
	'^2009-06-26\|2009-06-27\|CONFIRMED\|Longton High School\|.*Present: Karen Proctor, Diane Dawson, .*Siobhán O.Brien, Zoë Ashworth / Apologies: Iftihar, PCSOs$'
expect_out "the CSE committee on 29 June 2016, its title and dash intact" \
	'^2016-06-29\|2016-06-30\|CONFIRMED\|\|Children and Young People Select Committee – CSE progress update\|0\|'
expect_out "the next meeting, 25 September 2009, tentative, at the last place" \
	'^2009-09-25\|2009-09-26\|TENTATIVE\|Longton High School\|Next meeting: Cluster 3 partnership projects 2009\|[0-9]+\|(NEEDS-ACTION,?)+\|plandesk-next-'
grep -q 'CN=Siobhán O'"'"'Brien' "$T_TMP/m.ics" && ok "an attendee's accented name" || fail "an attendee's accented name"

# The same meetings again: the same UIDs; a changed meeting keeps its UID.
grep '^UID' "$T_TMP/m.ics" >"$T_TMP/uids1"
sed 's/Longton High School/Longton High School (library)/; s/,Iftihar;PCSOs,/,Iftihar;PCSOs;Mark Boulton,/' \
	"$PLANDESK_SHARE/sample/meetings.csv" >"$T_TMP/meetings.csv"
P import meetings "$T_TMP/meetings.csv" >/dev/null 2>&1
P export meetings -o "$T_TMP/m2.ics" 2>/dev/null
grep '^UID' "$T_TMP/m2.ics" >"$T_TMP/uids2"
cmp -s "$T_TMP/uids1" "$T_TMP/uids2" && ok "UIDs are stable across exports and edits" || fail "UIDs are stable across exports and edits"
events "$T_TMP/m2.ics"
expect_out "the edit is in the new file, apologies by e-mail declined" \
	'^2009-06-26\|.*\|Longton High School \(library\)\|.*\|9\|(ACCEPTED,){8}DECLINED\|'


# calcurse imports them on the right days.
if command -v calcurse >/dev/null 2>&1; then
	mkdir "$T_TMP/cc"
	calcurse -D "$T_TMP/cc" -i "$T_TMP/m.ics" >"$T_TMP/out" 2>&1
	expect_out "calcurse imports 4 events, skips none" '0 apps / 4 events / 0 todos / 0 skipped'
	for d in '05/15/2009 .*Cluster 3 partnership meeting' '06/26/2009 .*Cluster 3 partnership meeting' \
		 '09/25/2009 .*Next meeting' '06/29/2016 .*CSE progress update'; do
		grep -Eq "^$d" "$T_TMP/cc/apts" && ok "calcurse: $d" || fail "calcurse: $d"
	done
else
	fail "calcurse is installed (apt-get install calcurse)"
fi

# --- actions -------------------------------------------------------------------
n=$(P export actions 2>/dev/null | "$py" -c 'import csv, sys; print(sum(1 for _ in csv.DictReader(sys.stdin)))')
expect_status 0 "export actions -o FILE.ics" P export actions -o "$T_TMP/a.ics"
expect_err "one to-do per action" "a.ics: $n to-dos exported"
shape actions "$T_TMP/a.ics"
"$py" - "$T_TMP/a.ics" >"$T_TMP/out" 2>&1 <<'PY' || fail "python's icalendar reads the actions"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for t in cal.walk('VTODO'):
    att = t.get('attendee') or []
    if not isinstance(att, list):
        att = [att]
    due = t.get('due')
    print('|'.join([due.dt.isoformat() if due else '-', str(t['status']),
                    ','.join(str(a) for a in att), str(t['summary'])[:60]]))
PY
expect_out "KP's action: due 25 September 2009, open, KP by e-mail" \
	'^2009-09-25\|NEEDS-ACTION\|mailto:karen.proctor@cluster3.example.org\|KP to adjust and e-mail organisation$'
expect_out "a done action is COMPLETED" '\|COMPLETED\|'
if [ "$(grep -c '^BEGIN:VTODO' "$T_TMP/a.ics")" = "$n" ]; then ok "every action is a VTODO"; else fail "every action is a VTODO"; fi
expect_status 0 "export actions --owner KP" P export actions --owner KP -o "$T_TMP/kp.ics"
if [ "$(grep -c '^BEGIN:VTODO' "$T_TMP/kp.ics")" = 5 ] &&
   [ "$(grep -c 'mailto:karen.proctor' "$T_TMP/kp.ics")" = 5 ]
then ok "--owner KP: KP's five actions only"; else fail "--owner KP: KP's five actions only"; fi
if command -v calcurse >/dev/null 2>&1; then
	mkdir "$T_TMP/cc2"
	calcurse -D "$T_TMP/cc2" -i "$T_TMP/kp.ics" >"$T_TMP/out" 2>&1
	expect_out "calcurse imports KP's 5 to-dos" '0 apps / 0 events / 5 todos / 0 skipped'
	grep -q 'KP to type up a crib sheet for next meeting' "$T_TMP/cc2/todo" && ok "calcurse: the to-do's text" || fail "calcurse: the to-do's text"
fi

# --- what export refuses -------------------------------------------------------
expect_status 2 "people are not iCalendar" P export people -o "$T_TMP/p.ics"
expect_err "and it says what is" 'iCalendar is for meetings and actions'
expect_status 2 "--owner is for actions" P export meetings --owner KP -o "$T_TMP/x.ics"
expect_status 2 "--owner is not for CSV" P export actions --owner KP
expect_status 2 "an unknown format" P export meetings --format pdf
expect_err "names the formats" 'cannot write format "pdf": use csv, xlsx, vcf or ics'

finish
