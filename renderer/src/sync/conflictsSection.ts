/** The section key of the Conflicten screen, reached from the top bar; not part of the settings tree. */
export const conflictsSection = 'sync.conflicts';
