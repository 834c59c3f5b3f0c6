import { attrs, cx, htmlOrText, s, type Attributes, type TextOrHtml } from './shared';

/** A header cell of the table head. */
export interface TableHeadCell extends TextOrHtml {
  /** `numeric` right-aligns the column. */
  format?: string;
  classes?: string;
  colspan?: number | string;
  rowspan?: number | string;
  attributes?: Attributes;
}

/** A body cell. */
export interface TableCell extends TableHeadCell {}

/** Params of the `govukTable` macro. */
export interface TableParams {
  rows?: (TableCell[] | null | undefined | false)[];
  head?: TableHeadCell[];
  caption?: string;
  captionClasses?: string;
  /** Render the first cell of each row as a `<th scope="row">`. */
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Attributes;
  /**
   * Waymark's own option, not the macro's: on narrow screens (below GOV.UK's tablet breakpoint),
   * show each row as a block of stacked cells, each under its column's heading, as a summary
   * list does, instead of a table wider than the screen. On unless `false`; it needs `head`, and
   * labels come from head cells given as `text` (a visually hidden heading such as "Actions"
   * labels nothing). The markup is still the macro's: a class on the table and a `data-label`
   * attribute on each body cell, shown by the stylesheet.
   */
  stackOnNarrowScreens?: boolean;
}

/** `colspan` / `rowspan` attributes, when set. */
function spans(cell: TableHeadCell | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (cell?.colspan) out.colspan = s(cell.colspan);
  if (cell?.rowspan) out.rowspan = s(cell.rowspan);
  return out;
}

/** Column span of a cell, 1 unless it says otherwise. */
function columnsSpanned(cell: TableHeadCell | null | undefined): number {
  const n = Number(cell?.colspan ?? 1);
  return Number.isFinite(n) && n > 1 ? n : 1;
}

/**
 * The macro's params for stacked rows: the table gets `waymark-table--stack`, each body cell a
 * `data-label` naming its column (the first cell of a row, when it is the row's header, heads the
 * block instead).
 */
function stackedParams(params: TableParams): TableParams {
  const head = params.head;
  if (!head || params.stackOnNarrowScreens === false) return params;
  const labels: (string | undefined)[] = [];
  for (const cell of head) {
    const label = cell?.text === undefined || cell.text === '' ? undefined : String(cell.text);
    for (let i = 0; i < columnsSpanned(cell); i++) labels.push(label);
  }
  return {
    ...params,
    classes: cx('waymark-table--stack', params.classes),
    rows: (params.rows ?? []).map((row) => {
      if (!row) return row;
      let column = 0;
      return row.map((cell, index) => {
        const label = labels[column];
        column += columnsSpanned(cell);
        if (label === undefined || (index === 0 && params.firstCellIsHeader)) return cell;
        return { ...cell, attributes: { 'data-label': label, ...cell?.attributes } };
      });
    }),
  };
}

/**
 * GOV.UK table (`govukTable`), whose rows stack on narrow screens unless `stackOnNarrowScreens`
 * is `false` (then the markup is exactly the macro's).
 */
export function Table(tableParams: TableParams) {
  const params = stackedParams(tableParams);
  return (
    <table {...attrs(params.attributes)} class={cx('govuk-table', params.classes)}>
      {params.caption ? <caption class={cx('govuk-table__caption', params.captionClasses)}>{params.caption}</caption> : null}
      {params.head ? (
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {params.head.map((item) => (
              <th
                {...attrs(item?.attributes)}
                scope="col"
                class={cx('govuk-table__header', item?.format && `govuk-table__header--${item.format}`, item?.classes)}
                {...spans(item)}
              >
                {htmlOrText(item?.html, item?.text)}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody class="govuk-table__body">
        {(params.rows ?? []).map((row) =>
          row ? (
            <tr class="govuk-table__row">
              {row.map((cell, index) =>
                index === 0 && params.firstCellIsHeader ? (
                  <th {...attrs(cell?.attributes)} scope="row" class={cx('govuk-table__header', cell?.classes)} {...spans(cell)}>
                    {htmlOrText(cell?.html, cell?.text)}
                  </th>
                ) : (
                  <td
                    {...attrs(cell?.attributes)}
                    class={cx('govuk-table__cell', cell?.format && `govuk-table__cell--${cell.format}`, cell?.classes)}
                    {...spans(cell)}
                  >
                    {htmlOrText(cell?.html, cell?.text)}
                  </td>
                ),
              )}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}
