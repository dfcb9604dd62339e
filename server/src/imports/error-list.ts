import type { Locale } from '../i18n/request-locale.ts';
import { maxReportedErrors, type ImportError } from '../schemas/import.ts';
import type { Reason } from './reasons.ts';

/** An error as the readers find it: where, and the reason in both languages. */
export interface FoundError {
  row: number;
  field: string;
  value: string;
  reason: Reason;
}

/**
 * Collects the errors of one import: counts every error and keeps the first 100
 * by row, then by column order, whatever order they were found in (reading, then
 * database checks). Memory stays bounded for a file where every row is wrong.
 * Each kept error carries its code and the reason in the import's language.
 */
export class ErrorList {
  count = 0;
  private kept: { error: ImportError; order: number }[] = [];
  private readonly fieldOrder: Map<string, number>;

  /**
   * @param fields column names in file order, so that errors within a row come in that order
   * @param locale language of the reasons @default 'en'
   */
  constructor(
    fields: readonly string[] = [],
    readonly locale: Locale = 'en',
  ) {
    this.fieldOrder = new Map(fields.map((field, i) => [field, i]));
  }

  add(row: number, field: string, value: string, reason: Reason): void {
    this.count++;
    const error = { row, field, value, reason: reason.text[this.locale], code: reason.code };
    this.kept.push({ error, order: this.fieldOrder.get(field) ?? this.fieldOrder.size });
    if (this.kept.length >= maxReportedErrors * 10) this.compact();
  }

  addFound(found: FoundError): void {
    this.add(found.row, found.field, found.value, found.reason);
  }

  /** Adds `total` errors of which `some` are the first ones (a database check that returns only its first 100). */
  addCounted(some: FoundError[], total: number): void {
    for (const e of some) this.addFound(e);
    this.count += total - some.length;
  }

  get errors(): ImportError[] {
    this.compact();
    return this.kept.map((k) => k.error);
  }

  private compact(): void {
    this.kept.sort((a, b) => a.error.row - b.error.row || a.order - b.order);
    this.kept.length = Math.min(this.kept.length, maxReportedErrors);
  }
}
