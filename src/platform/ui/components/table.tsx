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
}

/** `colspan` / `rowspan` attributes, when set. */
function spans(cell: TableHeadCell | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (cell?.colspan) out.colspan = s(cell.colspan);
  if (cell?.rowspan) out.rowspan = s(cell.rowspan);
  return out;
}

/** GOV.UK table (`govukTable`). */
export function Table(params: TableParams) {
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
