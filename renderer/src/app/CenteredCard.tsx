import type { ReactNode } from 'react';

/**
 * The frame of the screens before the app: sign-in, setup, a refused launch. Plain markup and CSS
 * (screens.css): the sign-in screen is drawn from the first script, which carries no antd.
 */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="bo-centered">
      <main className="bo-card">
        <h1 className="bo-card-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
