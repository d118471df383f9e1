# Stages of a test run: each runs to its end whatever the others did, and one summary at the end names every
# failed stage and test, so one failure never hides another. Sourced, not run.
#
#   stage "name" [--needs "other stage"]... -- command args...
#   ctest_in DIR [ctest args...]    a command for stage: ctest, remembering the tests that failed
#   finish_stages                   prints the summary; non-zero when anything failed
#
# Nested scripts (test-sanitizers under test) append to the caller's record, so the summary is printed once,
# by the outermost script.
if [[ -z ${TANDEM_STAGE_RECORD:-} ]]; then
  TANDEM_STAGE_RECORD="$(mktemp -t tandem-stages.XXXXXX)"
  TANDEM_STAGE_OWNER=$$
  export TANDEM_STAGE_RECORD
fi
TANDEM_FAILED_TESTS_FILE="$TANDEM_STAGE_RECORD.tests"
export TANDEM_FAILED_TESTS_FILE

stage_result() {  # name -> passed|failed|skipped|"" (not run)
  awk -F'\t' -v n="$1" '$1 == n { r = $2 } END { print r }' "$TANDEM_STAGE_RECORD"
}

stage() {
  local name="$1" needs=() need result
  shift
  while [[ $# -gt 0 && $1 != -- ]]; do
    [[ $1 == --needs ]] && { needs+=("$2"); shift 2; continue; }
    shift
  done
  shift  # the --
  for need in "${needs[@]}"; do
    if [[ $(stage_result "$need") != passed ]]; then
      say "skipping $name: it needs \"$need\", which did not pass"
      printf '%s\tskipped\t0\tneeds %s\n' "$name" "$need" >>"$TANDEM_STAGE_RECORD"
      return 0
    fi
  done
  say "$name"
  local start=$SECONDS
  if ( "$@" ); then result=passed; else result=failed; fi
  printf '%s\t%s\t%s\t\n' "$name" "$result" "$((SECONDS - start))" >>"$TANDEM_STAGE_RECORD"
  [[ $result == passed ]] || say "stage failed: $name (the rest still runs)"
  return 0
}

# ctest in DIR; the names of the tests that failed go to the run's list of failed tests.
ctest_in() {
  local dir="$1" status=0
  shift
  rm -f "$dir/Testing/Temporary/LastTestsFailed.log"
  ctest --test-dir "$dir" --output-on-failure "$@" || status=$?
  if [[ -f "$dir/Testing/Temporary/LastTestsFailed.log" ]]; then
    sed "s|^[0-9]*:|$(basename "$dir"): |" "$dir/Testing/Temporary/LastTestsFailed.log" >>"$TANDEM_FAILED_TESTS_FILE"
  fi
  return $status
}

finish_stages() {
  [[ ${TANDEM_STAGE_OWNER:-} == "$$" ]] || return 0
  local failed=0 name result seconds note
  say "summary"
  while IFS=$'\t' read -r name result seconds note; do
    printf '  %-8s %-44s %5ss %s\n' "$result" "$name" "$seconds" "$note" >&2
    [[ $result == passed ]] || failed=1
  done <"$TANDEM_STAGE_RECORD"
  if [[ -s $TANDEM_FAILED_TESTS_FILE ]]; then
    say "failed tests:"
    sed 's/^/  /' "$TANDEM_FAILED_TESTS_FILE" >&2
  fi
  rm -f "$TANDEM_STAGE_RECORD" "$TANDEM_FAILED_TESTS_FILE"
  if [[ $failed -ne 0 ]]; then say "some stages failed"; return 1; fi
  say "every stage passed"
}

# True when every named stage passed (a script run as one stage of another reports its own stages this way).
all_passed() {
  local name
  for name in "$@"; do [[ $(stage_result "$name") == passed ]] || return 1; done
}
