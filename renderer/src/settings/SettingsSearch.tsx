import { AutoComplete, Input } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
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
  // The box shows each key at once; the result list follows in a render React may interrupt, so
  // typing never waits for the list to be drawn.
  const deferredQuery = useDeferredValue(query);
  const options = useMemo(
    () =>
      searchSettings(deferredQuery, lang).map((hit) => ({
        value: `${hit.section}|${hit.field ?? ''}`,
        label: (
          <div>
            <div>{hit.label}</div>
            <div style={{ fontSize: 12, color: '#595959' }}>{hit.sectionLabel}</div>
          </div>
        ),
      })),
    [deferredQuery, lang],
  );

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
