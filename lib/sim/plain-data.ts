/** Deep copy of JSON-shaped data, so a snapshot never aliases live model state (and vice versa on restore). */
export function clonePlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
