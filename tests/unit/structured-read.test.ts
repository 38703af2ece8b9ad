/**
 * core/structured.ts readStructured: the page's meta tags and JSON-LD read into one typed object, and the
 * JSON-LD a page can get wrong — bad JSON, non-object values, deep nesting, huge arrays — read as before:
 * skipped or bounded, never a throw, the good scripts beside them still read.
 */
import { describe, expect, it } from 'vitest';
import { readStructured } from '../../core/structured';

const read = (jsonLd: string[], meta: [string, string][] = []) => readStructured({ meta, jsonLd });

describe('readStructured', () => {
  it('reads the article node once into plain fields', () => {
    const data = read([
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Harbour Digest' },
          { '@type': 'Organization', name: 'Harbour Digest Ltd', datePublished: '2001-01-01' },
          {
            '@type': ['NewsArticle'],
            headline: 'Council votes &#8211; at last',
            name: 'Harbour Digest',
            author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe'],
            publisher: { '@type': 'Organization', name: 'Harbour Digest' },
            datePublished: '2024-03-04T09:30:00+00:00',
            dateCreated: '2024-03-03',
            dateModified: '2024-03-05',
            isBasedOnUrl: 'https://www.harbourtimes.example/council-votes/',
            provider: { '@type': 'Organization', name: 'Harbour Times', url: 'https://www.harbourtimes.example/' },
            sourceOrganization: 'Coast Wire',
            copyrightHolder: { '@type': 'Organization', name: 'Harbour Times' },
          },
          { '@type': 'VideoObject', uploadDate: '2024-03-02', dateModified: '2024-03-06' },
        ],
      }),
    ]);
    expect(data.article).toEqual({
      headline: 'Council votes – at last',
      name: 'Harbour Digest',
      authors: ['Jane Doe', 'John Roe'],
      authorIsOrganization: false,
      publisher: 'Harbour Digest',
      datePublished: '2024-03-04T09:30:00+00:00',
      dateCreated: '2024-03-03',
      basedOn: 'https://www.harbourtimes.example/council-votes/',
      provider: { name: 'Harbour Times', url: 'https://www.harbourtimes.example/' },
      sourceOrganization: { name: 'Coast Wire', url: 'Coast Wire' },
      copyrightHolder: { name: 'Harbour Times', organization: true },
    });
    expect(data.articleMetadata).toBe(true);
    // An Organization's datePublished is not the story's; the video's upload date and every dateModified are kept.
    expect(data.otherDatePublished).toBeNull();
    expect(data.uploadDate).toBe('2024-03-02');
    expect(data.datesModified).toEqual(['2024-03-05', '2024-03-06']);
  });

  it('keeps the meta map (meta name, property, microdata itemprop): first one wins, as the digest gave it', () => {
    const data = read(
      [],
      [
        ['og:type', 'website'],
        ['og:site_name', 'Harbour Digest'],
        ['datepublished', '2024-03-04'],
      ],
    );
    expect(data.meta.get('og:site_name')).toBe('Harbour Digest');
    expect(data.meta.get('datepublished')).toBe('2024-03-04');
    expect(data.article).toBeNull();
    expect(data.articleMetadata).toBe(false);
    expect(read([], [['og:type', 'article']]).articleMetadata).toBe(true);
    expect(read([], [['article:published_time', '2024-03-04']]).articleMetadata).toBe(true);
  });

  it('a WebPage with a headline stands in for the article; an organisation or a breadcrumb never does', () => {
    expect(read([JSON.stringify({ '@type': 'WebPage', headline: 'Council votes', datePublished: '2024-03-04' })]).article?.headline).toBe(
      'Council votes',
    );
    expect(
      read([
        JSON.stringify([
          { '@type': 'Organization', author: 'x', headline: 'Not this' },
          { '@type': 'BreadcrumbList', headline: 'Nor this' },
        ]),
      ]).article,
    ).toBeNull();
    // The first article-typed node wins over an earlier fallback.
    const both = read([
      JSON.stringify([
        { '@type': 'WebPage', headline: 'Page' },
        { '@type': 'BlogPosting', headline: 'Post' },
      ]),
    ]);
    expect(both.article?.headline).toBe('Post');
  });

  it('an Organization as author is marked as one (its names are a fallback for the rules)', () => {
    const data = read([JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'NewsMediaOrganization', name: 'Metro Desk News' } })]);
    expect(data.article?.authors).toEqual(['Metro Desk News']);
    expect(data.article?.authorIsOrganization).toBe(true);
  });

  it('skips bad JSON and non-object values, and still reads the good script beside them', () => {
    const good = JSON.stringify({ '@type': 'NewsArticle', headline: 'Council votes' });
    const data = read([
      '{"@type": "NewsArticle", "headline": ',
      'null',
      '42',
      '"NewsArticle"',
      '[1, "two", null, true]',
      '{"@graph": "not a list"}',
      good,
    ]);
    expect(data.article?.headline).toBe('Council votes');
    expect(read(['not json at all', '', '}{']).article).toBeNull();
  });

  it('fields of the wrong shape read as nothing, not as text', () => {
    const data = read([
      JSON.stringify({
        '@type': 'NewsArticle',
        headline: { nested: true },
        author: [null, true, { '@type': 'Person' }, { name: { '@value': 'Ines Kohl' } }],
        publisher: [],
        datePublished: false,
        provider: { url: 7 },
      }),
    ]);
    expect(data.article).toMatchObject({
      headline: null,
      authors: ['Ines Kohl'],
      publisher: null,
      datePublished: null,
      provider: { name: null, url: null },
    });
  });

  it('bounds deep nesting and huge arrays: no throw, and the article is still found', () => {
    const depth = 20_000;
    const deepName = `${'{"name":'.repeat(depth)}"Jane Doe"${'}'.repeat(depth)}`;
    const deepArray = `${'['.repeat(depth)}{"@type":"NewsArticle","headline":"Too deep"}${']'.repeat(depth)}`;
    const article = `{"@type":"NewsArticle","headline":"Council votes","author":${deepName},"publisher":${deepName}}`;
    const data = read([deepArray, article]);
    expect(data.article?.headline).toBe('Council votes');
    expect(data.article?.authors).toEqual([]);
    expect(data.article?.publisher).toBeNull();

    // 100,000 nodes before the article: the walk stops at its bounds (200 per array, 400 nodes) without throwing.
    const huge = JSON.stringify({
      '@graph': [
        ...Array.from({ length: 100_000 }, (_, i) => ({ '@type': 'ImageObject', name: `image ${i}` })),
        { '@type': 'NewsArticle', headline: 'Past the bound' },
      ],
    });
    const bounded = read([huge, JSON.stringify({ '@type': 'BlogPosting', headline: 'Second script' })]);
    expect(bounded.article?.headline).toBe('Second script');
    const authors = JSON.stringify({ '@type': 'NewsArticle', author: Array.from({ length: 50_000 }, (_, i) => `Author ${i}`) });
    expect(read([authors]).article?.authors).toHaveLength(10);
  });
});
