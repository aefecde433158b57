#!/bin/sh
# vcard.sh — people in and out as vCards: Google's and Outlook's exports
# import with every field right, bad files are refused with FILE:LINE and
# change nothing, and an exported file reads back the same and opens in
# abook.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/v.db"
P() { "$PLANDESK" --db "$db" "$@"; }

# --- Google Contacts (vCard 3.0) and Outlook (vCard 2.1) ------------------
for f in google_contacts outlook_21; do
	rm -f "$db" "$db-lock"
	expect_status 0 "$f.vcf imports" P import people "$TESTS_DATA/$f.vcf"
	expect_out "$f.vcf: two people added" ': 2 added, 0 updated, 0 unchanged, 2 organisations created, 1 warning$'
	expect_err "$f.vcf: one warning names what is ignored" 'warning: ignoring 4 kinds of properties plandesk does not keep: .*PHOTO'
	P export people >"$T_TMP/$f.csv" 2>/dev/null
	if cmp -s "$T_TMP/$f.csv" "$TESTS_DATA/$f.csv.golden"; then
		ok "$f.vcf: every field and accent as expected"
	else
		fail "$f.vcf: every field and accent as expected"
		diff "$TESTS_DATA/$f.csv.golden" "$T_TMP/$f.csv" | sed 's/^/#   /'
	fi
	expect_status 0 "$f.vcf again" P import people "$TESTS_DATA/$f.vcf"
	expect_out "$f.vcf again changes nothing" ': 0 added, 0 updated, 2 unchanged'
done
expect_status 0 "--format vcf reads a vCard whatever its name" \
	P import people "$TESTS_DATA/outlook_21.vcf" --format vcf
expect_status 2 "--format vcf is for people only" \
	P import orgs "$TESTS_DATA/outlook_21.vcf" --format vcf
expect_err "and says so" 'only people can be imported from a vCard'

# --- bad files: FILE:LINE, and nothing written ----------------------------
rm -f "$db" "$db-lock"
P import people "$TESTS_DATA/google_contacts.vcf" >/dev/null 2>&1
P export people >"$T_TMP/before.csv" 2>/dev/null
bad() {   # bad NAME FILE PATTERN
	expect_status 2 "$1 is refused" P import people "$2"
	expect_err "$1: the error says where and what" "$3"
	P export people >"$T_TMP/after.csv" 2>/dev/null
	if cmp -s "$T_TMP/before.csv" "$T_TMP/after.csv"; then ok "$1: nothing written"
	else fail "$1: nothing written"; fi
}
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:New Person\r\nEMAIL:new@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Other\r\nTEL:0161 496 0000\r\n' >"$T_TMP/unterminated.vcf"
bad "an unterminated card" "$T_TMP/unterminated.vcf" \
	"unterminated.vcf:9: the card begun on line 6 has no END:VCARD"
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:New Person\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Other;Ann\r\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=E9 =ZZ here\r\nEND:VCARD\r\n' >"$T_TMP/qp.vcf"
bad "bad quoted-printable" "$T_TMP/qp.vcf" \
	'qp.vcf:8: bad quoted-printable "=ZZ"'
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:New Person\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nORG:Nobody Ltd\r\nTEL:0161 496 0000\r\nEND:VCARD\r\n' >"$T_TMP/noname.vcf"
bad "a card with no name" "$T_TMP/noname.vcf" \
	'noname.vcf:5: the card has no name'
cp "$TESTS_DATA/people_excel.csv" "$T_TMP/people.vcf"
bad "a file that is not a vCard" "$T_TMP/people.vcf" \
	'people.vcf:1: not a vCard file: it begins "name,initials,.*", not BEGIN:VCARD'
printf 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nhello there\r\n' >"$T_TMP/trailing.vcf"
bad "text after the last card" "$T_TMP/trailing.vcf" \
	'trailing.vcf:4: "hello there" outside a card'
printf 'BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n' >"$T_TMP/nested.vcf"
bad "a card begun inside another" "$T_TMP/nested.vcf" \
	'nested.vcf:3: BEGIN:VCARD inside the card begun on line 1'

# A 1 MB photo is stepped over (one warning), the card imports.
{
	printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\nEMAIL:photo@example.org\r\n'
	printf 'PHOTO;ENCODING=b;TYPE=JPEG:'
	head -c 786432 /dev/zero | base64 -w 74 | sed 's/^/ /; s/$/\r/' | sed '1s/^ //'
	printf 'NOTE:after the photo\r\nEND:VCARD\r\n'
} >"$T_TMP/photo.vcf"
size=$(wc -c <"$T_TMP/photo.vcf")
if [ "$size" -gt 1000000 ]; then ok "the photo card is over 1 MB ($size bytes)"; else fail "the photo card is over 1 MB ($size)"; fi
expect_status 0 "a card with a 1 MB photo imports" P import people "$T_TMP/photo.vcf"
expect_err "the photo is ignored with a warning at its line" 'photo.vcf:5: warning: ignoring 1 kind of property plandesk does not keep: PHOTO'
P lookup photo >"$T_TMP/out" 2>&1
expect_out "the card's other fields are in" 'Photo Person.*photo@example.org'
P export people | grep -q 'after the photo' && ok "the note after the photo is kept" || fail "the note after the photo is kept"

