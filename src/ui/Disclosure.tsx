import { useState, type ReactNode } from 'react';

/**
 * A <details> section that opens itself when it holds something active (a filter from a shared link)
 * but is otherwise left to the user: it never closes on its own.
 */
export function Disclosure({
  summary,
  openWhen,
  className,
  children,
}: {
  summary: ReactNode;
  openWhen: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(openWhen);
  // Adjusting state while rendering (not in an effect) when openWhen turns true.
  const [previousOpenWhen, setPreviousOpenWhen] = useState(openWhen);
  if (openWhen !== previousOpenWhen) {
    setPreviousOpenWhen(openWhen);
    if (openWhen) setOpen(true);
  }
  return (
    <details className={className} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
