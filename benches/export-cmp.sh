#!/usr/bin/env bash
# Byte-compare the output of two memcon builds: `export` and `export --pretty` of every
# document of corpus-dev, the samples and the one-line volumes, and of every EVERY-th document
# of corpus-frus (from the OFFSET-th). For a change that must not change the output.
#
# Usage: benches/export-cmp.sh OLD_BINARY NEW_BINARY [EVERY [OFFSET]]   (default 10 0)
# Environment: MEMCON_SHARED (default ../shared), the folder holding samples/, corpus-dev/,
#              corpus-frus/ and big/.
# Prints each file whose output differs and a last line `N files, K differences`.
set -u
old=$1 new=$2 every=${3:-10} offset=${4:-0}
shared=${MEMCON_SHARED:-../shared}
export MEMCON_DATA_DIR=/nonexistent-memcon-export-cmp   # no bookmarks, no alias file
files=0 differ=0
while IFS= read -r f; do
  files=$((files + 1))
  for flag in "" --pretty; do
    if ! cmp -s <("$old" export $flag "$f" 2>&1) <("$new" export $flag "$f" 2>&1); then
      echo "differs: export $flag $f"
      differ=$((differ + 1))
    fi
  done
done < <(
  ls "$shared"/corpus-dev/*.txt "$shared"/samples/*.txt "$shared"/big/*.txt 2>/dev/null
  ls "$shared"/corpus-frus/*/*.txt 2>/dev/null | awk -v e="$every" -v o="$offset" 'NR % e == o'
)
echo "$files files, $differ differences"
