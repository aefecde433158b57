#!/bin/sh
# passphrase.sh — the passphrase of `backup --encrypt` and `restore` typed
# on a real terminal: asked twice with echo off (never on the screen), the
# two compared; asked once to restore; a wrong one refused; Ctrl-C at the
# question ends the program with the terminal's echo back on.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
pass="correct horse battery staple"
# hidden NAME : the screen, and what scrolled off it, never showed it.
hidden() {
	if tm capture-pane -p -S - -t 0 | grep -q "horse"; then
		fail "$1"; tm capture-pane -p -S - -t 0 | sed 's/^/#   |/'
	else ok "$1"; fi
}

start 200 30 "$PLANDESK --db $db backup --encrypt $T_TMP/enc.pdb"
expect "backup --encrypt says a forgotten passphrase is lost" "nothing can recover it"
expect "and asks for the passphrase" "Passphrase for $T_TMP/enc.pdb:"
keys -l "$pass"
keys Enter
expect "then for the same again" "The same passphrase again:"
hidden "what was typed is not on the screen"
keys -l "$pass"
keys Enter
expect_exit "the backup is written" 0
hidden "nor the second time"
expect_mode "it is 0600" 600 "$T_TMP/enc.pdb"

start 200 30 "$PLANDESK --db $db backup --encrypt $T_TMP/two.pdb"
expect "asked again" "Passphrase for"
keys -l "$pass"
keys Enter
expect "and again" "The same passphrase again:"
keys -l "correct horse battery stable"
keys Enter
expect "two different passphrases are refused" "the two passphrases differ; nothing was written"
expect_exit "with status 2" 2
if [ -e "$T_TMP/two.pdb" ]; then fail "and no backup"; else ok "and no backup"; fi

start 200 30 "$PLANDESK restore $T_TMP/enc.pdb --db $T_TMP/new.db"
expect "restore asks once" "Passphrase for $T_TMP/enc.pdb:"
keys -l "$pass"
keys Enter
expect "and restores" "restored from $T_TMP/enc.pdb (an encrypted backup)"
expect_exit "with status 0" 0
hidden "the passphrase was not shown"
expect_status 0 "the restored database checks" "$PLANDESK" --db "$T_TMP/new.db" check

start 200 30 "$PLANDESK restore $T_TMP/enc.pdb --db $T_TMP/wrong.db"
expect "asked for a restore" "Passphrase for"
keys -l "correct horse battery stable"
keys Enter
expect "a wrong passphrase is refused" "wrong passphrase for $T_TMP/enc.pdb; nothing was written"
expect_exit "with status 2" 2
if [ -e "$T_TMP/wrong.db" ]; then fail "and nothing written"; else ok "and nothing written"; fi

# Ctrl-C while echo is off: the shell that ran it finds echo on again.
cat >"$T_TMP/ctrl-c.sh" <<EOF
trap 'echo' INT
"$PLANDESK" --db "$db" backup --encrypt "$T_TMP/c.pdb"
echo "STATUS=\$?"
stty -a | tr ' ;' '\n\n' | grep -x -- '-\{0,1\}echo' | sed 's/^/ECHO=/'
EOF
start 200 30 "sh $T_TMP/ctrl-c.sh"
expect "asked" "Passphrase for"
keys -l "half typed"
keys C-c
expect "Ctrl-C ends it by the signal" "STATUS=130"
expect "with echo on again" "ECHO=echo"
if [ -e "$T_TMP/c.pdb" ]; then fail "and no backup"; else ok "and no backup"; fi

# The client's :backup --encrypt, at 80x24: the passphrase shows as dots.
start 80 24 "$PLANDESK --db $db"
expect "the client opens" "Plan / theme / item"
keys :
keys -l "backup --encrypt $T_TMP/client.pdb"
keys Enter
expect ":backup --encrypt asks for a passphrase" "Passphrase (a forgotten one"
keys -l "$pass"
expect "what is typed shows as dots" "••••••••••••••••••••••••••••"
hidden "and not as itself"
keys Enter
expect "then asks again" "The same passphrase again:"
keys -l "$pass"
keys Enter
expect "and writes the backup" "Encrypted backup written to $T_TMP/client.pdb"
hidden "the passphrase never showed"
expect_mode "it is 0600" 600 "$T_TMP/client.pdb"
keys :
keys -l "backup --encrypt $T_TMP/client2.pdb"
keys Enter
expect "asked again" "Passphrase (a forgotten one"
keys -l "$pass"
keys Enter
expect "and again" "The same passphrase again:"
keys -l "correct horse battery stable"
keys Enter
expect "two different passphrases are refused" "The two passphrases differ; nothing was written"
keys :
keys -l "backup --encrypt $T_TMP/client3.pdb"
keys Enter
keys -l "short"
keys Enter
expect "a short one is refused at once" "A passphrase needs at least 8 characters"
keys :
keys -l "backup --encrypt $T_TMP/client4.pdb"
keys Enter
keys -l "half typed"
keys Escape
expect "Esc writes nothing" "No backup written"
keys : q Enter
expect_exit "the client quits" 0
for f in client2 client3 client4; do
	if [ -e "$T_TMP/$f.pdb" ]; then fail "no $f.pdb"; else ok "no $f.pdb"; fi
done
(umask 077; printf '%s\n' "$pass" >"$T_TMP/pass")
expect_status 0 "the client's backup restores with the same passphrase" \
	"$PLANDESK" restore --passphrase-file "$T_TMP/pass" "$T_TMP/client.pdb" --db "$T_TMP/client.db"
"$PLANDESK" --db "$db" export people -o "$T_TMP/a.csv" >/dev/null 2>&1
"$PLANDESK" --db "$T_TMP/client.db" export people -o "$T_TMP/b.csv" >/dev/null 2>&1
if cmp -s "$T_TMP/a.csv" "$T_TMP/b.csv"; then ok "and holds the same people"; else fail "and holds the same people"; fi

finish
