import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain.js';
import { useApp } from '../AppContext.js';

/** The live language switch (login screen and header). */
export function LanguageSelect({ id, bare }: { id?: string; bare?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useApp();
  return (
    <Select<Language>
      id={id}
      aria-label={bare ? t('login.language') : undefined}
      value={language}
      onChange={setLanguage}
      style={{ minWidth: 140 }}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
