import { Badge, createTheme } from '@mantine/core';

/** Calm and dense: teal accents on neutral greys, system fonts, small radii. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    // Sentence case reads faster than capitals in dense lists; a badge is a short label that
    // must be read whole, so tables grow around it instead of truncating it.
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content' } },
    }),
  },
});
