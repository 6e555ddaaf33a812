// Fills "{name}" placeholders; a missing value leaves the placeholder visible so it gets noticed.
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
