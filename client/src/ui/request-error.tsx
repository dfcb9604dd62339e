/**
 * A failed request: what could not be loaded, why in the UI's words (chosen by the
 * error's code and status, never the server's text), the problems of a 4xx (which the
 * server words in the UI's language), and a retry.
 */
import { asApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/use-i18n.ts';

export function RequestErrorMessage({ message, error, onRetry }: { message: string; error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const apiError = asApiError(error);
  const problems = apiError.userProblems;
  return (
    <div className="request-error" role="alert" data-error-code={apiError.code}>
      <p className="request-error-message">{message}</p>
      <p className="request-error-reason">{t(apiError.messageKey, { status: apiError.status ?? '–' })}</p>
      {problems.length > 0 && (
        <ul className="request-error-problems">
          {problems.map((problem, i) => (
            <li key={i}>
              {problem.message.startsWith(problem.field) ? null : <span className="mono">{problem.field}: </span>}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
