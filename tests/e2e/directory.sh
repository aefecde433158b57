#!/bin/sh
# directory.sh — filter the directory as you type (case and accents
# ignored), open a card, clear the filter.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
start 100 30 "$PLANDESK --db $db"
expect "starts" "Plan / theme / item"
keys 4 /
expect "/ opens the filter" "Filter:"
keys z o e
expect "zoe finds Zoë" "Zoë Ashworth"
expect "and Zoe" "Zoe Churton"
expect_not "the rest are filtered out" "Homestart"
keys Enter
expect "Enter keeps the filter" 'matching "zoe"'
keys Enter
expect "Enter opens the card" "School Nurse Service"
expect "the card shows contacts" "E-mail"
keys q / Escape
expect "Escape clears the filter" "Homestart"
keys /
keys -l "fire"
expect "an organisation is found by its name" "Stoke-on-Trent Fire and"
keys Enter Enter
expect "its card shows services" "Services"
expect "and how to refer" "Referral"
expect "and its people" "People ("
keys q q q
expect_exit "quits" 0
finish
