import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** One cell as the file holds it: CSV gives text; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** A row as a person sees it in the spreadsheet: `row` 1 is the first line (the header). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** The file cannot be read as a spreadsheet of the given format (the import fails as a whole). */
export class SheetError extends Error {}

/** Streams the rows of the first worksheet (XLSX) or of the file (CSV), never holding the whole file. */
export function readSheet(format: 'CSV' | 'XLSX', body: Readable): AsyncGenerator<SheetRow> {
  return format === 'CSV' ? csvRows(body) : xlsxRows(body);
}

const SAMPLE_BYTES = 64 * 1024;

async function* csvRows(body: Readable): AsyncGenerator<SheetRow> {
  const text = decodedText(body);
  try {
    const first = await text.next();
    if (first.done) return;
    const parser = parse({
      delimiter: delimiterOf(first.value), relax_column_count: true, relax_quotes: true, info: true, max_record_size: 1_000_000,
    });
    const source = Readable.from(prepend(first.value, text));
    source.on('error', (e) => parser.destroy(e));
    source.pipe(parser);
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      yield { row: info.records, cells: record };
    }
  } catch (e) {
    throw asSheetError(e, 'CSV');
  } finally {
    body.destroy();
  }
}

/**
 * Text of a CSV in UTF-8 (with or without byte-order mark) or, failing that, GB18030: Excel on Chinese
 * Windows saves "CSV" in the ANSI code page. Decided on the first 64 KiB.
 */
async function* decodedText(body: Readable): AsyncGenerator<string> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let sample = Buffer.alloc(0);
  while (sample.length < SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    sample = Buffer.concat([sample, next.value]);
  }
  if (sample.length === 0) return;
  if (sample.includes(0)) throw new SheetError('the file is not text (is it an .xlsx or .xls file named .csv?)');
  let encoding = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    encoding = 'gb18030';
  }
  const decoder = new TextDecoder(encoding);
  yield decoder.decode(sample, { stream: true });
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    yield decoder.decode(next.value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* prepend(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

/** Comma unless the header line holds more semicolons or tabs (some exports use those). */
function delimiterOf(text: string): string {
  const line = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const count = (ch: string) => line.split(ch).length - 1;
  return [',', ';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

async function* xlsxRows(body: Readable): AsyncGenerator<SheetRow> {
  // styles: 'cache' so date-formatted cells come back as dates rather than serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(body, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        yield { row: row.number, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellOf(values[i + 1])) };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    throw asSheetError(e, 'XLSX');
  } finally {
    body.destroy();
  }
}

function asSheetError(e: unknown, format: string): SheetError {
  if (e instanceof SheetError) return e;
  if ((e as { code?: string }).code === 'ENOENT') return new SheetError('the uploaded file is missing from storage');
  return new SheetError(`the file cannot be read as ${format}: ${(e as Error).message}`);
}

/** Rich text, formulas (their cached result), hyperlinks and error values reduced to a plain cell. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return cellOf(o.result);
    if ('text' in o) return cellOf(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}
