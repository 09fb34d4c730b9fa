export function textSummary() {
  return '';
}
