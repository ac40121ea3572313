import * as v from 'valibot';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(400));

const stopSchema = v.object({
  hotspot: v.pipe(v.string(), v.regex(SLUG)),
  zoom: v.optional(v.pipe(v.number(), v.minValue(9), v.maxValue(18)), 15),
  caption: v.object({ de: text, en: text }),
});

const tourSchema = v.object({
  id: v.pipe(v.string(), v.regex(SLUG)),
  title: v.object({ de: text, en: text }),
  stops: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(50)),
});

const fileSchema = v.object({
  version: v.literal(1),
  tours: v.pipe(v.array(tourSchema), v.minLength(1)),
});

export type TourStop = v.InferOutput<typeof stopSchema> & { lngLat: readonly [number, number] };

export interface Tour {
  id: string;
  title: { de: string; en: string };
  stops: TourStop[];
}

export interface TourProblem {
  /** `tours.json`, then the tour id and the stop's index. */
  where: string;
  field: string;
}

/**
 * Validates data/tours.json like the other data files: a stop with a bad shape or an unknown hotspot is
 * skipped and reported; a file that is not a tours file at all yields no tours.
 */
export function validateTours(
  raw: unknown,
  hotspotPosition: (id: string) => readonly [number, number] | undefined,
): { tours: Tour[]; problems: TourProblem[] } {
  const file = v.safeParse(fileSchema, raw);
  if (!file.success) {
    const path = file.issues[0] ? v.getDotPath(file.issues[0]) : null;
    return { tours: [], problems: [{ where: 'tours.json', field: path ?? '(file)' }] };
  }
  const problems: TourProblem[] = [];
  const tours = file.output.tours.map((tour) => {
    const stops: TourStop[] = [];
    tour.stops.forEach((rawStop, index) => {
      const stop = v.safeParse(stopSchema, rawStop);
      const where = `tours.json › ${tour.id} › #${index}`;
      if (!stop.success) {
        const path = stop.issues[0] ? v.getDotPath(stop.issues[0]) : null;
        problems.push({ where, field: path ?? '(stop)' });
        return;
      }
      const lngLat = hotspotPosition(stop.output.hotspot);
      if (!lngLat) {
        problems.push({ where, field: 'hotspot' });
        return;
      }
      stops.push({ ...stop.output, lngLat });
    });
    return { id: tour.id, title: tour.title, stops };
  });
  return { tours: tours.filter((tour) => tour.stops.length > 0), problems };
}
