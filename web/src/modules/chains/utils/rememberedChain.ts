const KEY = 'chainlead.chain';

/** The chain last opened in this browser tab, if any (sessionStorage: one tab, one chain). */
export function rememberedChain(): string | undefined {
  try {
    return window.sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Notes the chain in view, so pages off the chain (parks, an enterprise) and old links keep it. */
export function rememberChain(code: string): void {
  try {
    window.sessionStorage.setItem(KEY, code);
  } catch {
    // Storage refused (private mode): the server's default chain serves instead.
  }
}
