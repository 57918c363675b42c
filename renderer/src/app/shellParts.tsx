import { createPortal } from 'react-dom';
import { SectionPage } from '../settings/SectionPage';
import { SettingsSearch } from '../settings/SettingsSearch';
import { UnsavedChangesQuestion } from '../settings/UnsavedChangesQuestion';
// The changes the main process tells of patch the data these parts show, from now on.
import '../store/liveUpdates';
import { AntdFrame } from './AntdFrame';
import { TopBar } from './TopBar';

/** The shell's empty places the parts are drawn into (Shell.tsx). */
export interface ShellPlaces {
  topBar: HTMLElement;
  search: HTMLElement;
  content: HTMLElement;
}

/**
 * The parts of the shell drawn after the settings tree's first frame, in a chunk of their own with
 * antd: the top bar, the search box (with the search index over the whole catalogue), the open
 * section (forms, lists, information pages) and the question before leaving unsaved changes.
 * Evaluating them (antd, the catalogue's validators) no longer stands between sign-in and the
 * tree. They are drawn into the shell's places through portals, so one antd frame (one theme,
 * one place for messages and dialogs) holds them all while the shell's frame and the tree, drawn
 * before this code arrived, stay as they are.
 */
export function ShellParts({ places, section }: { places: ShellPlaces; section: string }) {
  return (
    <AntdFrame>
      {createPortal(<TopBar />, places.topBar)}
      {createPortal(<SettingsSearch />, places.search)}
      {createPortal(<SectionPage key={section} section={section} />, places.content)}
      <UnsavedChangesQuestion />
    </AntdFrame>
  );
}
