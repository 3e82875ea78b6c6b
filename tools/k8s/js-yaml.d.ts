/** The part of js-yaml (4.x, already in node_modules) that the manifest tests use; it ships no types. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
  export function loadAll(text: string): unknown[];
}
