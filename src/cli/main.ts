import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorCount, formatProblem } from '../core/problems.ts';
import { mapStats, type MapStats } from '../core/stats.ts';
import { CliIoError, ExportError, PagesError } from './errors.ts';
import { displayName, type CliIo } from './io.ts';
import type { ExportFormat } from './export.ts';
import type { PagesFormat, PagesRequest } from './export-pages.ts';
import { PAGE_NAMES } from '../core/export/pages/page.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { EvaluationMarks } from '../core/render/render-model.ts';
import type { ThemeName } from '../core/render/theme.ts';

/** Exit codes of the CLI contract (docs/ARCHITECTURE.md, "Exports and the command line"). */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

/*
 * A command loads only the modules it needs, when it runs (docs/ARCHITECTURE.md, "Performance"): the reader
 * and its schema for a file, the SVG writer and the fonts for an export; help loads neither. A test
 * (cli-lazy-load.test.ts) runs the built CLI and fails if validate or stats load a writer or a font.
 */
const loadFile = () => import('./load-file.ts');

const overview = `argmap: argument maps, checked and counted from the command line

Usage:
  argmap validate <file>          check a map; exit 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error
  argmap stats <file> [--json]    count statements, relations, groups, tags and verified quotes
  argmap export <file> -o <out> [--format svg|png|pdf|pptx|html|json|aif|argdown] [--scale N]
                [--theme light|dark|print] [--direction down|right]
                [--slides | --handout] [--page SIZE] [--step N] [--node ID] [--no-caption]
                                  draw the map as SVG (font embedded) or PNG, as pages (a deck of slides,
                                  a handout, the map over pages) in PDF, PowerPoint or pictures, as one
                                  HTML file that explores and presents it offline, or write it as argmap
                                  JSON, AIF JSON or Argdown
  argmap evaluate <file> [--accept ID]... [--reject ID]... [--critical] [--json] [--no-presumption]
                                  what stands if these statements are accepted or rejected
  argmap <command> --help         help for one command

<file> is a map in argmap JSON, Argdown (.argdown, .ad) or AIF JSON (AIFdb or OVA), or - to read standard
input. The format is taken from the file's extension, else from its content.
Problems are printed one per line as file:line:col: message (JSON files add the JSON pointer of the value).
Add --debug to see the internal stack trace of an unexpected failure.
`;

const commandHelp: Record<string, string> = {
  export: `Usage: argmap export <file> -o <out> [--format svg|png|pdf|pptx|html|json|aif|argdown] [--scale N]
         [--theme light|dark|print] [--direction down|right]
         [--slides | --handout] [--page 16:9|4:3|a4|a4-landscape|letter|letter-landscape] [--step N] [--node ID]
         [--no-caption]

Draws the map as one self-contained SVG file (styles inlined, the font embedded and subset to the characters
used, no scripts, no external references) or as a PNG (drawn with the same font), or writes it as argmap
JSON, AIF JSON (AIFdb nodeset; a map read from OVA is written in OVA's shape) or Argdown. An HTML file
holds the map with a viewer that explores and presents it, fonts included: it opens from the disk in any
browser and fetches nothing.
-o -          write to standard output
-o DIR/       write pages as pictures into DIR: step-01.png, step-05a.png (a step shown in parts) …
--format      svg, png, pdf, pptx, html, json, aif or argdown; by default taken from the extension of <out>
              (.svg, .png, .pdf, .pptx, .html, .json, .aif or .aif.json, .argdown or .ad; svg when it has
              none, png for a directory; another extension is refused)
--scale N     PNG pixels per map pixel, a decimal number above 0 and at most 16 (default 2; 1, 2 and 4
              are usual); for pages, per page pixel (default 1: a 16:9 page is 1920×1080)
--theme       light (default), dark or print
--direction   down (thesis on top, default) or right (thesis on the left)

Pages (PDF, PowerPoint, or one picture per page); body text is never drawn under 12 pt, a map or step too
large for a page is continued on further pages, never shrunk:
--slides      the tour as a deck: a title page with the contents, then a 16:9 page per step (a .pptx file is
              always a deck, with the steps' titles and speaker notes)
--handout     A4 pages: each step's picture with its speaker note and the quotes of its boxes
--page SIZE   16:9, 4:3, a4, a4-landscape, letter or letter-landscape; a PDF without --slides or
              --handout is the whole map on pages of this size (a4-landscape by default)
--step N      only step N of the tour (from 1), as the presentation shows it; 5b, one page of a step
              shown in parts (the parts of the page size asked for, which may differ from the screen's)
--node ID     only that box and every box below it: one picture (SVG, PNG), or pages (PDF, --page)
--no-caption  leave out the caption (the map's and the step's titles, the source, the page number)

Evaluation (pictures and pages; docs/EVALUATION.md):
--evaluate    draw each statement's status under the map's own assumptions, inactive relations faded, with
              a legend
--accept ID, --reject ID
              assume this statement accepted or rejected (repeatable; implies --evaluate)
`,
  evaluate: `Usage: argmap evaluate <file> [--accept ID]... [--reject ID]... [--critical] [--json] [--no-presumption]

Gives every statement a status under the assumptions (docs/EVALUATION.md): accepted, rejected, in (no
reasons, nothing against it), supported, unsupported (its reasons all fail), out (an active attack defeats
it) or undecided. The map's own "assumptions" key is the start; --accept and --reject add to it.
--critical      rank the statements by what falls when each alone is rejected (the critical premises)
--json          {"statements":{id:status},"relations":{id:status},"conflicts":[...]} (and "critical")
--no-presumption  statements without reasons are undecided rather than in
`,
  validate: `Usage: argmap validate <file>

Checks the file's syntax, its structure against the argmap v1 schema, that ids are unique and references
resolve, and that every quote is found in the source text. Prints each problem as file:line:col: message.
Exit code: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.
`,
  stats: `Usage: argmap stats <file> [--json]

Prints counts: statements, arguments, relations by type, linked relations (two or more co-premises), groups,
distinct tags, and quotes (total and verified against the source text).
--json prints {"statements":n,"arguments":n,"relations":{...},"linked":n,"groups":n,"tags":n,"quotes":{...}},
then "implicit":n when the map has statements the reconstruction adds.
`,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`argmap: ${error.message}\nRun "argmap --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliIoError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`argmap: unexpected failure: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(overview);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${__ARGMAP_VERSION__}\n`);
    return EXIT_OK;
  }
  const help = commandHelp[command];
  if (help === undefined) throw new UsageError(`unknown command "${command}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(help);
    return EXIT_OK;
  }
  if (command === 'validate') return validate(rest, io);
  if (command === 'export') return exportCommand(rest, io);
  if (command === 'evaluate') return evaluateCommand(rest, io);
  return stats(rest, io);
}

