/** A guide with something only one edition prints, and an image, for tests of what is printed again. */

/** A 2×2 PNG, red or blue. */
export const png = (rgb: 'red' | 'blue') =>
  Buffer.from(
    {
      red: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
      blue: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgYPgPRmAKABf2A/1+6zfzAAAAAElFTkSuQmCC',
    }[rgb],
    'base64',
  );

/** Loads `map.png`; its teacher's note (`A note for teachers only.`) is in the teacher edition only. */
export const guideWithMapAndNote = `---
title: Unchanged editions
lang: en
date: 2026-01-15
---

The overview, with a map: ![A map](map.png)

:::teacher
A note for teachers only.
:::

## Discussion questions

1. What does the map show?
`;

/** Two real sources as CSL-YAML (a journal article with a DOI, a book with an ISBN). */
export const twoReferences = `- id: kramer2009
  type: article-journal
  title: The Myth of a No-NATO-Enlargement Pledge to Russia
  author: [{ family: Kramer, given: Mark }]
  container-title: The Washington Quarterly
  issued: { date-parts: [[2009]] }
  DOI: 10.1080/01636600902773248
- id: sarotte2021
  type: book
  title: Not One Inch
  author: [{ family: Sarotte, given: Mary Elise }]
  publisher: Yale University Press
  issued: { date-parts: [[2021]] }
  ISBN: 9780300259933
`;
