import { describe, expect, it } from 'vitest';
import { ndjsonReader, parseImportLine } from './ndjson-lines.ts';

const progress = { type: 'progress', phase: 'validating', done: 500, total: 2000 };
const result = { type: 'result', kind: 'residents', dryRun: true, rows: 2000, inserted: 0, updated: 0, deleted: 0, errors: [], errorCount: 0 };

describe('ndjsonReader', () => {
  it('returns complete lines and keeps a split line until its end arrives', () => {
    const reader = ndjsonReader();
    const text = `${JSON.stringify(progress)}\n${JSON.stringify(result)}\n`;
    const cut = text.indexOf('"rows"');
    expect(reader.push(text.slice(0, cut))).toEqual([progress]);
    expect(reader.push(text.slice(cut))).toEqual([result]);
    expect(reader.end()).toEqual([]);
  });

  it('reads a last line without a newline at the end, and CRLF line ends', () => {
    const reader = ndjsonReader();
    expect(reader.push(`${JSON.stringify(progress)}\r\n${JSON.stringify(result)}`)).toEqual([progress]);
    expect(reader.end()).toEqual([result]);
  });

  it('feeds byte by byte as well as in one piece', () => {
    const text = `${JSON.stringify(progress)}\n\n${JSON.stringify(result)}\n`;
    const reader = ndjsonReader();
    const lines = [...text].flatMap((ch) => reader.push(ch));
    expect([...lines, ...reader.end()]).toEqual([progress, result]);
  });
});

describe('parseImportLine', () => {
  it('recognises progress, result and fault lines', () => {
    expect(parseImportLine(JSON.stringify(progress))).toEqual(progress);
    expect(parseImportLine(JSON.stringify(result))).toEqual(result);
    expect(parseImportLine('{"type":"error","message":"database unavailable"}')).toEqual({ type: 'error', message: 'database unavailable' });
  });

  it('marks anything else unreadable instead of dropping it', () => {
    expect(parseImportLine('<html>')).toEqual({ type: 'unreadable', text: '<html>' });
    expect(parseImportLine('{"type":"progress"}')).toEqual({ type: 'unreadable', text: '{"type":"progress"}' });
    expect(parseImportLine('[1,2]')).toEqual({ type: 'unreadable', text: '[1,2]' });
  });
});
