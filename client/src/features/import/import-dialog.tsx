/**
 * "Daten importieren": pick a kind and a file, check it (dry run) or import it. Shows
 * the upload, then the server's phases as they stream, then the result: how many rows
 * were read and inserted/updated/deleted, or every reported error with row, field,
 * value and reason. A successful import (not a dry run) calls `onImported`, which
 * reloads the data everywhere.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { importKinds, type ImportKind, type ImportPhase, type ImportResultLine } from '../../../../server/src/schemas/import.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ProgressMeter } from '../../ui/progress-meter.tsx';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { monthRuns } from './month-runs.ts';
import { postImport, type RunningImport } from './post-import.ts';
import { CloseButton } from '../../ui/close-button.tsx';
import './import.css';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** After a committed import without errors. */
  onImported: (result: ImportResultLine) => void;
}

type Progress =
  | { step: 'idle' }
  | { step: 'uploading'; loaded: number; total: number; dryRun: boolean }
  | { step: 'processing'; phase: ImportPhase; done: number; total: number; dryRun: boolean }
  | { step: 'done'; result: ImportResultLine }
  | { step: 'failed'; error: Error };

export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const { t, integer, percent } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const running = useRef<RunningImport | null>(null);
  const [kind, setKind] = useState<ImportKind>('properties');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress>({ step: 'idle' });
  const busy = progress.step === 'uploading' || progress.step === 'processing';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Closing the dialog cancels an import still running (the server rolls it back).
  useEffect(() => () => running.current?.abort(), []);

  const start = (dryRun: boolean) => {
    if (!file || busy) return;
    setProgress({ step: 'uploading', loaded: 0, total: file.size, dryRun });
    const run = postImport(
      { kind, file, dryRun },
      {
        onUpload: (loaded, total) => setProgress((p) => (p.step === 'uploading' ? { ...p, loaded, total } : p)),
        onLine: (line) => {
          if (line.type === 'progress') setProgress({ step: 'processing', phase: line.phase, done: line.done, total: line.total, dryRun });
        },
      },
    );
    running.current = run;
    run.done.then(
      (result) => {
        running.current = null;
        setProgress({ step: 'done', result });
        if (!result.dryRun && result.errorCount === 0) onImported(result);
      },
      (error: Error) => {
        running.current = null;
        setProgress(error.name === 'AbortError' ? { step: 'idle' } : { step: 'failed', error });
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    start(submitter?.value !== 'import');
  };

  const close = () => {
    running.current?.abort();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      data-testid="import-dialog"
      aria-labelledby="import-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form className="dialog-body" onSubmit={onSubmit}>
        <div className="dialog-header">
          <h2 id="import-dialog-title" className="dialog-title">
            {t('import.title')}
          </h2>
          <CloseButton label={t('import.close')} onClick={close} />
        </div>
        <p className="dialog-intro">{t('import.intro')}</p>
        <div className="form-grid">
          <label htmlFor="import-kind">{t('import.kind')}</label>
          <select
            id="import-kind"
            data-testid="import-kind"
            value={kind}
            disabled={busy}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setProgress({ step: 'idle' });
            }}
          >
            {importKinds.map((k) => (
              <option key={k} value={k}>
                {t(`import.kinds.${k}`)}
              </option>
            ))}
          </select>
          <span />
          <p className="hint form-hint">{t(`import.columns.${kind}`)}</p>
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            data-testid="import-file"
            type="file"
            accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProgress({ step: 'idle' });
            }}
          />
        </div>

        <div className="dialog-status" aria-live="polite">
          {progress.step === 'uploading' && (
            <ProgressMeter
              testId="import-upload"
              label={t('import.uploading', { share: percent(progress.total > 0 ? progress.loaded / progress.total : 0) })}
              value={progress.loaded}
              max={progress.total}
            />
          )}
          {progress.step === 'processing' && (
            <ProgressMeter
              testId="import-progress"
              label={t(`import.phase.${progress.phase}`, { done: integer(progress.done), total: integer(progress.total) })}
              value={progress.done}
              max={progress.total}
            />
          )}
          {progress.step === 'failed' && <RequestErrorMessage message={t('import.failed')} error={progress.error} />}
          {progress.step === 'done' && <ImportResultView result={progress.result} />}
        </div>

        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('import.close')}
          </button>
          <span className="dialog-actions-spacer" />
          <button type="submit" name="action" value="check" className="button" data-testid="import-check" disabled={!file || busy}>
            {t('import.check')}
          </button>
          <button type="submit" name="action" value="import" className="button button-primary" data-testid="import-run" disabled={!file || busy}>
            {t('import.run')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ImportResultView({ result }: { result: ImportResultLine }) {
  const { t, integer, month } = useI18n();
  const counts = { rows: integer(result.rows), inserted: integer(result.inserted), updated: integer(result.updated), deleted: integer(result.deleted) };
  if (result.errorCount > 0) {
    const more = result.errorCount - result.errors.length;
    return (
      <div className="import-result import-result-errors" data-testid="import-result">
        <p className="import-result-title">{t('import.hasErrors', { count: integer(result.errorCount), rows: counts.rows })}</p>
        <div className="table-scroll import-errors-scroll">
          <table className="data-table" data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('import.errorRow')}
                </th>
                <th scope="col">{t('import.errorField')}</th>
                <th scope="col">{t('import.errorValue')}</th>
                <th scope="col">{t('import.errorReason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <td className="numeric">{e.row === 0 ? '–' : integer(e.row)}</td>
                  <td className="mono">{e.field || '–'}</td>
                  <td className="mono import-value">{e.value === '' ? <span className="muted">{t('import.empty')}</span> : e.value}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {more > 0 && <p className="hint">{t('import.moreErrors', { count: integer(more) })}</p>}
      </div>
    );
  }
  return (
    <div className="import-result import-result-ok" data-testid="import-result">
      <p className="import-result-title">{t(result.dryRun ? 'import.checkedOk' : 'import.importedOk', counts)}</p>
      <p>{t(result.dryRun ? 'import.wouldChange' : 'import.changed', counts)}</p>
      {result.months && result.months.length > 0 && (
        <p className="hint">
          {t('import.months', {
            months: monthRuns(result.months)
              .map(([from, to]) => (from === to ? month(from, 'short') : `${month(from, 'short')} – ${month(to, 'short')}`))
              .join(', '),
          })}
        </p>
      )}
      {result.notes?.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
    </div>
  );
}
