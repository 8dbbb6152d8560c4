/**
 * `sitrep extract`: one report in, its structured record out (readable text or JSON).
 */
import { createRunContext, BufferedDebug, ExitCode, usageError } from '../../core/index.js';
import { parsePublishedOption, type InputSource } from '../../ingest/index.js';
import { extract } from '../../pipeline.js';
import { loadGazetteer } from '../../resolve/gazetteerSource.js';
import { checkTimezone, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { ansiStyle, formatText, plainStyle } from '../format/text.js';
import { toJson } from '../format/json.js';
import { toAcledCsv } from '../../export/acled.js';
import { toGeoJson } from '../../export/geojson.js';
import { existsSync } from 'node:fs';

const HELP = `Usage: sitrep extract [FILE | -] [options]

Read one news report and print what sitrep finds in it: the clean text, its sentences,
every date resolved against the publication date, every place resolved against the gazetteer,
the actors, the ACLED events, and the claims that are not events (plans, orders, stances).

FILE is a plain-text or HTML file; - (or no FILE with input piped in) reads standard input.

Options:
  --published DATE    Publication date, YYYY-MM-DD or an ISO timestamp. Relative dates
                      ("last week") are resolved against it. Without it, sitrep uses the
                      date in the page's metadata or dateline; failing that, it infers the
                      year from the text (and says why) or leaves it unknown with a warning.
  --format FORMAT     text (default): readable, dates marked in the text and listed,
                      then events, claims and territorial control.
                      json: the full document model (spans are UTF-16 offsets).
                      acled: the events as ACLED CSV (today's columns, in ACLED's order).
                      geojson: events (and control, and claims with a place) as an
                      RFC 7946 FeatureCollection, [longitude, latitude].
  --text STRING       Use STRING as the report instead of reading a file.
  --input-format F    auto (default), text or html.
  --url URL           The report's address (kept on the record; a date in it is used).
  --source NAME       The outlet's name, e.g. "DEBKA Weekly".
  --sources FILE      Your ratings of outlets (Admiralty reliability A-F) as .txt
                      ("DEBKA Weekly @ reliability=D"), .json ({"Reuters": "B"}) or .csv
                      (name,reliability). Unrated outlets are F, "cannot be judged".
  --timezone TZ       IANA timezone for turning timestamps into dates (default UTC).
  --include-source    With --format json: also print the input text the offset map
                      (document.offsetMap) points into, as document.sourceText.
  --gazetteer PATH    Gazetteer index for resolving places (default $SITREP_GAZETTEER,
                      else the bundled one).
  --debug             Print each stage's trace to standard error.
  -h, --help          Show this help.

Exit codes: 0 success, 1 nothing usable in the input (empty, binary), 2 usage error.

Examples:
  sitrep extract examples/sirte-offensive.txt --published 2016-05-13
  sitrep extract report.html --format json > report.json
  sitrep extract examples/sirte-offensive.txt --published 2016-05-13 --format acled > events.csv
  curl -s https://example.org/story | sitrep extract - --url https://example.org/story
`;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Read one report (text or HTML): its dates, places, events, claims and control, as text, JSON, ACLED CSV or GeoJSON',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('extract', args, {
      published: { type: 'string' },
      format: { type: 'string', default: 'text' },
      text: { type: 'string' },
      'input-format': { type: 'string', default: 'auto' },
      url: { type: 'string' },
      source: { type: 'string' },
      sources: { type: 'string', multiple: true },
      timezone: { type: 'string', default: 'UTC' },
      gazetteer: { type: 'string' },
      debug: { type: 'boolean', default: false },
      'include-source': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    }, 1);
    if (values.help) {
      io.stdout(HELP);
      return ExitCode.ok;
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'acled' && format !== 'geojson') {
      throw usageError('bad-format', `unknown --format ${JSON.stringify(format)}`, 'Use --format text, json, acled or geojson.');
    }
    const sources = values.sources ?? [];
    for (const f of sources) if (!existsSync(f)) throw usageError('no-sources', `--sources: no such file ${JSON.stringify(f)}`, 'Give a .txt, .json or .csv file of outlet ratings.');
    const inputFormat = values['input-format'];
    if (inputFormat !== 'auto' && inputFormat !== 'text' && inputFormat !== 'html') {
      throw usageError('bad-input-format', `unknown --input-format ${JSON.stringify(inputFormat)}`, 'Use auto, text or html.');
    }
    const timezone = checkTimezone(values.timezone ?? 'UTC');
    const source = inputSource(positionals[0], values.text, io);
    const debug = new BufferedDebug();
    const gazetteer = await loadGazetteer(values.gazetteer ?? null, io.env);
    const ctx = createRunContext({ timezone, gazetteer, ...(values.debug ? { debug: debug.sink } : {}) });
    const result = await extract(ctx, source, {
      published: values.published ? parsePublishedOption(values.published, timezone) : null,
      format: inputFormat,
      url: values.url === undefined ? null : checkUrl(values.url),
      sourceName: values.source ?? null,
      sources,
    });
    if (values.debug) for (const line of debug.lines) io.stderr(`[${line.stage}] ${typeof line.message === 'string' ? line.message : JSON.stringify(line.message)}\n`);
    if (format === 'json') io.stdout(toJson(result, { includeSource: values['include-source'] }));
    else if (format === 'acled') io.stdout(toAcledCsv(result));
    else if (format === 'geojson') io.stdout(JSON.stringify(toGeoJson(result), null, 2) + '\n');
    else io.stdout(formatText(result, io.isTTY ? ansiStyle : plainStyle));
    return ExitCode.ok;
  },
};

function inputSource(file: string | undefined, text: string | undefined, io: Parameters<Command['run']>[1]): InputSource {
  if (text !== undefined && file !== undefined) {
    throw usageError('two-inputs', 'give either a FILE or --text, not both', 'Run `sitrep extract --help` for the usage.');
  }
  if (text !== undefined) return { kind: 'inline', text };
  if (file !== undefined && /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(file)) {
    throw usageError('url-input', `${file.length > 80 ? file.slice(0, 80) + '…' : file} is a URL; sitrep works offline and never fetches pages`, 'Save the page first and pass the file, e.g. `curl -sL URL > page.html && sitrep extract page.html --url URL`.');
  }
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY) {
      throw usageError('no-input', 'no report given', 'Pass a FILE, - to read standard input, or --text "…". Run `sitrep extract --help` for examples.');
    }
    return { kind: 'stdin', read: io.readStdin };
  }
  return { kind: 'file', path: file };
}

/** Longest URL kept on a record: browsers and servers stop around here too. */
const MAX_URL = 2048;

/** A report's URL is metadata: it must be an http(s) address of sane length. */
export function checkUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = value.length <= MAX_URL ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    throw usageError('bad-url', `--url ${JSON.stringify(shown)} is not an http(s) address of at most ${MAX_URL} characters`, 'Give the address the report was published at, e.g. --url https://example.org/2016/05/13/story.');
  }
  return url.href;
}
