import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { startApi } from './startApi';

/** What the screen is doing, as opposed to what is stored: where the user is, and unsaved edits. */
export interface UiState {
  section: string;
  /** A field a search result pointed at; the form scrolls to it and highlights it once. */
  highlight: { section: string; field: string } | null;
  /** The section whose form has unsaved changes, if any. */
  dirtySection: string | null;
  /** Where the user asked to go while a form had unsaved changes: the question whether to leave it is open. */
  leaving: LeaveTarget | null;
}

/** Away from a form: to another section (and field), out of the app by signing out, or shut by closing the list item form. */
export type LeaveTarget = { section: string; field?: string } | { signOut: true } | { closeItemForm: true };

const initialState: UiState = { section: 'company.general', highlight: null, dirtySection: null, leaving: null };

export const ui = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    openSection(state, action: PayloadAction<{ section: string; field?: string }>) {
      // Moving within the open section (a search hit or a link to one of its fields, a click on
      // it in the tree) keeps its form and the edits in it, so they stay unsaved.
      if (state.section !== action.payload.section) state.dirtySection = null;
      state.section = action.payload.section;
      state.highlight = action.payload.field ? { section: action.payload.section, field: action.payload.field } : null;
      state.leaving = null;
    },
    leaveAsked(state, action: PayloadAction<LeaveTarget>) {
      state.leaving = action.payload;
    },
    leaveCancelled(state) {
      state.leaving = null;
    },
    /** The question was answered by dropping the edits: the list item form that asked to close sees them gone and closes. */
    editsDropped: dropEdits,
    highlightShown(state) {
      state.highlight = null;
    },
    setDirty(state, action: PayloadAction<{ section: string; dirty: boolean }>) {
      state.dirtySection = action.payload.dirty ? action.payload.section : state.dirtySection === action.payload.section ? null : state.dirtySection;
    },
  },
  extraReducers: (builder) => {
    // However the session ended (signed out from the top bar, idle, elsewhere, a role or password
    // changed), the host's next answer to "who is signed in" says no one: the edits went with the
    // session, so whoever signs in next is not asked about them. A sign-out that failed never gets
    // here, and its edits stay guarded.
    builder.addMatcher(startApi.endpoints.accessState.matchFulfilled, (state, action) => {
      if (!action.payload.session) dropEdits(state);
    });
  },
});

function dropEdits(state: UiState): void {
  state.dirtySection = null;
  state.leaving = null;
}

export const { openSection, leaveAsked, leaveCancelled, editsDropped, highlightShown, setDirty } = ui.actions;
