/** A failed request: what could not be loaded, the technical detail, and a retry. */
import { useI18n } from '../i18n/use-i18n.ts';

export function RequestErrorMessage({ message, error, onRetry }: { message: string; error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="request-error" role="alert">
      <p className="request-error-message">{message}</p>
      <p className="request-error-detail">{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
