#!/bin/sh
# browse.sh — start on the demo data, walk the plans tree to an item and
# its timeline, the four views, help, and quit with status 0.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
start 100 30 "$PLANDESK --db $db"
expect "the Plans view comes up" "C3BP  Cluster 3 Business Plan"
expect "counts by status per plan" "✓7 ~3 !4"
expect "overdue targets are flagged" "overdue"
keys j j Enter
expect "Enter expands a plan" "Progress Update – Child Sexual Exploitation"
expect "its items show with a status mark" "1 Fully achieved"
keys j j j Enter
expect "Enter opens an item" "Item 3 "
expect "the item's updates are listed" "Updates, newest first"
expect "its lead is shown" "Lead"
keys q
expect "q goes back to the tree" "Plan / theme / item"
keys 2
expect "2 shows the open actions" "Actions: open"
keys 3
expect "3 shows the meetings" "Meetings, newest first"
keys Enter
expect "a meeting shows its attendance" "Present ("
expect "and the updates given at it" "Updates given at this meeting"
keys q 4
expect "4 shows the directory" "Cluster 3 Partnership"
keys '?'
expect "? shows help" "Help: directory"
keys q Tab
expect "Tab goes round to Plans" "Plan / theme / item"
keys q
expect_exit "q at a top view quits with status 0" 0

# `plandesk demo` builds the demo database and opens the client on it.
start 100 30 "$PLANDESK demo"
expect "plandesk demo opens on the demo plans" "C3BP  Cluster 3 Business Plan"
keys q
expect_exit "and quits with status 0" 0
expect_status 0 "the demo database was made in the data folder" \
	test -f "$XDG_DATA_HOME/plandesk/demo.db"
finish
