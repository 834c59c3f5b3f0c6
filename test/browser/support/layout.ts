import type { Page } from 'playwright-core';

/** The widths every page must fit without sideways scrolling: a small phone and a laptop. */
export const LAYOUT_WIDTHS = [375, 1280] as const;

/**
 * What is wrong with the layout of the page already loaded in `page`, as sentences (none when all is
 * well): at each of LAYOUT_WIDTHS, whether the document is wider than the window (and what sticks
 * out furthest); words that run together in the page's text because a space is missing between two
 * elements that look apart (`Stage 1` above `Towards Middle Leadership` is read, copied and
 * announced as "Stage 1Towards Middle Leadership"); and text in a font other than GOV.UK's (a
 * button left in the browser's own serif font, say).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const gluedAt = new Map<string, number[]>();
  const height = page.viewportSize()?.height ?? 900;
  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height });
    const measured = await page.evaluate(measureWidth);
    if (measured.documentWidth > measured.windowWidth)
      problems.push(`${measured.documentWidth} px wide in a ${width} px window (furthest out: ${measured.furthest.join('; ')})`);
    for (const words of await page.evaluate(wordsRunTogether)) gluedAt.set(words, [...(gluedAt.get(words) ?? []), width]);
  }
  for (const [words, widths] of gluedAt) problems.push(`words run together: “${words}” (at ${widths.join(' and ')} px)`);
  for (const element of new Set(await page.evaluate(textNotInGovukFont))) problems.push(`not in GOV.UK's font: ${element}`);
  return problems;
}

/** Runs in the page: the document's width, the window's, and the elements reaching furthest right. */
function measureWidth(): { documentWidth: number; windowWidth: number; furthest: string[] } {
  const windowWidth = document.documentElement.clientWidth;
  const describe = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} to ${Math.round(e.getBoundingClientRect().right)} px “${(e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 50)}”`;
  const over = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > windowWidth + 0.5);
  // The innermost ones: what sticks out, not every box around it.
  const innermost = over.filter((e) => !over.some((other) => other !== e && e.contains(other)));
  return {
    documentWidth: document.documentElement.scrollWidth,
    windowWidth,
    furthest: innermost
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 3)
      .map(describe),
  };
}

/**
 * Runs in the page: two pieces of text in different elements with no space between them where one is
 * needed, as "end|start" around the join. Two words glued on screen (side by side on a line: text,
 * links, tags) always need one, in a paragraph, a list item, a table cell, anywhere in the page's
 * main part. Text shown apart (one piece in a block of its own, or visually hidden words) needs one, unless punctuation
 * follows, where the pieces make one name: a heading, a link, a button, a label, a legend, a caption
 * or a column heading, whose words screen readers read out as one.
 */
function wordsRunTogether(): string[] {
  const found: string[] = [];
  const named = 'h1, h2, h3, h4, h5, h6, a, button, label, legend, caption, th';
  const containers = document.querySelectorAll(`main :is(${named}, p, li, td, dt, dd, .govuk-hint, .govuk-body, .govuk-body-s)`);
  // Inline boxes (text, links, tags) sit side by side on a line; anything else starts a box of its own.
  const inline = (e: Element) => ['inline', 'inline-block', 'inline-flex', 'inline-grid'].includes(getComputedStyle(e).display);
  for (const container of containers) {
    const isName = container.matches(named);
    const texts: Text[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (node.textContent?.trim() && parent && getComputedStyle(parent).display !== 'none' && !parent.closest('script, style, template'))
        texts.push(node as Text);
    }
    for (let i = 1; i < texts.length; i++) {
      const before = texts[i - 1] as Text;
      const after = texts[i] as Text;
      if (/\s$/.test(before.data) || /^\s/.test(after.data)) continue;
      // Whitespace or a line break between them (in text skipped above) separates them.
      const range = document.createRange();
      range.setStartAfter(before);
      range.setEndBefore(after);
      if (/\s/.test(range.toString()) || range.cloneContents().querySelector('br')) continue;
      const boxesOf = (node: Node) => {
        const boxes: Element[] = [];
        for (let e = node.parentElement; e && e !== container; e = e.parentElement) boxes.push(e);
        return boxes;
      };
      const beforeBoxes = boxesOf(before);
      const afterBoxes = boxesOf(after);
      const between = [...beforeBoxes.filter((e) => !afterBoxes.includes(e)), ...afterBoxes.filter((e) => !beforeBoxes.includes(e))];
      const shownApart = between.some((e) => !inline(e));
      const glued = shownApart
        ? isName && !/^[,.;:!?)’”]/.test(after.data) && !/[(‘“]$/.test(before.data)
        : /[\p{L}\p{N}]$/u.test(before.data) && /^[\p{L}\p{N}]/u.test(after.data);
      if (glued) found.push(`${before.data.trimStart().slice(-30)}|${after.data.trimEnd().slice(0, 30)}`);
    }
  }
  return [...new Set(found)];
}

/** Runs in the page: visible text whose font is not the one GOV.UK's styles give the page's main heading. */
function textNotInGovukFont(): string[] {
  const reference = document.querySelector('h1');
  if (!reference) return [];
  const govukFont = getComputedStyle(reference).fontFamily;
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('code, pre, kbd, samp, svg, script, style, template, option')) continue;
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const box = element.getBoundingClientRect();
    // Unseen text (not rendered, or visually hidden for screen readers) has no font to see.
    if (!ownText || element.getClientRects().length === 0 || (box.width <= 1 && box.height <= 1)) continue;
    const font = getComputedStyle(element).fontFamily;
    if (font !== govukFont) found.push(`${element.tagName.toLowerCase()} “${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}” (${font})`);
  }
  return found;
}
