import { useDeferredValue, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { useNavigation } from '../app/useNavigation';
import { searchSettings, type SearchHit } from './searchIndex';

const listId = 'settings-search-results';
const optionId = (index: number) => `${listId}-${index}`;

/**
 * Search over every setting; choosing a result opens its section and highlights the field. A
 * WAI-ARIA combobox: arrow keys move through the results, Enter opens one, Escape closes the list.
 * Plain markup instead of antd's AutoComplete: a keystroke there re-rendered the whole select
 * (its popup, alignment and measured list) before the next frame; here the keystroke only sets
 * the box's text, and the result list follows in a render React may interrupt.
 */
export function SettingsSearch() {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNavigation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(() => searchSettings(deferredQuery, lang), [deferredQuery, lang]);
  const asked = deferredQuery.trim().length >= 2;
  const listed = open && asked && hits.length > 0;

  const choose = (hit: SearchHit) => {
    setQuery('');
    setOpen(false);
    go(hit.section, hit.field);
  };

  // The same elements while the hits and the active line stay: a keystroke skips the list.
  const options = useMemo(
    () =>
      hits.map((hit, index) => (
        <li key={`${hit.section}|${hit.field ?? ''}`} id={optionId(index)} role="option" aria-selected={index === active} data-index={index} className="bo-search-option">
          <div>{hit.label}</div>
          <div className="bo-search-section">{hit.sectionLabel}</div>
        </li>
      )),
    [hits, active],
  );

  // Chosen on mouse down, before the box loses focus and closes the list.
  function pick(event: MouseEvent<HTMLUListElement>) {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const hit = option ? hits[Number(option.dataset.index)] : undefined;
    if (!hit) return;
    event.preventDefault();
    choose(hit);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((at) => (listed ? (at + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      const hit = listed ? hits[active] : undefined;
      if (!hit) return;
      choose(hit);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    } else return;
    event.preventDefault();
  }

  return (
    <div className="bo-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={listId}
        aria-activedescendant={listed ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {open && asked && hits.length === 0 && (
        <div className="bo-search-popup bo-search-empty" role="status">
          {t('search.noResults', { query: deferredQuery })}
        </div>
      )}
      {/* Always in the page, so the combobox's aria-controls names an element; hidden while empty. */}
      <ul role="listbox" id={listId} aria-label={t('search.label')} className="bo-search-popup" hidden={!listed} onMouseDown={pick}>
        {listed ? options : null}
      </ul>
    </div>
  );
}