# --- export: 3.0 and 4.0, folded, CRLF; the round trip keeps everything ---
rm -f "$db" "$db-lock"
for k in orgs people; do P import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1; done
P import people "$TESTS_DATA/google_contacts.vcf" >/dev/null 2>&1
P import people "$TESTS_DATA/outlook_21.vcf" >/dev/null 2>&1
P export people >"$T_TMP/orig.csv" 2>/dev/null
for v in 3 4; do
	expect_status 0 "export people --vcard $v" P export people -o "$T_TMP/all$v.vcf" --vcard $v
	expect_err "it says how many" "all$v.vcf: [0-9]+ people exported \\(vCard $v.0\\)"
	expect_mode "the .vcf is 0600" 600 "$T_TMP/all$v.vcf"
	if grep -q "^VERSION:$v.0"$(printf '\r')'$' "$T_TMP/all$v.vcf"; then ok "vCard $v.0"; else fail "vCard $v.0"; fi
	if LC_ALL=C awk 'length($0) > 76 { bad = 1 } END { exit bad }' "$T_TMP/all$v.vcf"
	then ok "$v.0: no line over 75 octets"; else fail "$v.0: no line over 75 octets"; fi
	if [ "$(grep -c "$(printf '\r')\$" "$T_TMP/all$v.vcf")" = "$(wc -l <"$T_TMP/all$v.vcf")" ]
	then ok "$v.0: every line ends CRLF"; else fail "$v.0: every line ends CRLF"; fi
	if iconv -f UTF-8 -t UTF-8 "$T_TMP/all$v.vcf" >/dev/null 2>&1
	then ok "$v.0: folds never split a UTF-8 character"; else fail "$v.0: folds never split a UTF-8 character"; fi
	rm -f "$T_TMP/rt.db"*
	"$PLANDESK" --db "$T_TMP/rt.db" import orgs "$PLANDESK_SHARE/sample/orgs.csv" >/dev/null 2>&1
	expect_status 0 "the $v.0 file imports" "$PLANDESK" --db "$T_TMP/rt.db" import people "$T_TMP/all$v.vcf"
	"$PLANDESK" --db "$T_TMP/rt.db" export people >"$T_TMP/rt.csv" 2>/dev/null
	if cmp -s "$T_TMP/orig.csv" "$T_TMP/rt.csv"; then ok "$v.0: the round trip keeps every field"
	else fail "$v.0: the round trip keeps every field"; diff "$T_TMP/orig.csv" "$T_TMP/rt.csv" | head -20 | sed 's/^/#   /'; fi
	expect_status 0 "the $v.0 file again" "$PLANDESK" --db "$T_TMP/rt.db" import people "$T_TMP/all$v.vcf"
	expect_out "$v.0 again: all unchanged" ': 0 added, 0 updated, [0-9]+ unchanged$'
done
expect_status 2 "vCards are for people" P export orgs -o "$T_TMP/o.vcf"
expect_status 2 "--vcard takes 3 or 4" P export people --vcard 2 -o "$T_TMP/x.vcf"

# --- abook reads the export (a real consumer) ------------------------------
if command -v abook >/dev/null 2>&1; then
	abook --convert --informat vcard --infile "$T_TMP/all3.vcf" --outformat csv \
		--outfile "$T_TMP/abook.csv" >/dev/null 2>&1
	n=$(grep -c . "$T_TMP/abook.csv")
	want=$(grep -c '^BEGIN:VCARD' "$T_TMP/all3.vcf")
	if [ "$n" = "$want" ]; then ok "abook reads all $want cards"; else fail "abook reads all $want cards (read $n)"; fi
	if grep -q '"Zoë Ní Bhriain","zoe.nibhriain@youth.example.org"' "$T_TMP/abook.csv"
	then ok "abook has Zoë's name and address right"; else fail "abook has Zoë's name and address right"; sed 's/^/#   /' "$T_TMP/abook.csv" | head; fi
	if grep -q '"Siobhán O'"'"'Brien","siobhan.obrien@gmp.example.police.uk"' "$T_TMP/abook.csv"
	then ok "abook has Siobhán's name and address right"; else fail "abook has Siobhán's name and address right"; fi
else
	fail "abook is installed (apt-get install abook)"
fi

# --- khard reads it too (one card a file, as its address books keep them) ---
if command -v khard >/dev/null 2>&1; then
	mkdir -p "$T_TMP/khard/book"
	awk -v dir="$T_TMP/khard/book" '/^BEGIN:VCARD/ { n++ } { print > (dir "/" n ".vcf") }' "$T_TMP/all3.vcf"
	printf '[addressbooks]\n[[plandesk]]\npath = %s\n[general]\ndefault_action = list\neditor = true\nmerge_editor = true\n' \
		"$T_TMP/khard/book" >"$T_TMP/khard/khard.conf"
	timeout 30 khard -c "$T_TMP/khard/khard.conf" show siobhan.obrien@gmp </dev/null >"$T_TMP/out" 2>&1
	expect_out "khard: Siobhán's organisation" '^Organisation: Greater Manchester Police$'
	expect_out "khard: her role" 'Title: Detective Sergeant'
	expect_out "khard: her mobile" 'CELL: 07700 900456'
	expect_out "khard: her work phone" 'WORK, VOICE: 0161 856 4321'
	expect_out "khard: her address" 'siobhan.obrien@gmp.example.police.uk'
	timeout 30 khard -c "$T_TMP/khard/khard.conf" email zoe </dev/null >"$T_TMP/out" 2>&1
	expect_out "khard: zoe finds Zoë" 'Zoë Ní Bhriain .*zoe.nibhriain@youth.example.org'
else
	fail "khard is installed (apt-get install khard)"
fi

finish
