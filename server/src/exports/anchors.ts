// Ids of places on the term sheet a link or the preview can open at. Imports nothing: the
// VS Code client uses it too, to open a scenario's rollup at that scenario.

/** The id of a scenario's heading on the term sheet: `scenario-OptInAtPhase2`. */
export function scenarioAnchor(name: string): string {
  return `scenario-${name}`;
}
