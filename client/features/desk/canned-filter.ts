import type { CannedResponse } from '../../../shared/schemas/canned-response';

/**
 * The canned responses matching what the agent typed after `/`: every word must appear in the
 * code, the title or the text. A code starting with the first word comes first (the agent who
 * knows `/salam` gets it at the top), then the conversation's topic, then responses for any
 * topic, then other topics; by code within each.
 */
export function filterCannedResponses(
  responses: readonly CannedResponse[],
  query: string,
  topic: string | null,
): CannedResponse[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const first = words[0] ?? '';
  const topicRank = (response: CannedResponse) =>
    response.topic === topic && topic !== null ? 0 : response.topic === null ? 1 : 2;
  return responses
    .filter((response) => {
      const haystack = `${response.code} ${response.title} ${response.text}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .map((response) => ({
      response,
      rank: [first !== '' && response.code.startsWith(first) ? 0 : 1, topicRank(response)],
    }))
    .sort(
      (a, b) =>
        a.rank[0]! - b.rank[0]! ||
        a.rank[1]! - b.rank[1]! ||
        a.response.code.localeCompare(b.response.code),
    )
    .map(({ response }) => response);
}
