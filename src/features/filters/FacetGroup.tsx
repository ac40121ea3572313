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
}: {
  legend: string;
  options: readonly FacetOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
}) {
  const t = useT();
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <div className="facet__options">
        {options.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <label key={option.value} className={`facet__option${checked ? ' facet__option--checked' : ''}`}>
              <input type="checkbox" checked={checked} onChange={() => onToggle(option.value)} />
              {option.marker}
              <span>{t('filters.optionWithCount', { label: option.label, count: option.count })}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
