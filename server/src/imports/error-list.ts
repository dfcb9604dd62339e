import { maxReportedErrors, type ImportError } from '../schemas/import.ts';

/**
 * Collects the errors of one import: counts every error and keeps the first 100
 * by row, then by column order, whatever order they were found in (reading, then
 * database checks). Memory stays bounded for a file where every row is wrong.
 */
export class ErrorList {
  count = 0;
  private kept: { error: ImportError; order: number }[] = [];
  private readonly fieldOrder: Map<string, number>;

  /** @param fields column names in file order, so that errors within a row come in that order */
  constructor(fields: readonly string[] = []) {
    this.fieldOrder = new Map(fields.map((field, i) => [field, i]));
  }

  add(row: number, field: string, value: string, reason: string): void {
    this.count++;
    this.kept.push({ error: { row, field, value, reason }, order: this.fieldOrder.get(field) ?? this.fieldOrder.size });
    if (this.kept.length >= maxReportedErrors * 10) this.compact();
  }

  /** Adds `total` errors of which `some` are the first ones (a database check that returns only its first 100). */
  addCounted(some: ImportError[], total: number): void {
    for (const e of some) this.add(e.row, e.field, e.value, e.reason);
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
