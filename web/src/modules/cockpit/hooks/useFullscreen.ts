import { useCallback, useEffect, useState } from 'react';

export interface Fullscreen {
  /** The large-display layout is on (in full screen, or in the page where the browser refused). */
  active: boolean;
  toggle: () => void;
}

/** The cockpit's large-display mode: the browser's Fullscreen API, left again with Esc. */
export function useFullscreen(): Fullscreen {
  const [active, setActive] = useState(false);

  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      void document.exitFullscreen();
      return;
    }
    if (active) {
      setActive(false);
      return;
    }
    setActive(true);
    // Without the browser's consent (an iframe, a policy) the dark layout still fills the window.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, [active]);

  return { active, toggle };
}
