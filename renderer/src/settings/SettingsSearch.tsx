import { AutoComplete, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { useNavigation } from '../app/useNavigation';
import { searchSettings } from './searchIndex';

/** Search over every setting; choosing a result opens its section and highlights the field. */
export function SettingsSearch() {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNavigation();
  const [query, setQuery] = useState('');
  const hits = searchSettings(query, lang);

  const options = hits.map((hit) => ({
    value: `${hit.section}|${hit.field ?? ''}`,
    label: (
      <div>
        <div>{hit.label}</div>
        <div style={{ fontSize: 12, color: '#595959' }}>{hit.sectionLabel}</div>
      </div>
    ),
  }));

  return (
    <AutoComplete
      value={query}
      options={options}
      onSearch={setQuery}
      onChange={setQuery}
      onSelect={(value: string) => {
        const [section = '', field] = value.split('|');
        setQuery('');
        go(section, field || undefined);
      }}
      notFoundContent={query.trim().length >= 2 ? t('search.noResults', { query }) : null}
      style={{ width: '100%' }}
    >
      <Input.Search aria-label={t('search.label')} placeholder={t('search.placeholder')} allowClear />
    </AutoComplete>
  );
}
