/**
 * `client:focus`: hydrates an island the first time the reader focuses something inside it (clicks or tabs
 * into the search box) — or at once if focus is already there when this runs. Until then the page runs only
 * this listener and Astro's island loader, so reading pages stay light (see test/site/build.test.ts).
 * Registered in astro.config.mjs.
 */
import type { ClientDirective } from 'astro';

const focusDirective: ClientDirective = (load, _options, el) => {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    el.removeEventListener('focusin', start);
    el.removeEventListener('pointerdown', start);
    const hydrate = await load();
    await hydrate();
  };
  // pointerdown: a tap starts loading a few milliseconds before the focus that follows it.
  el.addEventListener('focusin', start);
  el.addEventListener('pointerdown', start);
  if (el.contains(document.activeElement)) void start();
};

export default focusDirective;

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on first focus (or tap) inside the island: src/components/islands/client-focus.ts. */
    'client:focus'?: boolean;
  }
}
