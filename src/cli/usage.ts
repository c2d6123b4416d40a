/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that ran but could not do its job (a rejected import, an unknown key): exit code 1. */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}

export const HELP = `pulsebot: anonymous pulse and exit surveys in Slack and Teams (command-line tools)

Usage: npx pulsebot <command> [options]

Commands:
  people import <file.csv> [--dry-run]
      Import teams, managers, time zones and languages from a CSV with the columns
      email, team, manager_email, timezone, locale, start_date (email and team
      required). A start_date raises person.joined (onboarding check-ins); a changed
      manager_email raises person.manager_changed.
      A team is a path, department first: "Engineering/Platform". People are matched
      to chat users by e-mail; a manager becomes a leader of their reports' teams.
      One bad row rejects the whole file (every problem is listed with its line).
      --dry-run checks the file and writes nothing.
      The columns location, employment_type, remote (yes/no) and attr.<name> are
      HR attributes; --reportable location,tenure,custom.<name> marks which ones the
      results of rounds opened from then on are cut by (see the README).

  api-key create --name <name> --scope <scope> [--scope <scope>…]
      Create an API key for the HR API (shown once). Scopes: results:read (GET results),
      people:write (PUT people), exit:write (exit surveys), surveys:write (survey
      definitions), events:write (POST events), webhooks:write (outgoing webhooks),
      admin (GET anonymity-report). At least one is required.
  api-key list                     List keys and their scopes (never the keys themselves).
  api-key revoke <id>              Revoke a key at once.

  event-source create --name <name>
      Create a source that signs the events it reports to POST /api/v1/events (Standard
      Webhooks) instead of holding an API key. Prints its whsec_ secret, once.
  event-source list                List sources (never their secrets).
  event-source revoke <name>       Refuse a source's signatures at once.

  webhook create --url <url> --event <event> [--event <event>…] [--name <note>]
      Send results out by themselves: round.closed (a round's visible figures),
      pool.available (an event survey's pool passed the threshold), survey.changed.
      Signed with Standard Webhooks; prints the whsec_ secret, once. Retried with
      backoff for 24 hours.
  webhook list                     Receivers and their events (never their secrets).
  webhook delete <id>              Stop sending to a receiver at once.
  webhook deliveries <id>          What was sent to it: state, attempts, last answer.

  comments classify --lang en|nb|sv
      Read one comment per line on standard input and print one JSON line per comment:
      {"theme": "...", "sentiment": "negative|neutral|positive"}. Computed on this
      machine from pulsebot's own word lists; needs no database, sends nothing.

  role add <person> hr|leader [segment]
  role remove <person> hr|leader [segment]
      Grant or remove a role. <person> is an e-mail or platform:team:user
      (e.g. slack:T0123:U0456). A leader needs the segment they lead.

  sessions revoke --all
  sessions revoke --person <person>
      End dashboard sessions at once: everyone's, or one person's (an e-mail or
      platform:team:user). They must ask pulsebot for a new link to look again.

  survey apply <file.yaml> [--dry-run]
      Create or update a survey from its document (YAML or JSON; the format is in the
      README). Every problem is listed with its path, and nothing changes unless all
      pass. --dry-run prints what would change and the next three rounds: the local
      send time in each time zone of the audience.
  survey list                      Every survey, its state and its next round.
  survey show <id>                 A survey's document, as YAML.
  survey pause|resume <id>         Stop opening rounds, or start again.
  survey archive <id>              No more rounds, ever; its results stay readable.

  export results [--survey <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                 [--segment <id>] [--format csv] [--out <file>]
      Aggregated results as CSV (default survey: pulse; "exit" for exit surveys).
      Only groups that pass the anonymity threshold, and that cannot be worked out
      by subtraction, appear. Writes to stdout unless --out is given.

  audit [--json]
      Check the stored answers carry nothing that links them to a person: the thresholds
      in force, every answer-side collection and its fields, no identifier, ObjectId,
      time finer than a day or informative order, no ledger of a closed round, and the
      groups hidden in the last closed round. Exit 1 when any check fails.

  help                             This text.

Configuration comes from the same environment variables as the server
(MONGODB_URI, MONGODB_DB, PULSE_SECRET, PULSE_MIN_GROUP_SIZE, ...; see README).

Exit codes: 0 done, 1 the command failed (nothing was changed), 2 bad usage or configuration.
`;
