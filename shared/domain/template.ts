/**
 * Fills `{caller.name}`-style variables in script and response text. Unknown variables stay in
 * the text as written, so the agent sees the gap instead of a silent blank.
 */
export function fillTemplate(
  text: string,
  variables: Readonly<Record<string, string | null | undefined>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(/\{([a-zA-Z][\w.]*)\}/g, (whole, name: string) => {
    const value = variables[name];
    if (value === undefined || value === null || value === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing };
}
