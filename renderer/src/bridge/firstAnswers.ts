import { firstAnswersElementId, type FirstAnswers } from '../../../domain/firstAnswers';

/**
 * The first screen's answers as the host put them into the page (domain/firstAnswers.ts), handed
 * out once: later asks go over the bridge, as the state may have changed. Null when the page has
 * none (Vite's dev server serves the page as built) or it cannot be read, and the first queries ask the bridge.
 */
export function takeFirstAnswers(): FirstAnswers | null {
  const block = document.getElementById(firstAnswersElementId);
  if (!block?.textContent) return null;
  block.remove();
  // A block that is not JSON (cut short, mangled by a proxy) must not stop the app from starting:
  // without it the first queries ask the bridge, as on Vite's dev server.
  try {
    return JSON.parse(block.textContent) as FirstAnswers;
  } catch {
    return null;
  }
}
