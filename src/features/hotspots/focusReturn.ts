/** Moves focus back to a place's list button after its details close, so keyboard users keep their spot. */
export function focusListItem(id: string): boolean {
  const button = document.querySelector<HTMLButtonElement>(`button[data-hotspot-id="${CSS.escape(id)}"]`);
  if (!button) return false;
  button.focus();
  return true;
}
