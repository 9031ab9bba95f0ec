/** A variable in response or script text: `{caller.name}`, `{reference}`, `{tanggal}`. */
const VARIABLE = /\{([a-zA-Z][\w.]*)\}/g;

/**
 * Variables the desk fills by itself from the conversation and the signed-in agent; any other
 * variable in a text is asked of the agent before the text is inserted.
 */
export const KNOWN_TEMPLATE_VARIABLES = [
  'caller.name',
  'caller.organisation',
  'reference',
  'agent.name',
  'topik',
  'tanggal',
] as const;
export type KnownTemplateVariable = (typeof KNOWN_TEMPLATE_VARIABLES)[number];

/**
 * Fills `{caller.name}`-style variables in script and response text. Unknown variables stay in
 * the text as written, so the agent sees the gap instead of a silent blank. Values are inserted
 * as they are, never read again for variables.
 */
export function fillTemplate(
  text: string,
  variables: Readonly<Record<string, string | null | undefined>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(VARIABLE, (whole, name: string) => {
    const value = variables[name];
    if (value === undefined || value === null || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing };
}

/** The variables a text uses, each once, in the order they first appear. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