function parse(args: readonly string[], options: ParseArgsConfig['options'] = {}) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's own words for an unknown option run on about "--" and end on an unbalanced quote.
    const unknown =
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option "${unknown[1]}"` : message);
  }
}

function oneFile(positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError('missing <file> (use - for standard input)');
  if (positionals.length > 1) throw new UsageError(`expected one file, got ${positionals.length}`);
  return positionals[0] as string;
}

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const file = oneFile(parse(args).positionals);
  const loaded = await (await loadFile()).loadMapFile(file, io, { checkSteps: true });
  for (const problem of loaded.problems) io.stderr(formatProblem(problem, displayName(file)) + '\n');
  if (!loaded.valid || !loaded.map) {
    const errors = errorCount(loaded.problems);
    io.stderr(`${displayName(file)}: invalid (${errors} error${errors === 1 ? '' : 's'})\n`);
    return EXIT_INVALID;
  }
  const counts = mapStats(loaded.map, loaded.sourceText);
  const warnings = loaded.problems.length;
  io.stdout(
    `${displayName(file)}: valid: ${counted(counts.statements, 'statement')}, ${counted(loaded.map.relations.length, 'relation')}, ` +
      (counts.implicit ? `${counts.implicit} implicit, ` : '') +
      `${counts.quotes.verified}/${counts.quotes.total} quotes verified` +
      (warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '') +
      '\n',
  );
  return EXIT_OK;
}

async function stats(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = oneFile(positionals);
  const loaded = await (await loadFile()).loadMapFile(file, io);
  if (!loaded.map || !loaded.valid) {
    for (const problem of loaded.problems) io.stderr(formatProblem(problem, displayName(file)) + '\n');
    return EXIT_INVALID;
  }
  const counts = mapStats(loaded.map, loaded.sourceText);
  io.stdout(values.json ? JSON.stringify(counts) + '\n' : statsTable(counts));
  return EXIT_OK;
}

async function evaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    accept: { type: 'string', multiple: true },
    reject: { type: 'string', multiple: true },
    critical: { type: 'boolean' },
    json: { type: 'boolean' },
    'no-presumption': { type: 'boolean' },
  });
  const file = oneFile(positionals);
  const loaded = await (await loadFile()).loadMapFile(file, io);
  if (!loaded.map || !loaded.valid) {
    for (const problem of loaded.problems) io.stderr(formatProblem(problem, displayName(file)) + '\n');
    return EXIT_INVALID;
  }
  const { evaluateReport } = await import('./evaluate-command.ts');
  const report = evaluateReport(loaded.map, {
    accept: (values.accept as string[] | undefined) ?? [],
    reject: (values.reject as string[] | undefined) ?? [],
    json: values.json === true,
    critical: values.critical === true,
    presumption: values['no-presumption'] !== true,
  });
  if ('error' in report) throw new UsageError(report.error);
  for (const warning of report.warnings) io.stderr(`${displayName(file)}: warning: ${warning}\n`);
  io.stdout(report.output);
  return EXIT_OK;
}

function statsTable(counts: MapStats): string {
  const r = counts.relations;
  const rows: [string, number | string][] = [
    ['statements', counts.statements],
    ['arguments', counts.arguments],
    ['relations', `${Object.values(r).reduce((sum, n) => sum + (n ?? 0), 0)}`],
    ['  support', r.support],
    ['  attack', r.attack],
    ['  undercut', r.undercut],
    ['  contradiction', r.contradiction],
    ...(r.entails !== undefined ? [['  entails', r.entails] as [string, number]] : []),
    ...(r.contrary !== undefined ? [['  contrary', r.contrary] as [string, number]] : []),
    ['linked', counts.linked],
    ['groups', counts.groups],
    ['tags', counts.tags],
    ['quotes', `${counts.quotes.verified}/${counts.quotes.total} verified`],
    ...(counts.implicit ? [['implicit', counts.implicit] as [string, number]] : []),
  ];
  return rows.map(([name, value]) => `${name.padEnd(16)}${value}`).join('\n') + '\n';
}

async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    scale: { type: 'string' },
    theme: { type: 'string' },
    direction: { type: 'string' },
    slides: { type: 'boolean' },
    handout: { type: 'boolean' },
    page: { type: 'string' },
    step: { type: 'string' },
    node: { type: 'string' },
    'no-caption': { type: 'boolean' },
    evaluate: { type: 'boolean' },
    accept: { type: 'string', multiple: true },
    reject: { type: 'string', multiple: true },
  });
  const file = oneFile(positionals);
  const output = values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o <out> (use -o - for standard output)');
  const isDirectory = output.endsWith('/');
  const named = formatOfName(output);
  if (values.format === undefined && named === undefined && unknownExtension(output))
    throw new UsageError(
      `cannot tell what to write by the extension of "${output}": use .svg, .png, .pdf, .pptx, .html, .json, ` +
        '.aif or .aif.json, .argdown or .ad, or say --format',
    );
  const format = oneOf(
    '--format',
    (values.format as string | undefined) ?? named ?? (isDirectory ? 'png' : 'svg'),
    ['svg', 'png', 'json', 'aif', 'argdown', 'pdf', 'pptx', 'html'],
  );
  const theme = oneOf('--theme', (values.theme as string | undefined) ?? 'light', ['light', 'dark', 'print']);
  const direction = oneOf('--direction', (values.direction as string | undefined) ?? 'down', [
    'down',
    'right',
  ]);
  const pages = pagesRequest(values, format, theme);
  // Pages are drawn at their own size (a 16:9 page is 1920×1080 at 1); a map's picture at twice its own.
  const scale = scaleOption(values.scale as string | undefined, pages ? 1 : 2);
  if (isDirectory && !pages) throw new UsageError('-o DIR/ writes pages: add --slides, --handout or --page');

  const loaded = await (await loadFile()).loadMapFile(file, io);
  if (!loaded.map || !loaded.valid) {
    for (const problem of loaded.problems) io.stderr(formatProblem(problem, displayName(file)) + '\n');
    return EXIT_INVALID;
  }
  const evaluation = await exportEvaluation(loaded.map, values, format);
  for (const warning of evaluation?.warnings ?? []) io.stderr(`${displayName(file)}: warning: ${warning}\n`);
  const marks = evaluation ? { evaluation: evaluation.marks } : {};
  try {
    if (pages) {
      const { composeRequest, writePages } = await import('./export-pages.ts');
      const doc = composeRequest(loaded.map, { ...pages, ...marks });
      await writePages(doc, { output, isDirectory }, format as PagesFormat, { scale, theme }, io);
      return EXIT_OK;
    }
    const caption = !values['no-caption'];
    const data =
      format === 'html'
        ? await (await import('./export-html.ts')).exportHtml(loaded.map, theme)
        : format === 'json' || format === 'argdown' || format === 'aif'
          ? (await import('./map-text.ts')).mapText(loaded.map, format)
          : await (
              await import('./export.ts')
            ).exportMap(loaded.map, {
              ...{ format: format as 'svg' | 'png', scale, theme, direction, caption },
              ...marks,
            });
    if (output === '-') io.stdout(data);
    else await writeOut(io, output, data);
  } catch (error) {
    if (error instanceof ExportError || error instanceof PagesError) {
      io.stderr(`${displayName(file)}: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  return EXIT_OK;
}

