/** `text` with each occurrence of `term` marked. */
export function HighlightedText({ text, term }: { text: string; term: string }) {
  if (!term) return <span>{text}</span>;
  const parts = text.split(term);
  return (
    <span className="evidence-matched">
      {parts.map((part, index) => (
        // The parts of one string in order: their position is their identity.
        <span key={index}>
          {index > 0 && <mark>{term}</mark>}
          {part}
        </span>
      ))}
    </span>
  );
}
