import { useContext } from 'react';
import { I18nContext, type I18n } from './i18n-provider.tsx';

/** `const { t, km2 } = useI18n(); t('panel.close')` */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
