/** One section of `npm run bench`'s report: a title and rows of label → value. */
export interface BenchSection {
  readonly title: string;
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
}
