/**
 * The parts of the shell drawn after the settings tree's first frame, in a chunk of their own: the
 * top bar, the search box (with the search index over the whole catalogue) and the section pages
 * (forms, lists, information pages). Evaluating them (the catalogue's validators among them) no
 * longer stands between sign-in and the tree.
 */
export { SettingsSearch } from '../settings/SettingsSearch';
export { SectionPage } from '../settings/SectionPage';
export { TopBar } from './TopBar';
