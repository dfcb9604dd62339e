/** ISO 639-1 codes as small badges ("RO"), the language's name as their tooltip. */
import { languageName } from '../../i18n/language-name.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import './coverage.css';

export function LanguageBadges({ codes, tone = 'plain' }: { codes: readonly string[]; tone?: 'plain' | 'missing' }) {
  const { locale } = useI18n();
  return (
    <span className="language-badges">
      {codes.map((code) => (
        <abbr key={code} className={`lang-badge lang-badge-${tone}`} title={languageName(locale, code)}>
          {code.toUpperCase()}
        </abbr>
      ))}
    </span>
  );
}
