import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain.js';
import { useApp } from '../AppContext.js';
import { SelectStandIn } from './SelectStandIn.js';

const STYLE = { minWidth: 140 };

/**
 * The live language switch (login screen and header). `standIn`: only the current language in
 * a box of the select's size, until the screen has been painted.
 */
export function LanguageSelect({
  id,
  bare,
  standIn,
}: {
  id?: string;
  bare?: boolean;
  standIn?: boolean;
}) {
  const { t } = useTranslation();
  const { language, setLanguage } = useApp();
  if (standIn) return <SelectStandIn label={t(`language.${language}`)} style={STYLE} />;
  return (
    <Select<Language>
      id={id}
      aria-label={bare ? t('login.language') : undefined}
      value={language}
      onChange={setLanguage}
      style={STYLE}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
