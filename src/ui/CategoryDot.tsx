import { CATEGORY_COLOURS, type Category, type Status } from '@/domain/hotspot';

/** The same mark the map draws: a filled dot for existing places, a ring for planned visions. */
export function CategoryDot({ category, status }: { category: Category; status: Status }) {
  const colour = CATEGORY_COLOURS[category];
  return (
    <span
      aria-hidden="true"
      className="category-dot"
      style={
        status === 'planned' ? { borderColor: colour, background: '#fff' } : { borderColor: '#fff', background: colour }
      }
    />
  );
}
