import type { DataFileName } from './files';

/** Why a single feature was skipped. The UI turns the code into a sentence in the current language. */
export type FeatureProblemCode =
  'invalid-feature' | 'invalid-value' | 'swapped-coordinates' | 'outside-city' | 'duplicate-id' | 'insecure-link';

/** A feature that was skipped; every other feature of the file is still used. */
export interface FeatureProblem {
  file: DataFileName;
  /** The feature's id when it has a readable one, otherwise its position as `#index` (0-based). */
  feature: string;
  /** The property path that failed, such as `website` or `summary.en`. */
  field: string;
  code: FeatureProblemCode;
}

export type FileProblemCode = 'http' | 'network' | 'not-json' | 'wrong-type' | 'empty';

/** A file that could not be used at all. */
export interface FileProblem {
  file: DataFileName;
  code: FileProblemCode;
  /** HTTP status for `http`. */
  status?: number;
}

export class DataFileError extends Error {
  readonly problem: FileProblem;

  constructor(problem: FileProblem) {
    super(`${problem.file}: ${problem.code}${problem.status ? ` ${problem.status}` : ''}`);
    this.name = 'DataFileError';
    this.problem = problem;
  }
}
