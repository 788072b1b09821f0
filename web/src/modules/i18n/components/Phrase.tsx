import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence whose `{slot}` placeholders are filled with elements, so data inside our
 * words (a region's name) can carry its own markup: `data-content="data"`, a link.
 */
export function Phrase({ text, slots }: { text: string; slots: Record<string, ReactNode> }) {
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Fragment key={i}>{slots[part] ?? `{${part}}`}</Fragment>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** A stored name shown inside our words: marked as data (it has no translation). */
export function DataText({ children }: { children: ReactNode }) {
  return <span data-content="data">{children}</span>;
}
