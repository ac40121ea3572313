import { useEffect, useRef } from 'react';

/**
 * Keeps a native <dialog> in step with a boolean in the store: showModal() when it turns true (focus
 * moves in, the rest of the page becomes inert, Escape closes), close() when it turns false.
 */
export function useModalDialog(open: boolean) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return dialogRef;
}
