#!/bin/sh
# Registers each search attribute named in the JSON file given as $1 ({"Name": "Type", ...}).
# Safe to run again: an attribute that exists already is left as it is.
set -eu
sed -n 's/^ *"\([A-Za-z]*\)": *"\([A-Za-z]*\)".*/\1 \2/p' "$1" | while read -r name type; do
  if temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --name "$name" --type "$type"
  fi
done
