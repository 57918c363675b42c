let drawn: () => void = () => undefined;

/**
 * Resolves once the first screen a user can act on (sign-in, setup or the settings tree) has been
 * drawn. Code needed only after it (antd and everything drawn with it) is fetched from then on,
 * so compiling and running that code never lands between the first screen's render and its frame.
 */
export const firstScreenDrawn = new Promise<void>((resolve) => {
  drawn = resolve;
});

/**
 * Told by the App when it has committed its first real screen. A task queued from the next
 * animation frame runs after that frame is painted; the timer is the way out when no frame comes
 * (a window that is not shown draws none).
 */
export function firstScreenCommitted(): void {
  requestAnimationFrame(() => setTimeout(drawn, 0));
  setTimeout(drawn, 500);
}
