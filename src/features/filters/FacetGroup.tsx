import type { ReactNode } from 'react';
import { useT } from '@/i18n/useT';

export interface FacetOption<T extends string> {
  value: T;
  label: string;
  count: number;
  marker?: ReactNode;
}

/** One facet as a group of checkboxes; each shows how many places choosing it would give. */
export function FacetGroup<T extends string>({
  legend,
  options,
  selected,
  onToggle,
  locked = false,
}: {
  legend: string;
  options: readonly FacetOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** Fixed by an embedding partner: shown, but not changeable. */
  locked?: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="facet">
      <legend className="facet__legend">
        {legend}
        {locked && <span className="facet__locked"> ({t('filters.locked')})</span>}
      </legend>
      <div className="facet__options">
        {options.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <label key={option.value} className={`facet__option${checked ? ' facet__option--checked' : ''}`}>
              <input type="checkbox" checked={checked} disabled={locked} onChange={() => onToggle(option.value)} />
              {option.marker}
              <span>{t('filters.optionWithCount', { label: option.label, count: option.count })}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