/**
 * The statuses an export draws: with `--evaluate`, `--accept` or `--reject`, the map evaluated under its own
 * assumptions and those given; undefined without them. Only pictures and pages draw them.
 */
async function exportEvaluation(
  map: ArgumentMap,
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
  format: string,
): Promise<{ marks: EvaluationMarks; warnings: string[] } | undefined> {
  const accept = (values.accept as string[] | undefined) ?? [];
  const reject = (values.reject as string[] | undefined) ?? [];
  if (!values.evaluate && accept.length === 0 && reject.length === 0) return undefined;
  if (!['svg', 'png', 'pdf', 'pptx'].includes(format))
    throw new UsageError(
      `--evaluate draws statuses on pictures and pages (svg, png, pdf, pptx), not ${format}`,
    );
  const [{ givenAssumptions }, { evaluate }] = await Promise.all([
    import('./evaluate-command.ts'),
    import('../core/evaluate/evaluate.ts'),
  ]);
  const assumed = givenAssumptions(map, accept, reject);
  if ('error' in assumed) throw new UsageError(assumed.error);
  return { marks: evaluate(map, assumed.given), warnings: assumed.warnings };
}

async function writeOut(io: CliIo, output: string, data: string | Uint8Array): Promise<void> {
  try {
    await io.writeFile(output, data);
  } catch (error) {
    throw new CliIoError(
      `${output}: cannot write: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The pages an export asks for, or undefined for a plain picture or a map file: `--slides`, `--handout`,
 * `--page`, `--step`, `--node`, or a PDF or PowerPoint file (a deck; a PDF without them is the map's pages).
 */
function pagesRequest(
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
  format: string,
  theme: ThemeName,
): PagesRequest | undefined {
  const asked = ['slides', 'handout', 'page', 'step', 'node'].some((key) => values[key] !== undefined);
  if (!asked && format !== 'pdf' && format !== 'pptx') return undefined;
  if (!['svg', 'png', 'pdf', 'pptx'].includes(format))
    throw new UsageError(`pages are written as svg, png, pdf or pptx, not ${format}`);
  if (values.slides && values.handout) throw new UsageError('choose --slides or --handout, not both');
  const page = values.page === undefined ? undefined : oneOf('--page', String(values.page), PAGE_NAMES);
  // Leading zeros as in the files' names (step-05a.png) are taken: "05a" is page 5a.
  const stepText = values.step === undefined ? undefined : String(values.step).replace(/^0+(?=\d)/, '');
  if (stepText !== undefined && !/^[1-9]\d*[a-z]*$/.test(stepText))
    throw new UsageError('--step must be a step number from 1, or a page of a step in parts (5b)');
  // A page's label ("5b") as given; a step's number as a number.
  const step = stepText === undefined || /[a-z]/.test(stepText) ? stepText : Number(stepText);
  const kind = values.handout ? 'handout' : values.slides || format === 'pptx' ? 'slides' : 'map';
  return {
    kind,
    caption: !values['no-caption'],
    theme,
    picture: format === 'png' || format === 'svg',
    ...(page ? { page } : {}),
    ...(step !== undefined ? { step } : {}),
    ...(values.node !== undefined ? { node: String(values.node) } : {}),
  };
}

/** The export format an output file name asks for, by its extension. */
function formatOfName(name: string): ExportFormat | PagesFormat | 'html' | undefined {
  if (/\.aif(\.json)?$/i.test(name)) return 'aif';
  if (/\.html?$/i.test(name)) return 'html';
  const extension = /\.(svg|png|json|argdown|ad|pdf|pptx)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'ad' ? 'argdown' : (extension as ExportFormat | PagesFormat | undefined);
}

/**
 * An output name whose extension names no format (`map.docx`): refused rather than written as SVG, which
 * only a name without an extension (or standard output, `-`) gets.
 */
const unknownExtension = (name: string): boolean => /[^/\\.]\.[^/\\.]+$/.test(name);

/**
 * `--scale`: a plain decimal number (`2`, `0.5`, `.5`) above 0 and at most 16. Number() alone would take
 * `0x10` as 16, `1e-9` as a scale that draws nothing, and `''` as 0.
 */
export function scaleOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const scale = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(scale > 0 && scale <= 16))
    throw new UsageError(`--scale must be a decimal number above 0 and at most 16, not "${value}"`);
  return scale;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/** "1 statement", "3 statements". */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
