/** Bind parameters of one statement built from pieces: each piece adds its values and gets their `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter, with a cast when given (`$3::numeric`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
