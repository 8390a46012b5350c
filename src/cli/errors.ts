/**
 * The CLI's failures, each with its exit code (docs/ARCHITECTURE.md, "Exports and the command line"). They
 * live apart from the modules that raise them so that the command dispatcher can tell them apart without
 * loading those modules (the PNG renderer, the PDF and PowerPoint writers) for commands that need none.
 */

/** An I/O failure (exit code 2), as opposed to problems in the map (exit code 1). */
export class CliIoError extends Error {}

/** A picture that cannot be drawn as asked (exit code 1). */
export class ExportError extends Error {}

/** Pages that cannot be written as asked (exit code 1). */
export class PagesError extends Error {}
